import Foundation
import Testing

@testable import DocketCore
@testable import DocketTemplates

/// The hand-written `templateValue` of every view model must show templates exactly the stored properties
/// of its type: reflection (slow, so only used here) is the oracle.
@Suite struct TemplateFieldsTests {
    /// A value as reflection sees it: structs become objects of their stored properties, nil ones left out.
    static func reflected(_ value: Any) -> TemplateValue? {
        switch value {
        case let text as String: return .text(text)
        case let flag as Bool: return .flag(flag)
        case let number as Int: return .number(number)
        default: break
        }
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .optional:
            return mirror.children.first.flatMap { reflected($0.value) }
        case .struct, .class:
            return .object(TemplateObject(mirror.children.map { ($0.label ?? "?", reflected($0.value)) }))
        case .collection:
            return .list(mirror.children.compactMap { reflected($0.value) })
        default:
            Issue.record("a view model holds a \(type(of: value)), which templates cannot show")
            return nil
        }
    }

    /// Whether two values are the same for a template (the order of an object's keys does not matter).
    static func same(_ a: TemplateValue, _ b: TemplateValue, at path: String) -> Bool {
        switch (a, b) {
        case (.object(let x), .object(let y)):
            guard Set(x.keys) == Set(y.keys) else {
                Issue.record(
                    "\(path): the template fields are \(x.keys.sorted()) but the stored properties are \(y.keys.sorted())"
                )
                return false
            }
            return x.keys.allSatisfy { same(x[$0]!, y[$0]!, at: "\(path).\($0)") }
        case (.list(let x), .list(let y)):
            guard x.count == y.count else { return false }
            return zip(x, y).enumerated().allSatisfy { same($0.element.0, $0.element.1, at: "\(path)[\($0.offset)]") }
        default:
            if a != b { Issue.record("\(path): \(a) is not \(b)") }
            return a == b
        }
    }

    func check(_ model: some TemplateRepresentable, _ name: String) {
        guard let expected = Self.reflected(model) else { return }
        #expect(Self.same(model.templateValue, expected, at: name))
        // The `field` lines name every stored property once, nil ones included (the values above leave nil
        // fields out, so a misspelt line for a property that is nil here would pass them). Order is free.
        let arena = TemplateArena(names: TemplateNames([]), slots: 64, textBytes: 64)
        guard case .object(_, let shape) = model.slot(in: arena) else {
            Issue.record("\(name): not written as an object")
            return
        }
        let properties = Mirror(reflecting: model).children.compactMap(\.label)
        #expect(
            arena.shapes[Int(shape)].names.sorted() == properties.sorted(),
            "\(name): the `field` lines against the stored properties")
    }

    @Test func everyPageOfTheDemoShowsEveryStoredProperty() throws {
        let root = TemporarySite.repository
        var diagnostics = Diagnostics()
        let site = try #require(SiteLoader.load(root: root, diagnostics: &diagnostics))
        let templates = try #require(TemplateSet.load(root: root, diagnostics: &diagnostics))
        let today = try #require(CalendarDate(iso: "2026-11-29"))
        let renderer = PortalRenderer(templates: templates, business: site.business, today: today)
        var computedClients: [ComputedClient] = []
        var pages = 0
        for content in site.clients {
            let computed = ComputedClient.compute(
                content, business: site.business, today: today, diagnostics: &diagnostics)
            computedClients.append(computed)
            check(renderer.overviewPage(computed), "overview")
            let months = computed.figures.months
            let sheets = Dictionary(content.timesheets.map { ($0.month, $0) }, uniquingKeysWith: { first, _ in first })
            for (index, month) in months.enumerated() {
                check(
                    renderer.hoursPage(
                        computed, figures: month, timesheet: sheets[month.month],
                        previous: index > 0 ? months[index - 1].month : nil,
                        next: index + 1 < months.count ? months[index + 1].month : nil), "hours")
                pages += 1
            }
            for invoice in computed.publishedInvoices {
                check(
                    renderer.invoicePage(invoice, computed: computed, pagedMonths: Set(months.map { $0.month })),
                    "invoice")
                pages += 1
            }
            check(renderer.statementPage(computed), "statement")
            check(renderer.termsIndexPage(computed), "terms")
            for version in content.terms {
                check(renderer.termsVersionPage(version, computed: computed), "terms-version")
            }
            check(renderer.deliverablesPage(computed), "deliverables")
        }
        let chrome = PageChrome(
            title: "T", root: "", portalRoot: "", business: "B", clientName: nil, asOf: "today",
            nav: [NavLink(label: "L", href: "h", current: true)], hasNav: true)
        check(IndexPage(page: chrome), "index")
        let portals = site.clients.map {
            Portal(slug: $0.client.slug, name: $0.client.name, token: "t", isNewToken: false)
        }
        check(
            DashboardRenderer(templates: templates, business: site.business, today: today)
                .page(
                    Dashboard(clients: computedClients, businessCurrency: site.business.currency, today: today),
                    portals: portals), "dashboard")
        #expect(pages >= 10)
    }
}
