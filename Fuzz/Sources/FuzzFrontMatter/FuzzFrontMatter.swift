import FuzzSupport
import Yams

@testable import DocketCore

/// The business a fuzzed client.md is read against.
let business: Business = {
    var diagnostics = Diagnostics()
    let text = "---\nname: Demo VA\naddress: 1 Demo Street\nemail: va@demo.example\ncurrency: GBP\n---\n"
    return Business.parse(SourceFile(path: "content/business.md", text: text), diagnostics: &diagnostics)!
}()

/// Whether two nodes hold the same values in the same places (as `FlatYAMLTests` compares them).
func same(_ a: YAMLNode, _ b: YAMLNode) -> Bool {
    guard a.mark?.line == b.mark?.line, a.mark?.column == b.mark?.column else { return false }
    switch (a.content, b.content) {
    case (.scalar(let x), .scalar(let y)):
        return x == y
    case (.sequence(let x), .sequence(let y)):
        return x.count == y.count && zip(x, y).allSatisfy { same($0, $1) }
    case (.mapping(let x), .mapping(let y)):
        return x.count == y.count && zip(x, y).allSatisfy { same($0.key, $1.key) && same($0.value, $1.value) }
    default:
        return false
    }
}

/// Front matter, read as business.md and as a client.md (splitting, YAML, every typed field reader); and
/// `FlatYAML`, the fast YAML reader, held to Yams: whatever it accepts, Yams must read into the same nodes.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let text = fuzzText(data, size) else { return 0 }
    var diagnostics = Diagnostics()
    _ = Business.parse(SourceFile(path: "content/business.md", text: text), diagnostics: &diagnostics)
    _ = Client.read(
        SourceFile(path: "content/clients/acme/client.md", text: text), slug: "acme", business: business,
        diagnostics: &diagnostics)
    let split = FrontMatter.split(SourceFile(path: "client.md", text: text), diagnostics: &diagnostics)
    for yaml in [text, split.yaml].compactMap({ $0 }) {
        guard let fast = FlatYAML.parse(yaml) else { continue }
        guard let slow = (try? Yams.compose(yaml: yaml, .basic, .default, .utf8)).flatMap({ $0.map(YAMLNode.init) })
        else { divergence("FlatYAML accepted what Yams rejects", input: yaml, fast, "nil") }
        if !same(fast, slow) { divergence("FlatYAML and Yams read different nodes", input: yaml, fast, slow) }
    }
    return 0
}
