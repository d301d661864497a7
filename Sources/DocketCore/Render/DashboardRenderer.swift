/// Renders the VA's dashboard (`dashboard/index.html` in the site folder, never under `public/`).
struct DashboardRenderer {
    let templates: TemplateSet
    let business: Business
    let today: CalendarDate

    /// The dashboard's files, relative to `dashboard/`.
    func files(_ dashboard: Dashboard, portals: [Portal]) -> [OutputFile] {
        files(dashboard, portals: portals, emails: emails(dashboard, portals: portals))
    }

    /// The dashboard's files with its emails made already.
    func files(_ dashboard: Dashboard, portals: [Portal], emails: Emails) -> [OutputFile] {
        // The page and the calendar, each on a core of its own (with many clients, both are large).
        let renderer = self
        return [0, 1].parallelMap { part -> OutputFile in
            part == 0
                ? OutputFile(
                    path: "index.html",
                    data: renderer.templates.render(
                        "dashboard", renderer.page(dashboard, portals: portals, emails: emails)))
                : OutputFile(path: "calendar.ics", text: renderer.calendar(dashboard))
        } + templates.assetFiles
    }

    /// The paths of the dashboard's files, as `files` names them.
    func filePaths() -> [String] {
        ["index.html", "calendar.ics"] + templates.assetPaths
    }

    /// Every active client's dates in one calendar, each event's title starting with the client's name.
    func calendar(_ dashboard: Dashboard) -> String {
        ICalendar.text(
            name: "\(business.name): clients' dates",
            events: dashboard.events.map { item in
                var event = item.event
                event.summary = "\(item.client): \(event.summary)"
                return event
            }, stamp: today)
    }

    /// The dashboard's view model.
    func page(_ dashboard: Dashboard, portals: [Portal], emails: Emails? = nil) -> DashboardPage {
        let totals = dashboard.chaseTotals.map { MoneyFormat.format($0.amount, currency: $0.currency) }
        let emails = emails ?? self.emails(dashboard, portals: portals)
        return DashboardPage(
            page: PageChrome(
                title: "Dashboard · \(business.name)", root: "", portalRoot: "", business: business.name,
                clientName: nil, asOf: today.longDescription, nav: [], hasNav: false),
            month: today.yearMonth.longDescription,
            chase: dashboard.chase.map {
                let email = emails.reminders[$0.number]
                return DashboardRow(
                    cells: [
                        $0.client, $0.number, plural($0.daysOverdue, "day"),
                        MoneyFormat.format($0.balance, currency: $0.currency),
                    ], href: email?.page, mailto: email?.draft.mailto(),
                    draft: email.map { "../\(Builder.outboxFolder)/\($0.file)" })
            },
            reports: emails.reports.map {
                EmailLink(
                    client: $0.client, about: $0.about, mailto: $0.draft.mailto(), page: $0.page ?? "",
                    draft: "../\(Builder.outboxFolder)/\($0.file)")
            },
            hasReports: !emails.reports.isEmpty,
            hasChase: !dashboard.chase.isEmpty,
            chaseTotal: totals.isEmpty
                ? MoneyFormat.format(0, currency: business.currency) : totals.joined(separator: " and "),
            chaseTotals: totals,
            balances: dashboard.balances.map {
                DashboardRow(cells: [
                    $0.client, MoneyFormat.format($0.balance, currency: $0.currency),
                    MoneyFormat.format($0.overdue, currency: $0.currency),
                ])
            },
            burn: dashboard.burn.map {
                DashboardRow(cells: [
                    $0.client, "\(Formatting.duration($0.used)) of \(Formatting.duration($0.available))",
                    "\(Formatting.percent($0.used, of: $0.available))%",
                    $0.overage > 0
                        ? "+\(Formatting.duration($0.overage)) (\(MoneyFormat.format($0.overageAmount, currency: $0.currency)))"
                        : "",
                ])
            },
            hasBurn: !dashboard.burn.isEmpty,
            unbilled: dashboard.unbilled.map {
                DashboardRow(cells: [$0.client, Formatting.duration($0.thisMonth), Formatting.duration($0.total)])
            },
            outOfHours: dashboard.outOfHours.map {
                DashboardRow(cells: [$0.client, Formatting.duration($0.thisMonth), Formatting.duration($0.total)])
            },
            tags: dashboard.tags.map {
                DashboardRow(cells: [
                    "#\($0.tag)", Formatting.duration($0.minutes), String($0.entries),
                    Formatting.duration($0.averageMinutes),
                ])
            },
            noTerms: dashboard.noTerms.map {
                DashboardRow(cells: [$0.client, $0.months.map(\.shortDescription).joined(separator: ", ")])
            },
            hasNoTerms: !dashboard.noTerms.isEmpty,
            proposals: dashboard.proposals.map {
                DashboardRow(cells: [$0.client, "version \($0.version)", $0.effective.shortDescription])
            },
            hasProposals: !dashboard.proposals.isEmpty,
            portals: portals.map { PortalLink(name: $0.name, href: "../\($0.indexPath)") },
            soFar: dashboard.soFar.map {
                DashboardRow(cells: [$0.client, MoneyFormat.format($0.amount, currency: $0.currency)])
            },
            hasSoFar: !dashboard.soFar.isEmpty,
            soFarTotals: dashboard.soFarTotals.map { MoneyFormat.format($0.amount, currency: $0.currency) },
            calendarHref: "calendar.ics")
    }
}
