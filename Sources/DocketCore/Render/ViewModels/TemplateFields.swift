/// How each view model appears to templates: every stored property under its own name, nil ones left out,
/// written as one object of slots into the page's arena.
/// `TemplateFieldsTests` checks that each conversion names exactly the stored properties of its type.

extension DashboardPage: TemplateRepresentable {
    private static let templateNames: TemplateNames = ["page", "month", "chase", "hasChase", "chaseTotal", "balances", "burn", "unbilled", "outOfHours", "tags", "noTerms", "proposals", "portals", "chaseTotals", "soFar", "soFarTotals"]

    /// The page values by property name, in the arena.
    public func slot(in arena: TemplateArena) -> TemplateSlot {
        let first = arena.reserve(16)
        arena.set(first, page.slot(in: arena))
        arena.set(first + 1, month.slot(in: arena))
        arena.set(first + 2, chase.slot(in: arena))
        arena.set(first + 3, hasChase.slot(in: arena))
        arena.set(first + 4, chaseTotal.slot(in: arena))
        arena.set(first + 5, balances.slot(in: arena))
        arena.set(first + 6, burn.slot(in: arena))
        arena.set(first + 7, unbilled.slot(in: arena))
        arena.set(first + 8, outOfHours.slot(in: arena))
        arena.set(first + 9, tags.slot(in: arena))
        arena.set(first + 10, noTerms.slot(in: arena))
        arena.set(first + 11, proposals.slot(in: arena))
        arena.set(first + 12, portals.slot(in: arena))
        arena.set(first + 13, chaseTotals.slot(in: arena))
        arena.set(first + 14, soFar.slot(in: arena))
        arena.set(first + 15, soFarTotals.slot(in: arena))
        return .object(first: first, table: Self.templateNames.table)
    }
}

extension DeliverablesPage: TemplateRepresentable {
    private static let templateNames: TemplateNames = ["page", "clientName", "open", "hasOpen", "delivered", "hasDelivered"]

    /// The page values by property name, in the arena.
    public func slot(in arena: TemplateArena) -> TemplateSlot {
        let first = arena.reserve(6)
        arena.set(first, page.slot(in: arena))
        arena.set(first + 1, clientName.slot(in: arena))
        arena.set(first + 2, open.slot(in: arena))
        arena.set(first + 3, hasOpen.slot(in: arena))
        arena.set(first + 4, delivered.slot(in: arena))
        arena.set(first + 5, hasDelivered.slot(in: arena))
        return .object(first: first, table: Self.templateNames.table)
    }
}

extension HoursPage: TemplateRepresentable {
    private static let templateNames: TemplateNames = ["page", "clientName", "summary", "kinds", "tags", "hasTags", "days", "hasDays", "increment", "coreHours", "previous", "next", "chartHeight", "outOfHoursShare", "deliverables", "hasDeliverables", "invoice"]

    /// The page values by property name, in the arena.
    public func slot(in arena: TemplateArena) -> TemplateSlot {
        let first = arena.reserve(17)
        arena.set(first, page.slot(in: arena))
        arena.set(first + 1, clientName.slot(in: arena))
        arena.set(first + 2, summary.slot(in: arena))
        arena.set(first + 3, kinds.slot(in: arena))
        arena.set(first + 4, tags.slot(in: arena))
        arena.set(first + 5, hasTags.slot(in: arena))
        arena.set(first + 6, days.slot(in: arena))
        arena.set(first + 7, hasDays.slot(in: arena))
        arena.set(first + 8, increment.slot(in: arena))
        arena.set(first + 9, coreHours.slot(in: arena))
        arena.set(first + 10, previous.slot(in: arena))
        arena.set(first + 11, next.slot(in: arena))
        arena.set(first + 12, chartHeight.slot(in: arena))
        arena.set(first + 13, outOfHoursShare.slot(in: arena))
        arena.set(first + 14, deliverables.slot(in: arena))
        arena.set(first + 15, hasDeliverables.slot(in: arena))
        arena.set(first + 16, invoice.slot(in: arena))
        return .object(first: first, table: Self.templateNames.table)
    }
}

extension IndexPage: TemplateRepresentable {
    private static let templateNames: TemplateNames = ["page"]

    /// The page values by property name, in the arena.
    public func slot(in arena: TemplateArena) -> TemplateSlot {
        let first = arena.reserve(1)
        arena.set(first, page.slot(in: arena))
        return .object(first: first, table: Self.templateNames.table)
    }
}

extension OverviewPage: TemplateRepresentable {
    private static let templateNames: TemplateNames = ["page", "clientName", "contact", "current", "currentIsThisMonth", "hasRetainer", "retainerTerms", "rolloverRule", "recentMonths", "hasRecentMonths", "hasCoreHours", "coreHours", "rates", "figuresSince", "upcomingChanges", "hasUpcomingChanges", "upcomingFrom", "estimate", "account", "termsInForce", "noTerms", "proposals", "hasProposals", "openDeliverables", "hasOpenDeliverables"]

    /// The page values by property name, in the arena.
    public func slot(in arena: TemplateArena) -> TemplateSlot {
        let first = arena.reserve(25)
        arena.set(first, page.slot(in: arena))
        arena.set(first + 1, clientName.slot(in: arena))
        arena.set(first + 2, contact.slot(in: arena))
        arena.set(first + 3, current.slot(in: arena))
        arena.set(first + 4, currentIsThisMonth.slot(in: arena))
        arena.set(first + 5, hasRetainer.slot(in: arena))
        arena.set(first + 6, retainerTerms.slot(in: arena))
        arena.set(first + 7, rolloverRule.slot(in: arena))
        arena.set(first + 8, recentMonths.slot(in: arena))
        arena.set(first + 9, hasRecentMonths.slot(in: arena))
        arena.set(first + 10, hasCoreHours.slot(in: arena))
        arena.set(first + 11, coreHours.slot(in: arena))
        arena.set(first + 12, rates.slot(in: arena))
        arena.set(first + 13, figuresSince.slot(in: arena))
        arena.set(first + 14, upcomingChanges.slot(in: arena))
        arena.set(first + 15, hasUpcomingChanges.slot(in: arena))
        arena.set(first + 16, upcomingFrom.slot(in: arena))
        arena.set(first + 17, estimate.slot(in: arena))
        arena.set(first + 18, account.slot(in: arena))
        arena.set(first + 19, termsInForce.slot(in: arena))
        arena.set(first + 20, noTerms.slot(in: arena))
        arena.set(first + 21, proposals.slot(in: arena))
        arena.set(first + 22, hasProposals.slot(in: arena))
        arena.set(first + 23, openDeliverables.slot(in: arena))
        arena.set(first + 24, hasOpenDeliverables.slot(in: arena))
        return .object(first: first, table: Self.templateNames.table)
    }
}

extension TermsIndexPage: TemplateRepresentable {
    private static let templateNames: TemplateNames = ["page", "clientName", "current", "history", "hasHistory", "proposals", "hasProposals"]

    /// The page values by property name, in the arena.
    public func slot(in arena: TemplateArena) -> TemplateSlot {
        let first = arena.reserve(7)
        arena.set(first, page.slot(in: arena))
        arena.set(first + 1, clientName.slot(in: arena))
        arena.set(first + 2, current.slot(in: arena))
        arena.set(first + 3, history.slot(in: arena))
        arena.set(first + 4, hasHistory.slot(in: arena))
        arena.set(first + 5, proposals.slot(in: arena))
        arena.set(first + 6, hasProposals.slot(in: arena))
        return .object(first: first, table: Self.templateNames.table)
    }
}

extension TermsVersionPage: TemplateRepresentable {
    private static let templateNames: TemplateNames = ["page", "clientName", "terms", "comparedWith", "hasDiff", "diffHTML", "approveHref", "approveLabel", "figureChanges", "hasFigureChanges", "figuresFrom", "figures", "hasFigures"]

    /// The page values by property name, in the arena.
    public func slot(in arena: TemplateArena) -> TemplateSlot {
        let first = arena.reserve(13)
        arena.set(first, page.slot(in: arena))
        arena.set(first + 1, clientName.slot(in: arena))
        arena.set(first + 2, terms.slot(in: arena))
        arena.set(first + 3, comparedWith.slot(in: arena))
        arena.set(first + 4, hasDiff.slot(in: arena))
        arena.set(first + 5, diffHTML.slot(in: arena))
        arena.set(first + 6, approveHref.slot(in: arena))
        arena.set(first + 7, approveLabel.slot(in: arena))
        arena.set(first + 8, figureChanges.slot(in: arena))
        arena.set(first + 9, hasFigureChanges.slot(in: arena))
        arena.set(first + 10, figuresFrom.slot(in: arena))
        arena.set(first + 11, figures.slot(in: arena))
        arena.set(first + 12, hasFigures.slot(in: arena))
        return .object(first: first, table: Self.templateNames.table)
    }
}

extension FigureChange: TemplateRepresentable {
    private static let templateNames: TemplateNames = ["label", "old", "new"]

    /// The change's values by property name, in the arena.
    public func slot(in arena: TemplateArena) -> TemplateSlot {
        let first = arena.reserve(3)
        arena.set(first, label.slot(in: arena))
        arena.set(first + 1, old.slot(in: arena))
        arena.set(first + 2, new.slot(in: arena))
        return .object(first: first, table: Self.templateNames.table)
    }
}

extension PageChrome: TemplateRepresentable {
    private static let templateNames: TemplateNames = ["csp", "title", "root", "portalRoot", "business", "clientName", "asOf", "nav", "hasNav"]

    /// The page values by property name, in the arena.
    public func slot(in arena: TemplateArena) -> TemplateSlot {
        let first = arena.reserve(9)
        arena.set(first, csp.slot(in: arena))
        arena.set(first + 1, title.slot(in: arena))
        arena.set(first + 2, root.slot(in: arena))
        arena.set(first + 3, portalRoot.slot(in: arena))
        arena.set(first + 4, business.slot(in: arena))
        arena.set(first + 5, clientName.slot(in: arena))
        arena.set(first + 6, asOf.slot(in: arena))
        arena.set(first + 7, nav.slot(in: arena))
        arena.set(first + 8, hasNav.slot(in: arena))
        return .object(first: first, table: Self.templateNames.table)
    }
}

extension DashboardRow: TemplateRepresentable {
    private static let templateNames: TemplateNames = ["cells"]

    /// The page values by property name, in the arena.
    public func slot(in arena: TemplateArena) -> TemplateSlot {
        let first = arena.reserve(1)
        arena.set(first, cells.slot(in: arena))
        return .object(first: first, table: Self.templateNames.table)
    }
}

extension PortalLink: TemplateRepresentable {
    private static let templateNames: TemplateNames = ["name", "href"]

    /// The page values by property name, in the arena.
    public func slot(in arena: TemplateArena) -> TemplateSlot {
        let first = arena.reserve(2)
        arena.set(first, name.slot(in: arena))
        arena.set(first + 1, href.slot(in: arena))
        return .object(first: first, table: Self.templateNames.table)
    }
}

extension DeliverableView: TemplateRepresentable {
    private static let templateNames: TemplateNames = ["title", "due", "status", "isLate", "isOpen", "timeline", "waits", "hasWaits"]

    /// The page values by property name, in the arena.
    public func slot(in arena: TemplateArena) -> TemplateSlot {
        let first = arena.reserve(8)
        arena.set(first, title.slot(in: arena))
        arena.set(first + 1, due.slot(in: arena))
        arena.set(first + 2, status.slot(in: arena))
        arena.set(first + 3, isLate.slot(in: arena))
        arena.set(first + 4, isOpen.slot(in: arena))
        arena.set(first + 5, timeline.slot(in: arena))
        arena.set(first + 6, waits.slot(in: arena))
        arena.set(first + 7, hasWaits.slot(in: arena))
        return .object(first: first, table: Self.templateNames.table)
    }
}

extension MonthSummaryView: TemplateRepresentable {
    private static let templateNames: TemplateNames = ["month", "label", "href", "logged", "billable", "inHours", "outOfHours", "hasOutOfHours", "unbilled", "hasUnbilled", "travel", "hasTravel", "distance", "hasDistance", "expenses", "expenseCount", "hasExpenses", "hasTimesheet", "retainer"]

    /// The page values by property name, in the arena.
    public func slot(in arena: TemplateArena) -> TemplateSlot {
        let first = arena.reserve(19)
        arena.set(first, month.slot(in: arena))
        arena.set(first + 1, label.slot(in: arena))
        arena.set(first + 2, href.slot(in: arena))
        arena.set(first + 3, logged.slot(in: arena))
        arena.set(first + 4, billable.slot(in: arena))
        arena.set(first + 5, inHours.slot(in: arena))
        arena.set(first + 6, outOfHours.slot(in: arena))
        arena.set(first + 7, hasOutOfHours.slot(in: arena))
        arena.set(first + 8, unbilled.slot(in: arena))
        arena.set(first + 9, hasUnbilled.slot(in: arena))
        arena.set(first + 10, travel.slot(in: arena))
        arena.set(first + 11, hasTravel.slot(in: arena))
        arena.set(first + 12, distance.slot(in: arena))
        arena.set(first + 13, hasDistance.slot(in: arena))
        arena.set(first + 14, expenses.slot(in: arena))
        arena.set(first + 15, expenseCount.slot(in: arena))
        arena.set(first + 16, hasExpenses.slot(in: arena))
        arena.set(first + 17, hasTimesheet.slot(in: arena))
        arena.set(first + 18, retainer.slot(in: arena))
        return .object(first: first, table: Self.templateNames.table)
    }
}

extension KindRow: TemplateRepresentable {
    private static let templateNames: TemplateNames = ["label", "quantity", "note"]

    /// The page values by property name, in the arena.
    public func slot(in arena: TemplateArena) -> TemplateSlot {
        let first = arena.reserve(3)
        arena.set(first, label.slot(in: arena))
        arena.set(first + 1, quantity.slot(in: arena))
        arena.set(first + 2, note.slot(in: arena))
        return .object(first: first, table: Self.templateNames.table)
    }
}

extension TagRow: TemplateRepresentable {
    private static let templateNames: TemplateNames = ["tag", "time", "percent", "barWidth", "y", "textY", "valueX"]

    /// The page values by property name, in the arena.
    public func slot(in arena: TemplateArena) -> TemplateSlot {
        let first = arena.reserve(7)
        arena.set(first, tag.slot(in: arena))
        arena.set(first + 1, time.slot(in: arena))
        arena.set(first + 2, percent.slot(in: arena))
        arena.set(first + 3, barWidth.slot(in: arena))
        arena.set(first + 4, y.slot(in: arena))
        arena.set(first + 5, textY.slot(in: arena))
        arena.set(first + 6, valueX.slot(in: arena))
        return .object(first: first, table: Self.templateNames.table)
    }
}

extension DayView: TemplateRepresentable {
    private static let templateNames: TemplateNames = ["date", "label", "entries", "notesHTML", "hasNotes"]

    /// The page values by property name, in the arena.
    public func slot(in arena: TemplateArena) -> TemplateSlot {
        let first = arena.reserve(5)
        arena.set(first, date.slot(in: arena))
        arena.set(first + 1, label.slot(in: arena))
        arena.set(first + 2, entries.slot(in: arena))
        arena.set(first + 3, notesHTML.slot(in: arena))
        arena.set(first + 4, hasNotes.slot(in: arena))
        return .object(first: first, table: Self.templateNames.table)
    }
}

extension MonthLink: TemplateRepresentable {
    private static let templateNames: TemplateNames = ["label", "href"]

    /// The page values by property name, in the arena.
    public func slot(in arena: TemplateArena) -> TemplateSlot {
        let first = arena.reserve(2)
        arena.set(first, label.slot(in: arena))
        arena.set(first + 1, href.slot(in: arena))
        return .object(first: first, table: Self.templateNames.table)
    }
}

extension CoreHoursRow: TemplateRepresentable {
    private static let templateNames: TemplateNames = ["days", "hours"]

    /// The page values by property name, in the arena.
    public func slot(in arena: TemplateArena) -> TemplateSlot {
        let first = arena.reserve(2)
        arena.set(first, days.slot(in: arena))
        arena.set(first + 1, hours.slot(in: arena))
        return .object(first: first, table: Self.templateNames.table)
    }
}

extension RateRow: TemplateRepresentable {
    private static let templateNames: TemplateNames = ["label", "value"]

    /// The page values by property name, in the arena.
    public func slot(in arena: TemplateArena) -> TemplateSlot {
        let first = arena.reserve(2)
        arena.set(first, label.slot(in: arena))
        arena.set(first + 1, value.slot(in: arena))
        return .object(first: first, table: Self.templateNames.table)
    }
}

extension TermsVersionView: TemplateRepresentable {
    private static let templateNames: TemplateNames = ["version", "heading", "effective", "agreement", "isProposed", "isInForce", "statusLabel", "bodyHTML", "href"]

    /// The page values by property name, in the arena.
    public func slot(in arena: TemplateArena) -> TemplateSlot {
        let first = arena.reserve(9)
        arena.set(first, version.slot(in: arena))
        arena.set(first + 1, heading.slot(in: arena))
        arena.set(first + 2, effective.slot(in: arena))
        arena.set(first + 3, agreement.slot(in: arena))
        arena.set(first + 4, isProposed.slot(in: arena))
        arena.set(first + 5, isInForce.slot(in: arena))
        arena.set(first + 6, statusLabel.slot(in: arena))
        arena.set(first + 7, bodyHTML.slot(in: arena))
        arena.set(first + 8, href.slot(in: arena))
        return .object(first: first, table: Self.templateNames.table)
    }
}

extension NavLink: TemplateRepresentable {
    private static let templateNames: TemplateNames = ["label", "href", "current"]

    /// The page values by property name, in the arena.
    public func slot(in arena: TemplateArena) -> TemplateSlot {
        let first = arena.reserve(3)
        arena.set(first, label.slot(in: arena))
        arena.set(first + 1, href.slot(in: arena))
        arena.set(first + 2, current.slot(in: arena))
        return .object(first: first, table: Self.templateNames.table)
    }
}

extension TimelineRow: TemplateRepresentable {
    private static let templateNames: TemplateNames = ["date", "text"]

    /// The page values by property name, in the arena.
    public func slot(in arena: TemplateArena) -> TemplateSlot {
        let first = arena.reserve(2)
        arena.set(first, date.slot(in: arena))
        arena.set(first + 1, text.slot(in: arena))
        return .object(first: first, table: Self.templateNames.table)
    }
}

extension RetainerView: TemplateRepresentable {
    private static let templateNames: TemplateNames = ["included", "rolloverIn", "hasRolloverIn", "available", "used", "remaining", "overage", "isOver", "rolloverOut", "expired", "hasExpired", "usedPercent", "allowsRollover", "rolloverCap", "overageAmount", "overageRate"]

    /// The page values by property name, in the arena.
    public func slot(in arena: TemplateArena) -> TemplateSlot {
        let first = arena.reserve(16)
        arena.set(first, included.slot(in: arena))
        arena.set(first + 1, rolloverIn.slot(in: arena))
        arena.set(first + 2, hasRolloverIn.slot(in: arena))
        arena.set(first + 3, available.slot(in: arena))
        arena.set(first + 4, used.slot(in: arena))
        arena.set(first + 5, remaining.slot(in: arena))
        arena.set(first + 6, overage.slot(in: arena))
        arena.set(first + 7, isOver.slot(in: arena))
        arena.set(first + 8, rolloverOut.slot(in: arena))
        arena.set(first + 9, expired.slot(in: arena))
        arena.set(first + 10, hasExpired.slot(in: arena))
        arena.set(first + 11, usedPercent.slot(in: arena))
        arena.set(first + 12, allowsRollover.slot(in: arena))
        arena.set(first + 13, rolloverCap.slot(in: arena))
        arena.set(first + 14, overageAmount.slot(in: arena))
        arena.set(first + 15, overageRate.slot(in: arena))
        return .object(first: first, table: Self.templateNames.table)
    }
}

extension EntryView: TemplateRepresentable {
    private static let templateNames: TemplateNames = ["kind", "kindLabel", "quantity", "description", "tags", "detailsHTML", "hasDetails", "counted", "unbilled", "outOfHours"]

    /// The page values by property name, in the arena.
    public func slot(in arena: TemplateArena) -> TemplateSlot {
        let first = arena.reserve(10)
        arena.set(first, kind.slot(in: arena))
        arena.set(first + 1, kindLabel.slot(in: arena))
        arena.set(first + 2, quantity.slot(in: arena))
        arena.set(first + 3, description.slot(in: arena))
        arena.set(first + 4, tags.slot(in: arena))
        arena.set(first + 5, detailsHTML.slot(in: arena))
        arena.set(first + 6, hasDetails.slot(in: arena))
        arena.set(first + 7, counted.slot(in: arena))
        arena.set(first + 8, unbilled.slot(in: arena))
        arena.set(first + 9, outOfHours.slot(in: arena))
        return .object(first: first, table: Self.templateNames.table)
    }
}
