/// Turns a client's content and figures into the pages of its portal, in memory.
public struct PortalRenderer {
    /// The site's templates.
    let templates: TemplateSet
    /// The business (its name and currency appear on every page).
    let business: Business
    /// The date the build is as of.
    let today: CalendarDate

    /// Creates a renderer.
    public init(templates: TemplateSet, business: Business, today: CalendarDate) {
        self.templates = templates
        self.business = business
        self.today = today
    }

    /// The site-wide files: `index.html` (names no client), `robots.txt` (disallows everything), assets.
    public func siteFiles() -> [OutputFile] {
        let chrome = PageChrome(title: business.name, root: "", portalRoot: "", business: business.name,
                                clientName: nil, asOf: today.longDescription, nav: [], hasNav: false)
        var files = [
            OutputFile(path: "index.html", text: templates.render("index", IndexPage(page: chrome))),
            OutputFile(path: "robots.txt", text: "User-agent: *\nDisallow: /\n"),
        ]
        for (name, data) in templates.assets.sorted(by: { $0.key < $1.key }) {
            files.append(OutputFile(path: "assets/\(name)", data: data))
        }
        return files
    }

    /// Every page of one client's portal under `<token>/`.
    public func portal(_ content: ClientContent, figures: ClientFigures, token: String) -> [OutputFile] {
        let client = content.client
        var files: [OutputFile] = []
        let months = figures.months
        let overview = overviewPage(client: client, figures: figures)
        files.append(OutputFile(path: "\(token)/index.html", text: templates.render("overview", overview)))
        let sheets = Dictionary(content.timesheets.map { ($0.month, $0) }, uniquingKeysWith: { first, _ in first })
        for (index, month) in months.enumerated() {
            let page = hoursPage(client: client, figures: month, timesheet: sheets[month.month],
                                 previous: index > 0 ? months[index - 1].month : nil,
                                 next: index + 1 < months.count ? months[index + 1].month : nil,
                                 months: months.map(\.month))
            files.append(OutputFile(path: "\(token)/hours/\(month.month).html", text: templates.render("hours", page)))
        }
        return files
    }

    // MARK: - View models

    func chrome(title: String, client: Client, depth: Int, current: String, months: [YearMonth]) -> PageChrome {
        let portalRoot = String(repeating: "../", count: depth)
        var nav = [NavLink(label: "Overview", href: "\(portalRoot)index.html", current: current == "overview")]
        if let latest = months.last {
            nav.append(NavLink(label: "Hours", href: "\(portalRoot)hours/\(latest).html", current: current == "hours"))
        }
        return PageChrome(title: "\(title) · \(client.name)", root: portalRoot + "../", portalRoot: portalRoot,
                          business: business.name, clientName: client.name, asOf: today.longDescription, nav: nav,
                          hasNav: !nav.isEmpty)
    }

    func money(_ amount: MinorUnits) -> String { MoneyFormat.format(amount, currency: business.currency) }

    func summary(_ figures: MonthFigures, client: Client) -> MonthSummaryView {
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
            retainer: figures.retainer.flatMap { month in client.retainer.map { RetainerView(month, terms: $0) } })
    }

    func overviewPage(client: Client, figures: ClientFigures) -> OverviewPage {
        let months = figures.months.map(\.month)
        var rates = [RateRow(label: "Work", value: "\(money(client.rate)) an hour")]
        if client.coreHours != nil, client.outOfHoursRate != client.rate {
            rates.append(RateRow(label: "Work outside core hours", value: "\(money(client.outOfHoursRate)) an hour"))
        }
        if let retainer = client.retainer, retainer.overageRate != client.rate {
            rates.append(RateRow(label: "Hours beyond the retainer", value: "\(money(retainer.overageRate)) an hour"))
        }
        rates.append(RateRow(label: "Travel time", value: "\(money(client.travelRate)) an hour"))
        if let mileage = client.mileageRate {
            rates.append(RateRow(label: "Mileage", value: "\(money(mileage)) a \(client.distanceUnit == .mi ? "mile" : "kilometre")"))
        }
        if client.increment > 1 {
            rates.append(RateRow(label: "Rounding", value: "each entry rounded up to \(Formatting.duration(client.increment))"))
        }
        var retainerTerms: String?
        var rolloverRule: String?
        if let retainer = client.retainer {
            retainerTerms = "\(Formatting.duration(retainer.includedMinutes)) a month for \(money(retainer.fee)), billed \(retainer.billing == .advance ? "in advance" : "in arrears")"
            rolloverRule = retainer.rolloverMinutes > 0
                ? "Up to \(Formatting.duration(retainer.rolloverMinutes)) of unused included time carries into the next month only."
                : "Unused hours do not carry over."
        }
        let recent = figures.months.suffix(12).reversed().map { summary($0, client: client) }
        return OverviewPage(
            page: chrome(title: "Overview", client: client, depth: 0, current: "overview", months: months),
            clientName: client.name, contact: client.contact,
            current: figures.current.map { summary($0, client: client) },
            currentIsThisMonth: figures.current?.month == today.yearMonth,
            hasRetainer: client.retainer != nil, retainerTerms: retainerTerms, rolloverRule: rolloverRule,
            recentMonths: recent, hasRecentMonths: !recent.isEmpty,
            hasCoreHours: client.coreHours != nil,
            coreHours: client.coreHours?.summary.map { CoreHoursRow(days: $0.days, hours: $0.hours) } ?? [],
            rates: rates)
    }

    func hoursPage(client: Client, figures: MonthFigures, timesheet: Timesheet?, previous: YearMonth?,
                   next: YearMonth?, months: [YearMonth]) -> HoursPage {
        let view = summary(figures, client: client)
        var kinds: [KindRow] = [
            KindRow(label: client.coreHours == nil ? "Work" : "Work in core hours",
                    quantity: view.inHours,
                    note: client.retainer == nil ? "at \(money(client.rate)) an hour" : "counts against the retainer"),
        ]
        let notRetainer = client.retainer == nil ? "" : "; never counts against the retainer"
        if figures.outOfHoursMinutes > 0 || client.coreHours != nil {
            kinds.append(KindRow(label: "Work outside core hours", quantity: view.outOfHours,
                                 note: "at \(money(client.outOfHoursRate)) an hour\(notRetainer)"))
        }
        kinds.append(KindRow(label: "Unbilled work", quantity: view.unbilled, note: "given free: shown, never charged"))
        kinds.append(KindRow(label: "Travel time", quantity: view.travel,
                             note: "at \(money(client.travelRate)) an hour\(notRetainer)"))
        if figures.distance > .zero || client.mileageRate != nil {
            kinds.append(KindRow(label: "Mileage", quantity: view.distance,
                                 note: client.mileageRate.map { "at \(money($0)) a \(client.distanceUnit.rawValue)" } ?? ""))
        }
        kinds.append(KindRow(label: "Expenses", quantity: view.expenses,
                             note: "\(figures.expenseCount) item\(figures.expenseCount == 1 ? "" : "s"), at cost"))

        let largest = figures.tags.map(\.minutes).max() ?? 0
        let tags = figures.tags.map {
            TagRow(tag: $0.tag, time: Formatting.duration($0.minutes), percent: Formatting.percent($0.minutes, of: largest))
        }

        var days: [DayView] = []
        if let timesheet {
            var byDate: [CalendarDate: DayView] = [:]
            var order: [CalendarDate] = []
            for day in timesheet.days {
                if byDate[day.date] == nil {
                    order.append(day.date)
                    byDate[day.date] = DayView(date: day.date.description, label: day.date.longDescription,
                                               entries: [], notesHTML: [], hasNotes: false)
                }
                byDate[day.date]!.entries += day.entries.map { entryView($0, client: client) }
                byDate[day.date]!.notesHTML += day.notesHTML
                byDate[day.date]!.hasNotes = !byDate[day.date]!.notesHTML.isEmpty
            }
            days = order.sorted().compactMap { byDate[$0] }
        }
        return HoursPage(
            page: chrome(title: "Hours, \(figures.month.longDescription)", client: client, depth: 1,
                         current: "hours", months: months),
            clientName: client.name, summary: view, kinds: kinds, tags: tags, hasTags: !tags.isEmpty,
            days: days, hasDays: !days.isEmpty,
            increment: client.increment > 1 ? Formatting.duration(client.increment) : nil,
            coreHours: client.coreHours?.text,
            previous: previous.map { MonthLink(label: $0.longDescription, href: "\($0).html") },
            next: next.map { MonthLink(label: $0.longDescription, href: "\($0).html") })
    }

    func entryView(_ entry: Entry, client: Client) -> EntryView {
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
                counted = "\(Formatting.duration(figures.billableMinutes)) (\(Formatting.duration(figures.outOfHoursMinutes)) out of hours)"
            } else {
                counted = Formatting.duration(figures.billableMinutes)
            }
        case .travel(let span):
            quantity = Formatting.span(span)
            counted = entry.isUnbilled ? "not charged" : Formatting.duration(figures.travelMinutes)
        case .mileage(let distance):
            quantity = "\(Rational(distance.thousandths, 1000).formatted(decimals: 1)) \(distance.unit.rawValue)"
            counted = entry.isUnbilled ? "not charged"
                : "\(figures.distance.formatted(decimals: 1)) \(client.distanceUnit.rawValue)"
        case .expense(let amount):
            quantity = money(amount)
            counted = entry.isUnbilled ? "not charged" : money(amount)
        }
        let labels = ["work": "Work", "travel": "Travel", "mileage": "Mileage", "expense": "Expense"]
        return EntryView(kind: entry.kind.name, kindLabel: labels[entry.kind.name] ?? entry.kind.name,
                         quantity: quantity, description: entry.description, tags: entry.tags,
                         detailsHTML: entry.detailsHTML, hasDetails: !entry.detailsHTML.isEmpty,
                         counted: counted, unbilled: entry.isUnbilled, outOfHours: figures.outOfHoursMinutes > 0)
    }
}
