import FuzzSupport

@testable import DocketCore

/// A client's tasks.md: deliverables and their dated facts.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let text = fuzzText(data, size) else { return 0 }
    var diagnostics = Diagnostics()
    _ = TasksParser.parse(SourceFile(path: "content/clients/acme/tasks.md", text: text), diagnostics: &diagnostics)
    return 0
}
