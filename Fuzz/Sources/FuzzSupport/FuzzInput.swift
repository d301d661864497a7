import Foundation

/// The fuzzer's bytes as a file's text: nil unless they are UTF-8, since Docket's loader refuses any other
/// file before a parser sees it.
public func fuzzText(_ data: UnsafePointer<UInt8>?, _ size: Int) -> String? {
    guard let data else { return size == 0 ? "" : nil }
    return String(validating: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
}

/// Stops the run when a fast reader and its reference disagree, so that libFuzzer reports the input as a
/// crash and saves it; prints both sides first.
public func divergence(_ what: String, input: String, _ fast: Any, _ reference: Any) -> Never {
    var report = "DIVERGENCE: \(what)\ninput: \(input.debugDescription)\n"
    report += "fast:      \(String(describing: fast))\nreference: \(String(describing: reference))\n"
    FileHandle.standardError.write(Data(report.utf8))
    abort()
}
