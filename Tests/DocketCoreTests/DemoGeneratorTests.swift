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

    @Test("a generated client's share token is readable by the VA only (0600), as a build saves one")
    func privateTokens() throws {
        let site = try TemporarySite(files: [:], templates: false)
        defer { site.remove() }
        try DemoGenerator(clients: 3, months: 1, seed: 11, lastMonth: YearMonth(iso: "2026-10")!).write(to: site.root)
        let clients = site.root.appendingPathComponent("content/clients")
        let slugs = try FileManager.default.contentsOfDirectory(atPath: clients.path).sorted()
        #expect(slugs.count == 3)
        for slug in slugs {
            let token = clients.appendingPathComponent("\(slug)/token.txt").path
            let mode = try #require(try FileManager.default.attributesOfItem(atPath: token)[.posixPermissions] as? Int)
            #expect(mode == 0o600, "\(slug)/token.txt has mode \(String(mode, radix: 8))")
        }
    }
}
