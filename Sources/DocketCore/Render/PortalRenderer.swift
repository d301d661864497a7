import Foundation

/// Turns a client's content and figures into the pages of its portal, in memory.
struct PortalRenderer: Sendable {
    /// The site's templates.
    let templates: TemplateSet
    /// The business (its name appears on every page).
    let business: Business
    /// The currency amounts are printed in: business.md's, or, for `portal`'s pages, the client's
    /// (`rendering(for:)`).
    private(set) var currency: Currency
    /// The date the build is as of.
    let today: CalendarDate
    /// The business address, line by line (on every invoice).
    let businessAddressLines: [String]
    /// `today` for people (on every page).
    let asOf: String
    /// The share token of the portal being rendered (`portal`'s pages), for the page addresses emails quote.
    private(set) var token: String?
    /// An encrypted portal's file names, known before its pages are rendered, for the same addresses.
    private(set) var pageNames: OpaquePageNames?

    /// The email texts, from this business.
    var emails: ClientEmails { ClientEmails(business: business) }

    /// Creates a renderer.
    init(templates: TemplateSet, business: Business, today: CalendarDate) {
        self.templates = templates
        self.business = business
        currency = business.currency
        self.today = today
        businessAddressLines = Self.addressLines(business.address)
        asOf = today.longDescription
    }

    /// The site-wide files: `index.html` (names no client), `robots.txt` (disallows everything), assets.
    func siteFiles() -> [OutputFile] {
        let chrome = PageChrome(
            title: business.name, root: "", portalRoot: "", business: business.name,
            clientName: nil, asOf: asOf, nav: [], hasNav: false)
        let files = [
            OutputFile(path: "index.html", data: templates.render("index", IndexPage(page: chrome))),
            OutputFile(path: "robots.txt", text: "User-agent: *\nDisallow: /\n"),
        ]
        return files + templates.assetFiles
    }

    /// The paths of the site-wide files, as `siteFiles()` names them.
    func siteFilePaths() -> [String] {
        ["index.html", "robots.txt"] + templates.assetPaths
    }

    /// This renderer for one client's pages: every amount in the client's currency.
    func rendering(for client: Client) -> PortalRenderer {
        var renderer = self
        renderer.currency = client.currency
        return renderer
    }

    /// Every page of one client's portal under `<token>/`, its amounts in the client's currency; with
    /// `calendar`, its dates as `calendar.ics` too (not for an encrypted portal: a calendar subscription cannot
    /// decrypt). `pageNames` are an encrypted portal's file names, for the addresses its pages quote in
    /// the questions a client can email about a line or a day.
    func portal(
        _ computed: ComputedClient, token: String, calendar: Bool = true, pageNames: OpaquePageNames? = nil
    ) -> [OutputFile] {
        var renderer = rendering(for: computed.client)
        renderer.token = token
        renderer.pageNames = pageNames
        return renderer.pages(computed, token: token, calendar: calendar)
    }

    /// The portal's pages, amounts in this renderer's currency.
    private func pages(_ computed: ComputedClient, token: String, calendar: Bool) -> [OutputFile] {
        let content = computed.content
        var files: [OutputFile] = []
        let months = computed.figures.months
        var overview = overviewPage(computed)
        if calendar { overview.calendarHref = "calendar.ics" }
        files.append(OutputFile(path: "\(token)/index.html", data: templates.render("overview", overview)))
        let sheets = Dictionary(content.timesheets.map { ($0.month, $0) }, uniquingKeysWith: { first, _ in first })
        for (index, month) in months.enumerated() {
            let page = hoursPage(
                computed, figures: month, timesheet: sheets[month.month],
                previous: index > 0 ? months[index - 1].month : nil,
                next: index + 1 < months.count ? months[index + 1].month : nil)
            files.append(OutputFile(path: "\(token)/hours/\(month.month).html", data: templates.render("hours", page)))
        }
        let pagedMonths = Set(months.map(\.month))
        for invoice in computed.publishedInvoices {
            let page = invoicePage(invoice, computed: computed, pagedMonths: pagedMonths)
            files.append(
                OutputFile(path: "\(token)/invoices/\(invoice.number).html", data: templates.render("invoice", page)))
        }
        files.append(
            OutputFile(path: "\(token)/statement.html", data: templates.render("statement", statementPage(computed))))
        files.append(
            OutputFile(path: "\(token)/terms/index.html", data: templates.render("terms", termsIndexPage(computed))))
        for version in content.terms {
            files.append(
                OutputFile(
                    path: "\(token)/terms/\(version.version).html",
                    data: templates.render("terms-version", termsVersionPage(version, computed: computed))))
        }
        if !content.deliverables.isEmpty {
            files.append(
                OutputFile(
                    path: "\(token)/deliverables.html",
                    data: templates.render("deliverables", deliverablesPage(computed))))
        }
        files.append(
            OutputFile(
                path: "\(token)/data.json",
                data: DataJSON.data(computed)))
        if calendar {
            files.append(
                OutputFile(
                    path: "\(token)/calendar.ics",
                    text: ICalendar.text(
                        name: "\(computed.client.name): dates from \(business.name)",
                        events: CalendarEvent.events(of: computed, today: today), stamp: today)))
        }
        return files
    }

    // MARK: - View models

    func chrome(title: String, computed: ComputedClient, depth: Int, current: String) -> PageChrome {
        let client = computed.client
        // Pages are at most one folder deep: their relative links are fixed texts (nothing made per page).
        let portalRoot = depth == 0 ? "" : depth == 1 ? "../" : String(repeating: "../", count: depth)
        func link(_ top: String, _ deeper: String, _ path: String) -> String {
            depth == 0 ? top : depth == 1 ? deeper : portalRoot + path
        }
        var nav: [NavLink] = []
        nav.reserveCapacity(5)
        nav.append(
            NavLink(
                label: "Overview", href: link("index.html", "../index.html", "index.html"),
                current: current == "overview"))
        if let latest = computed.figures.months.last?.month {
            nav.append(NavLink(label: "Hours", href: "\(portalRoot)hours/\(latest).html", current: current == "hours"))
        }
        nav.append(
            NavLink(
                label: "Statement", href: link("statement.html", "../statement.html", "statement.html"),
                current: current == "statement"))
        if !computed.content.deliverables.isEmpty {
            nav.append(
                NavLink(
                    label: "Deliverables", href: link("deliverables.html", "../deliverables.html", "deliverables.html"),
                    current: current == "deliverables"))
        }
        nav.append(
            NavLink(
                label: "Terms", href: link("terms/index.html", "../terms/index.html", "terms/index.html"),
                current: current == "terms"))
        return PageChrome(
            title: "\(title) · \(client.name)", root: link("../", "../../", "../"), portalRoot: portalRoot,
            business: business.name, businessEmail: business.email,
            businessMailto: HTML.mailto(business.email), clientName: client.name, asOf: asOf, nav: nav,
            hasNav: !nav.isEmpty)
    }

    func money(_ amount: MinorUnits) -> String { MoneyFormat.format(amount, currency: currency) }

    func summary(_ figures: MonthFigures, client: BillingFigures) -> MonthSummaryView {
        MonthSummaryView(
            month: figures.month.description, label: figures.month.longDescription,
            href: "hours/\(figures.month).html",
            logged: Formatting.duration(figures.loggedMinutes),
            billable: Formatting.duration(figures.billableMinutes),
            inHours: Formatting.duration(figures.inHoursMinutes),
            outOfHours: Formatting.duration(figures.outOfHoursMinutes),
            hasOutOfHours: figures.outOfHoursMinutes > 0,
            unbilled: Formatting.duration(figures.unbilledMinutes),
            hasUnbilled: figures.unbilledMinutes > 0,
            travel: Formatting.duration(figures.travelMinutes),
            hasTravel: figures.travelMinutes > 0,
            distance: "\(figures.distance.formatted(decimals: 1)) \(client.distanceUnit.rawValue)",
            hasDistance: figures.distance > .zero,
            expenses: money(figures.expenses), expenseCount: figures.expenseCount,
            hasExpenses: figures.expenses > 0, hasTimesheet: figures.hasTimesheet,
            retainer: figures.retainer.flatMap { month in
                client.retainer.map { RetainerView(month, terms: $0, money: money) }
            })
    }

    func overviewPage(_ computed: ComputedClient) -> OverviewPage {
        let client = computed.content.timeline.figures(for: today.yearMonth)
        let figures = computed.figures
        let statement = computed.statement
        let timeline = computed.content.timeline
        let month = today.yearMonth
        let onRetainer = timeline.isRetainerMonth(month, first: figures.months.first?.month ?? month)
        var rates: [RateRow] = []
        if let retainer = client.retainer, onRetainer {
            rates.append(RateRow(label: "Hours beyond the retainer", value: "\(money(retainer.overageRate)) an hour"))
        } else {
            rates.append(
                RateRow(
                    label: client.coreHours == nil ? "Work" : "Work in core hours",
                    value: "\(money(client.rate)) an hour"))
        }
        if client.coreHours != nil {
            rates.append(RateRow(label: "Work outside core hours", value: "\(money(client.outOfHoursRate)) an hour"))
        }
        rates.append(RateRow(label: "Travel time", value: "\(money(client.travelRate)) an hour"))
        if let mileage = client.mileageRate {
            rates.append(
                RateRow(
                    label: "Mileage", value: "\(money(mileage)) a \(client.distanceUnit == .mi ? "mile" : "kilometre")")
            )
        }
        if client.increment > 1 {
            rates.append(
                RateRow(label: "Rounding", value: "each entry rounded up to \(Formatting.duration(client.increment))"))
        }
        let since = timeline.latestChange(inForceIn: month).map {
            "since \($0.effective.longDescription) (terms version \($0.version))."
        }
        let upcoming = timeline.changes.filter { $0.effective > month.firstDay }.min { $0.effective < $1.effective }
        let upcomingChanges =
            upcoming.map {
                FigureChanges.between(client, timeline.figures(for: $0.effective.yearMonth), money: money)
            } ?? []
        var retainerTerms: String?
        var rolloverRule: String?
        if let retainer = client.retainer, onRetainer {
            retainerTerms =
                "\(Formatting.duration(retainer.includedMinutes)) a month for \(money(retainer.fee)), billed \(retainer.billing == .advance ? "in advance" : "in arrears")"
            rolloverRule =
                retainer.rolloverMinutes > 0
                ? "Up to \(Formatting.duration(retainer.rolloverMinutes)) of unused included time carries into the next month only."
                : "Unused hours do not carry over."
        }
        let recent = figures.months.suffix(12).reversed().map { summary($0, client: timeline.figures(for: $0.month)) }
        let inForce = Terms.inForce(on: today, in: computed.content.terms)
        let proposals = proposedTerms(computed).map { termsView($0, computed: computed) }
        let open = computed.content.deliverables.filter(\.isOpen).sorted {
            ($0.agreedDue, $0.line) < ($1.agreedDue, $1.line)
        }
        .map { deliverableView($0) }
        return OverviewPage(
            page: chrome(title: "Overview", computed: computed, depth: 0, current: "overview"),
            clientName: computed.client.name, contact: computed.client.contact,
            current: figures.current.map { summary($0, client: timeline.figures(for: $0.month)) },
            currentIsThisMonth: figures.current?.month == today.yearMonth,
            hasRetainer: onRetainer || figures.months.contains { $0.retainer != nil },
            retainerTerms: retainerTerms, rolloverRule: rolloverRule,
            recentMonths: recent, hasRecentMonths: !recent.isEmpty,
            hasCoreHours: client.coreHours != nil,
            coreHours: client.coreHours?.summary.map { CoreHoursRow(days: $0.days, hours: $0.hours) } ?? [],
            rates: rates, figuresSince: since, upcomingChanges: upcomingChanges,
            hasUpcomingChanges: !upcomingChanges.isEmpty,
            upcomingFrom: upcoming.map { "\($0.effective.longDescription) (terms version \($0.version))" } ?? "",
            estimate: computed.estimate.map { estimateView($0, computed: computed) },
            account: account(statement, depth: 0),
            termsInForce: inForce.map { termsView($0, computed: computed) }, noTerms: inForce == nil,
            proposals: proposals, hasProposals: !proposals.isEmpty,
            openDeliverables: open, hasOpenDeliverables: !open.isEmpty)
    }

    func hoursPage(
        _ computed: ComputedClient, figures: MonthFigures, timesheet: Timesheet?, previous: YearMonth?,
        next: YearMonth?
    ) -> HoursPage {
        let client = computed.content.timeline.figures(for: figures.month)
        let view = summary(figures, client: client)
        var kinds: [KindRow] = [
            KindRow(
                label: client.coreHours == nil ? "Work" : "Work in core hours",
                quantity: view.inHours,
                note: client.retainer == nil ? "at \(money(client.rate)) an hour" : "counts against the retainer")
        ]
        let notRetainer = client.retainer == nil ? "" : "; never counts against the retainer"
        if figures.outOfHoursMinutes > 0 || client.coreHours != nil {
            kinds.append(
                KindRow(
                    label: "Work outside core hours", quantity: view.outOfHours,
                    note: "at \(money(client.outOfHoursRate)) an hour\(notRetainer)"))
        }
        kinds.append(KindRow(label: "Unbilled work", quantity: view.unbilled, note: "given free: shown, never charged"))
        kinds.append(
            KindRow(
                label: "Travel time", quantity: view.travel,
                note: "at \(money(client.travelRate)) an hour\(notRetainer)"))
        if figures.distance > .zero || client.mileageRate != nil {
            kinds.append(
                KindRow(
                    label: "Mileage", quantity: view.distance,
                    note: client.mileageRate.map { "at \(money($0)) a \(client.distanceUnit.rawValue)" } ?? ""))
        }
        kinds.append(
            KindRow(
                label: "Expenses", quantity: view.expenses,
                note: "\(figures.expenseCount) item\(figures.expenseCount == 1 ? "" : "s"), at cost"))

        // The tag chart: rows 28 units high; labels in the first 170 units, bars up to 300 units after them.
        let largest = figures.tags.map(\.minutes).max() ?? 0
        let tags = figures.tags.enumerated().map { index, total in
            let width = largest > 0 ? max(1, total.minutes * 300 / largest) : 0
            return TagRow(
                tag: total.tag, time: Formatting.duration(total.minutes),
                percent: Formatting.percent(total.minutes, of: largest), barWidth: width,
                y: index * 28 + 6, textY: index * 28 + 19, valueX: 170 + width + 8)
        }
        let billable = figures.billableMinutes
        let month = figures.month
        let deliverables = computed.content.deliverables.filter {
            $0.due.yearMonth == month || $0.agreedDue.yearMonth == month || $0.delivered?.yearMonth == month
        }.sorted { ($0.agreedDue, $0.line) < ($1.agreedDue, $1.line) }.map { deliverableView($0) }
        let invoice = computed.publishedInvoices.first { $0.usageMonth == month }

        var days: [DayView] = []
        if let timesheet {
            // Days in date order, a date written under two headings merged into one day (entries in the order
            // written). Days are nearly always in order already; otherwise a stable sort puts them in order.
            var ordered = timesheet.days
            if !ordered.indices.dropFirst().allSatisfy({ ordered[$0 - 1].date <= ordered[$0].date }) {
                ordered = ordered.enumerated().sorted { ($0.element.date, $0.offset) < ($1.element.date, $1.offset) }
                    .map(\.element)
            }
            days.reserveCapacity(ordered.count)
            var lastDate: CalendarDate?
            for day in ordered {
                if lastDate != day.date {
                    lastDate = day.date
                    days.append(
                        DayView(
                            date: day.date.description, label: day.date.longDescription,
                            entries: [], notesHTML: [], hasNotes: false))
                }
                let last = days.count - 1
                days[last].entries.reserveCapacity(days[last].entries.count + day.entries.count)
                for entry in day.entries { days[last].entries.append(entryView(entry, client: client)) }
                days[last].notesHTML += day.notesHTML
                days[last].hasNotes = !days[last].notesHTML.isEmpty
            }
            var rules: [String] = []
            if client.increment > 1 {
                rules.append("Each entry is rounded up to \(Formatting.duration(client.increment)).")
            }
            if let core = client.coreHours?.text { rules.append("Core hours: \(core).") }
            let path = "hours/\(month).html"
            for index in days.indices {
                let entries = days[index].entries.map { entry in
                    "\(entry.kindLabel) \(entry.quantity)"
                        + (entry.description.isEmpty ? "" : ", \(entry.description)") + ": \(entry.counted)"
                }
                days[index].questionHref = emails.dayQuestion(
                    day: days[index].label, entries: entries, rules: rules,
                    page: pageAddress(
                        path, name: "hours for \(month.longDescription)", fragment: "#d\(days[index].date)")
                ).mailto()
            }
        }
        return HoursPage(
            page: chrome(
                title: "Hours, \(figures.month.longDescription)", computed: computed, depth: 1, current: "hours"),
            clientName: computed.client.name, summary: view, kinds: kinds, tags: tags, hasTags: !tags.isEmpty,
            days: days, hasDays: !days.isEmpty,
            increment: client.increment > 1 ? Formatting.duration(client.increment) : nil,
            coreHours: client.coreHours?.text,
            previous: previous.map { MonthLink(label: $0.longDescription, href: "\($0).html") },
            next: next.map { MonthLink(label: $0.longDescription, href: "\($0).html") },
            chartHeight: tags.count * 28 + 4,
            outOfHoursShare: "\(Formatting.percent(figures.outOfHoursMinutes, of: billable))%",
            deliverables: deliverables, hasDeliverables: !deliverables.isEmpty,
            invoice: invoice.map { invoiceSummary($0, depth: 1) })
    }

    func entryView(_ entry: Entry, client: BillingFigures) -> EntryView {
        let figures = TimeRules.figures(for: entry, client: client)
        let quantity: String
        var counted: String
        switch entry.kind {
        case .work(let span):
            quantity = Formatting.span(span)
            if entry.isUnbilled {
                counted = "not charged"
            } else if figures.inHoursMinutes == 0, figures.outOfHoursMinutes > 0 {
                counted = "\(Formatting.duration(figures.outOfHoursMinutes)) out of hours"
            } else if figures.outOfHoursMinutes > 0 {
                counted =
                    "\(Formatting.duration(figures.billableMinutes)) (\(Formatting.duration(figures.outOfHoursMinutes)) out of hours)"
            } else {
                counted = Formatting.duration(figures.billableMinutes)
            }
        case .travel(let span):
            quantity = Formatting.span(span)
            counted = entry.isUnbilled ? "not charged" : Formatting.duration(figures.travelMinutes)
        case .mileage(let distance):
            quantity = "\(Rational(distance.thousandths, 1000).formatted(decimals: 1)) \(distance.unit.rawValue)"
            counted =
                entry.isUnbilled
                ? "not charged"
                : "\(figures.distance.formatted(decimals: 1)) \(client.distanceUnit.rawValue)"
        case .expense(let amount):
            quantity = money(amount)
            counted = entry.isUnbilled ? "not charged" : money(amount)
        }
        let kindLabel: String
        switch entry.kind {
        case .work: kindLabel = "Work"
        case .travel: kindLabel = "Travel"
        case .mileage: kindLabel = "Mileage"
        case .expense: kindLabel = "Expense"
        }
        return EntryView(
            kind: entry.kind.name, kindLabel: kindLabel,
            quantity: quantity, description: entry.description, tags: entry.tags,
            detailsHTML: entry.detailsHTML, hasDetails: !entry.detailsHTML.isEmpty,
            counted: counted, unbilled: entry.isUnbilled, outOfHours: figures.outOfHoursMinutes > 0)
    }
}
