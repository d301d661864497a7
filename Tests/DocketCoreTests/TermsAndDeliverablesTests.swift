import Foundation
import Testing

@testable import DocketCore

@Suite("Terms")
struct TermsTests {
    func terms(_ version: Int, _ effective: String, _ status: TermsStatus = .agreed, _ body: String = "") -> Terms {
        Terms(
            version: version, title: nil, effective: CalendarDate(iso: effective)!, status: status,
            agreedOn: status == .agreed ? CalendarDate(iso: "2025-12-01") : nil,
            agreedBy: status == .agreed ? "Sam" : nil,
            markdown: body, bodyHTML: "", path: "t\(version).md")
    }

    @Test("the terms in force: the highest agreed version effective on or before the date; proposals never")
    func inForce() {
        let all = [terms(1, "2026-01-01"), terms(2, "2026-06-15"), terms(3, "2026-09-01", .proposed)]
        func version(_ date: String) -> Int? { Terms.inForce(on: CalendarDate(iso: date)!, in: all)?.version }
        #expect(version("2025-12-31") == nil)
        #expect(version("2026-01-01") == 1)
        #expect(version("2026-06-14") == 1)
        #expect(version("2026-06-15") == 2)
        #expect(version("2026-09-01") == 2)
        #expect(Terms.inForce(during: YearMonth(iso: "2026-06")!, in: all).map(\.version) == [1, 2])
        #expect(Terms.inForce(during: YearMonth(iso: "2026-07")!, in: all).map(\.version) == [2])
        #expect(Terms.inForce(during: YearMonth(iso: "2025-12")!, in: all).isEmpty)
        // Several changes in one month; version 3 takes effect after version 4 and so is never in force.
        let march = [
            terms(1, "2026-03-01"), terms(2, "2026-03-10"), terms(4, "2026-03-15"), terms(3, "2026-03-20"),
            terms(5, "2026-03-25", .proposed),
        ]
        #expect(Terms.inForce(during: YearMonth(iso: "2026-03")!, in: march).map(\.version) == [1, 2, 4])
    }

    @Test("terms files: agreed ones need agreed_on and agreed_by")
    func parse() {
        var diagnostics = Diagnostics()
        let parsed = Terms.parse(
            source("---\nversion: 2\neffective: 2026-09-01\nstatus: agreed\n---\n## Services\n"), currency: .gbp,
            diagnostics: &diagnostics)
        #expect(parsed == nil)
        #expect(
            diagnostics.errors.map(\.message) == [
                "missing required field `agreed_on`; expected a date YYYY-MM-DD",
                "missing required field `agreed_by`; expected text",
            ])
        var ok = Diagnostics()
        let proposal = Terms.parse(
            source("---\nversion: 3\neffective: 2027-01-01\nstatus: proposed\n---\nText\n"), currency: .gbp,
            diagnostics: &ok)
        #expect(ok.all.isEmpty)
        #expect(proposal?.status == .proposed)
        #expect(proposal?.bodyHTML == "<p>Text</p>\n")
    }

    @Test("the readable diff of two hand-made versions")
    func diff() {
        let old = "## Fees\n\nWork is £30 an hour.\n\n- Replies within one day\n- Invoices monthly\n"
        let new =
            "## Fees\n\nWork is £32 an hour.\n\n- Replies within one day\n- Invoices monthly, due in 14 days\n- Urgent work by phone\n"
        let changes = TermsDiff.compare(old: old, new: new)
        #expect(
            changes == [
                .same(.init(element: "h3", text: "Fees")),
                .changed(
                    element: "p",
                    words: [.same("Work"), .same("is"), .removed("£30"), .added("£32"), .same("an"), .same("hour.")]),
                .same(.init(element: "li", text: "Replies within one day")),
                .changed(
                    element: "li",
                    words: [
                        .same("Invoices"), .removed("monthly"), .added("monthly,"), .added("due"),
                        .added("in"), .added("14"), .added("days"),
                    ]),
                .added(.init(element: "li", text: "Urgent work by phone")),
            ])
        #expect(
            TermsDiff.html(changes) == """
                <h3>Fees</h3>
                <p class="changed">Work is <del>£30</del> <ins>£32</ins> an hour.</p>
                <ul>
                <li>Replies within one day</li>
                <li class="changed">Invoices <del>monthly</del> <ins>monthly, due in 14 days</ins></li>
                <li class="added"><ins>Urgent work by phone</ins></li>
                </ul>

                """)
    }

    @Test("a removed paragraph, and text from the terms is escaped in the diff")
    func removedAndEscaped() {
        let changes = TermsDiff.compare(
            old: "Keep this.\n\nDrop <b>this</b> & that.\n", new: "Keep this.\n\nNew \"rule\" <script>x</script>\n")
        let html = TermsDiff.html(changes)
        #expect(!html.contains("<script>") && !html.contains("<b>"))
        #expect(html.contains("&quot;rule&quot;"))
        #expect(TermsDiff.hasChanges(changes))
        #expect(!TermsDiff.hasChanges(TermsDiff.compare(old: "Same.\n", new: "Same.\n")))
    }

    @Test("mailto text is percent-encoded so it cannot add headers")
    func mailto() {
        #expect(HTML.percentEncode("I approve v2\n&cc=x@y") == "I%20approve%20v2%0A%26cc%3Dx%40y")
    }
}

@Suite("Deliverables")
struct DeliverableTests {
    let today = CalendarDate(iso: "2026-11-29")!

    func deliverable(due: String, asks: [(String, String, String?)] = [], delivered: String? = nil) -> Deliverable {
        Deliverable(
            title: "Website copy", due: CalendarDate(iso: due)!,
            asks: asks.map {
                Ask(date: CalendarDate(iso: $0.0)!, what: $0.1, received: $0.2.flatMap { CalendarDate(iso: $0) })
            },
            delivered: delivered.flatMap { CalendarDate(iso: $0) }, line: 1)
    }

    @Test("delivered late after waiting on the client: the days, by hand")
    func late() {
        let facts = deliverable(
            due: "2026-11-25", asks: [("2026-11-12", "brand guidelines", "2026-11-20")],
            delivered: "2026-11-27"
        ).facts(today: today)
        #expect(facts.status == "Delivered 2 days late")
        #expect(facts.daysLate == 2)
        #expect(facts.waits == ["Waited 8 days for brand guidelines"])
        #expect(facts.daysWaited == 8)
        #expect(facts.timeline.map(\.date.description) == ["2026-11-12", "2026-11-20", "2026-11-25", "2026-11-27"])
        #expect(
            facts.timeline.map(\.text) == [
                "Asked for brand guidelines", "Received brand guidelines (8 days after asking)",
                "Due", "Delivered",
            ])
    }

    @Test("delivered early and on the day")
    func early() {
        #expect(
            deliverable(due: "2026-11-25", delivered: "2026-11-23").facts(today: today).status
                == "Delivered on time (2 days early)")
        #expect(
            deliverable(due: "2026-11-25", delivered: "2026-11-25").facts(today: today).status == "Delivered on time")
    }

    @Test("open: days to go, due today, days overdue, still waiting; what arrived after the due date")
    func open() {
        #expect(deliverable(due: "2026-12-04").facts(today: today).status == "5 days to go")
        #expect(deliverable(due: "2026-11-29").facts(today: today).status == "Due today")
        let overdue = deliverable(due: "2026-11-26", asks: [("2026-11-09", "appraisal criteria", nil)]).facts(
            today: today)
        #expect(overdue.status == "3 days overdue")
        #expect(overdue.daysLate == 3)
        #expect(overdue.waits == ["Waiting for appraisal criteria: 20 days so far"])
        let arrivedLate = deliverable(due: "2026-11-25", asks: [("2026-11-01", "logo files", "2026-11-28")]).facts(
            today: today)
        #expect(
            arrivedLate.timeline.map(\.text).contains(
                "Received logo files (27 days after asking), 3 days after the due date"))
        // Two overlapping waits count each day once: 10–20 Nov and 15–25 Nov is 15 days.
        let both = deliverable(
            due: "2026-11-30", asks: [("2026-11-10", "a", "2026-11-20"), ("2026-11-15", "b", "2026-11-25")])
        #expect(both.facts(today: today).daysWaited == 15)
    }

    @Test("tasks.md: facts as nested items, and malformed items are errors with line and column")
    func parse() {
        var diagnostics = Diagnostics()
        let file = source(
            """
            # Deliverables

            - Website copy refresh
              - due: 2026-11-25
              - asked: 2026-11-12 brand guidelines from the client
              - received: 2026-11-20
              - delivered: 2026-11-27
            - Newsletter
              - deu: 2026-12-01
            - Price list
              - due: 1 December
            - Launch email
              - received: 2026-11-20
              - due: 2026-12-01
            - Social posts
              - asked: 2026-11-20
            """, path: "content/clients/acme/tasks.md")
        let deliverables = TasksParser.parse(file, diagnostics: &diagnostics)
        #expect(
            deliverables == [
                Deliverable(
                    title: "Website copy refresh", due: CalendarDate(iso: "2026-11-25")!,
                    asks: [
                        Ask(
                            date: CalendarDate(iso: "2026-11-12")!, what: "brand guidelines from the client",
                            received: CalendarDate(iso: "2026-11-20")!)
                    ],
                    delivered: CalendarDate(iso: "2026-11-27")!, line: 3)
            ])
        #expect(diagnostics.errors.map { "\($0.line):\($0.column)" } == ["9:5", "11:10", "13:5", "16:5"])
        #expect(
            diagnostics.errors[0].message
                == "unknown fact `deu`; expected `due`, `extended`, `asked`, `received` or `delivered` (did you mean `due`?)"
        )
        #expect(diagnostics.errors[1].message == "`due` needs a date YYYY-MM-DD, found `1`")
        #expect(diagnostics.errors[2].message.contains("nothing asked for"))
        #expect(diagnostics.errors[3].message.contains("needs what was asked for"))
    }

    @Test(
        "a deadline extended by agreement: delivered after the first date but by the agreed one reads as on time, the timeline shows both"
    )
    func extended() {
        // The brief was asked for on 2 Nov, arrived on 18 Nov (after the 16 Nov due date); the deadline moved to
        // 24 Nov, and the work was delivered on 22 Nov: six days after the first date, two days before the agreed.
        var moved = deliverable(
            due: "2026-11-16", asks: [("2026-11-02", "the brief", "2026-11-18")], delivered: "2026-11-22")
        moved.extensions = [
            Extension(date: CalendarDate(iso: "2026-11-24")!, reason: "brief arrived late, agreed with Sam")
        ]
        let facts = moved.facts(today: today)
        #expect(facts.status == "Delivered on time for the extended date (2 days early)")
        #expect(!facts.isLate && facts.daysLate == 0)
        #expect(
            facts.timeline.map { "\($0.date) \($0.text)" } == [
                "2026-11-02 Asked for the brief",
                "2026-11-16 Originally due",
                "2026-11-18 Received the brief (16 days after asking), 2 days after the original due date",
                "2026-11-22 Delivered",
                "2026-11-24 Due, as extended: brief arrived late, agreed with Sam",
            ])
        // Delivered on the agreed day; then after it (late against the agreed date, not the first one).
        moved.delivered = CalendarDate(iso: "2026-11-24")
        #expect(moved.facts(today: today).status == "Delivered on time for the extended date")
        moved.delivered = CalendarDate(iso: "2026-11-27")
        #expect(moved.facts(today: today).status == "Delivered 3 days late")
        #expect(moved.facts(today: today).daysLate == 3)
        // Open: days to go and overdue count from the agreed date. Two extensions: the last one written wins.
        moved.delivered = nil
        moved.extensions.append(Extension(date: CalendarDate(iso: "2026-12-01")!, reason: "scope grew, agreed by Sam"))
        let open = moved.facts(today: today)
        #expect(open.status == "2 days to go")
        #expect(
            open.timeline.map(\.text).suffix(2) == [
                "Extended to this date: brief arrived late, agreed with Sam; moved again later",
                "Due, as extended: scope grew, agreed by Sam",
            ])
        #expect(moved.agreedDue == CalendarDate(iso: "2026-12-01"))
    }

    @Test("an extension earlier than the one before it is kept (the last one written wins) with a warning")
    func extensionOrder() {
        var diagnostics = Diagnostics()
        let deliverables = TasksParser.parse(
            source(
                "- Sales page\n  - due: 2026-11-16\n  - extended: 2026-11-26 first\n  - extended: 2026-11-24 second\n",
                path: "content/clients/acme/tasks.md"), diagnostics: &diagnostics)
        #expect(deliverables.first?.agreedDue == CalendarDate(iso: "2026-11-24"))
        #expect(
            diagnostics.warnings.map(\.description) == [
                "content/clients/acme/tasks.md:4:15: warning: this extension moves the due date to 2026-11-24, which is not after the one before it (2026-11-26); the last one written is the date agreed, so check it is what was agreed and not a slip"
            ])
    }

    @Test("the deliverables page gives the agreed date and the first one; the month of each lists it")
    func extendedOnPage() throws {
        let site = try TemporarySite(files: [
            "content/business.md": businessMD,
            "content/clients/acme/client.md": "---\nname: Acme\ncontact: Sam\nemail: s@a.example\nrate: 30\n---\n",
            "content/clients/acme/timesheets/2026-11.md": "## 2026-11-02\n- 1h Sales page\n",
            "content/clients/acme/tasks.md":
                "- Sales page\n  - due: 2026-10-30\n  - extended: 2026-11-24 brief arrived late, agreed with Sam\n  - delivered: 2026-11-20\n",
        ])
        defer { site.remove() }
        let report = site.build()
        try #require(report.succeeded, "\(report.diagnostics.all)")
        let token = try #require(report.portals.first?.token)
        let page = try #require(site.read("public/\(token)/deliverables.html"))
        #expect(page.contains("Delivered on time for the extended date (4 days early)"))
        #expect(page.contains("· due Tuesday 24 November 2026 (extended from Friday 30 October 2026)"))
        #expect(page.contains("Due, as extended: brief arrived late, agreed with Sam"))
        let november = try #require(site.read("public/\(token)/hours/2026-11.html"))
        #expect(november.contains("Sales page"))
    }

    @Test("tasks.md: `extended` needs a later date and a reason; each is kept in order")
    func parseExtended() {
        var diagnostics = Diagnostics()
        let file = source(
            """
            - Sales page
              - due: 2026-11-16
              - extended: 2026-11-24 brief arrived late, agreed with Sam
              - extended: 2026-11-26 Sam asked for one more section
            - Brochure
              - due: 2026-11-16
              - extended: 2026-11-20
            - Flyer
              - due: 2026-11-16
              - extended: 2026-11-16 same day
            """, path: "content/clients/acme/tasks.md")
        let deliverables = TasksParser.parse(file, diagnostics: &diagnostics)
        #expect(
            deliverables.first?.extensions == [
                Extension(date: CalendarDate(iso: "2026-11-24")!, reason: "brief arrived late, agreed with Sam"),
                Extension(date: CalendarDate(iso: "2026-11-26")!, reason: "Sam asked for one more section"),
            ])
        #expect(deliverables.count == 1)
        #expect(
            diagnostics.errors.map(\.description) == [
                "content/clients/acme/tasks.md:7:5: error: `extended` needs why and who agreed after the new date, like `extended: 2026-11-20 brief arrived late, agreed with Sam`",
                "content/clients/acme/tasks.md:10:15: error: `extended` moves the due date to 2026-11-16, which is not after the date it was due (2026-11-16); expected a later date, or change `due` if the first date was a mistake",
            ])
    }

    @Test("a deliverable without a due date is an error at its name")
    func missingDue() {
        var diagnostics = Diagnostics()
        _ = TasksParser.parse(source("- Brochure\n  - delivered: 2026-11-01\n"), diagnostics: &diagnostics)
        #expect(
            diagnostics.errors.map(\.description) == [
                "content/test.md:1:3: error: the deliverable `Brochure` has no due date; expected a nested item `due: YYYY-MM-DD`"
            ])
    }

    @Test("a fact's key, value offset, date and rest: ASCII split by bytes exactly as by characters")
    func factSplitting() {
        let fact = TasksParser.splitFact("Asked:   2026-11-20  brand guidelines ")
        #expect(fact?.key == "asked")
        #expect(fact?.valueOffset == 9)
        #expect(fact?.dateText == "2026-11-20")
        #expect(fact?.rest == "brand guidelines")
        #expect(TasksParser.splitFact("no colon here") == nil)
        var random = SeededGenerator(state: 99)
        let pieces = [
            "due", "Asked", ":", " ", "  ", "\t", "2026-11-20", "x", "photos", "\u{0B}", "a:b", "DELIVERED", "-",
        ]
        for _ in 0..<5_000 {
            let text = (0..<Int.random(in: 0...7, using: &random)).map { _ in pieces.randomElement(using: &random)! }
                .joined()
            let bytes = TasksParser.splitFact(text)
            let characters = TasksParser.splitFactByCharacters(text)
            #expect(
                bytes?.key == characters?.key && bytes?.valueOffset == characters?.valueOffset
                    && bytes?.dateText == characters?.dateText && bytes?.rest == characters?.rest,
                "\(text.debugDescription)")
        }
    }
}
