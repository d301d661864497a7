import Foundation
import Testing

@testable import DocketCore

@Suite("The demo generator")
struct DemoGeneratorTests {
    @Test("a generated site builds with no errors and no warnings, and the same seed writes the same files")
    func generated() throws {
        let first = try TemporarySite(files: [:])
        let second = try TemporarySite(files: [:], templates: false)
        defer {
            first.remove()
            second.remove()
        }
        let generator = DemoGenerator(clients: 6, months: 4, seed: 11, lastMonth: YearMonth(iso: "2026-10")!)
        try generator.write(to: first.root)
        try generator.write(to: second.root)
        #expect(first.snapshot("content") == second.snapshot("content"))
        #expect(first.snapshot("content").keys.filter { $0.hasSuffix(".md") }.count == 1 + 6 * (1 + 1 + 4 + 4 + 1))
        let report = first.build(today: "2026-11-20")
        #expect(report.diagnostics.all.isEmpty, "\(report.diagnostics.all.prefix(5))")
        #expect(report.portals.count == 6)
    }
}
