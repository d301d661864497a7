import DocketTemplates

/// How each view model appears to templates: every stored property under its own name, one `field` line
/// each (name and value together; nil ones are left out), written as one object of slots into the page's
/// arena. `TemplateFieldsTests` checks that each conversion names exactly the stored properties of its type.

extension DashboardPage: TemplateRepresentable {
    /// The page values by property name, in the arena.
    func slot(in arena: TemplateArena) -> TemplateSlot {
        var object = arena.object(Self.self)
        object.field("page", page)
        object.field("month", month)
        object.field("chase", chase)
        object.field("reports", reports)
        object.field("hasReports", hasReports)
        object.field("hasChase", hasChase)
        object.field("chaseTotal", chaseTotal)
        object.field("balances", balances)
        object.field("burn", burn)
        object.field("hasBurn", hasBurn)
        object.field("unbilled", unbilled)
        object.field("outOfHours", outOfHours)
        object.field("tags", tags)
        object.field("noTerms", noTerms)
        object.field("hasNoTerms", hasNoTerms)
        object.field("proposals", proposals)
        object.field("hasProposals", hasProposals)
        object.field("portals", portals)
        object.field("chaseTotals", chaseTotals)
        object.field("soFar", soFar)
        object.field("hasSoFar", hasSoFar)
        object.field("soFarTotals", soFarTotals)
        object.field("calendarHref", calendarHref)
        return object.end()
    }
}

extension DeliverablesPage: TemplateRepresentable {
    /// The page values by property name, in the arena.
    func slot(in arena: TemplateArena) -> TemplateSlot {
        var object = arena.object(Self.self)
        object.field("page", page)
        object.field("clientName", clientName)
        object.field("open", open)
        object.field("hasOpen", hasOpen)
        object.field("delivered", delivered)
        object.field("hasDelivered", hasDelivered)
        return object.end()
    }
}

extension HoursPage: TemplateRepresentable {
    /// The page values by property name, in the arena.
    func slot(in arena: TemplateArena) -> TemplateSlot {
        var object = arena.object(Self.self)
        object.field("page", page)
        object.field("clientName", clientName)
        object.field("summary", summary)
        object.field("kinds", kinds)
        object.field("tags", tags)
        object.field("hasTags", hasTags)
        object.field("days", days)
        object.field("hasDays", hasDays)
        object.field("increment", increment)
        object.field("coreHours", coreHours)
        object.field("previous", previous)
        object.field("next", next)
        object.field("chartHeight", chartHeight)
        object.field("outOfHoursShare", outOfHoursShare)
        object.field("deliverables", deliverables)
        object.field("hasDeliverables", hasDeliverables)
        object.field("invoice", invoice)
        return object.end()
    }
}

extension IndexPage: TemplateRepresentable {
    /// The page values by property name, in the arena.
    func slot(in arena: TemplateArena) -> TemplateSlot {
        var object = arena.object(Self.self)
        object.field("page", page)
        return object.end()
    }
}

extension OverviewPage: TemplateRepresentable {
    /// The page values by property name, in the arena.
    func slot(in arena: TemplateArena) -> TemplateSlot {
        var object = arena.object(Self.self)
        object.field("page", page)
        object.field("clientName", clientName)
        object.field("contact", contact)
        object.field("current", current)
        object.field("currentIsThisMonth", currentIsThisMonth)
        object.field("hasRetainer", hasRetainer)
        object.field("retainerTerms", retainerTerms)
        object.field("rolloverRule", rolloverRule)
        object.field("recentMonths", recentMonths)
        object.field("hasRecentMonths", hasRecentMonths)
        object.field("hasCoreHours", hasCoreHours)
        object.field("coreHours", coreHours)
        object.field("rates", rates)
        object.field("figuresSince", figuresSince)
        object.field("upcomingChanges", upcomingChanges)
        object.field("hasUpcomingChanges", hasUpcomingChanges)
        object.field("upcomingFrom", upcomingFrom)
        object.field("estimate", estimate)
        object.field("account", account)
        object.field("termsInForce", termsInForce)
        object.field("noTerms", noTerms)
        object.field("proposals", proposals)
        object.field("hasProposals", hasProposals)
        object.field("openDeliverables", openDeliverables)
        object.field("hasOpenDeliverables", hasOpenDeliverables)
        object.field("calendarHref", calendarHref)
        return object.end()
    }
}

extension TermsIndexPage: TemplateRepresentable {
    /// The page values by property name, in the arena.
    func slot(in arena: TemplateArena) -> TemplateSlot {
        var object = arena.object(Self.self)
        object.field("page", page)
        object.field("clientName", clientName)
        object.field("current", current)
        object.field("history", history)
        object.field("hasHistory", hasHistory)
        object.field("proposals", proposals)
        object.field("hasProposals", hasProposals)
        return object.end()
    }
}

extension TermsVersionPage: TemplateRepresentable {
    /// The page values by property name, in the arena.
    func slot(in arena: TemplateArena) -> TemplateSlot {
        var object = arena.object(Self.self)
        object.field("page", page)
        object.field("clientName", clientName)
        object.field("terms", terms)
        object.field("comparedWith", comparedWith)
        object.field("hasDiff", hasDiff)
        object.field("diffHTML", diffHTML)
        object.field("approveHref", approveHref)
        object.field("approveLabel", approveLabel)
        object.field("figureChanges", figureChanges)
        object.field("hasFigureChanges", hasFigureChanges)
        object.field("figuresFrom", figuresFrom)
        object.field("figures", figures)
        object.field("hasFigures", hasFigures)
        return object.end()
    }
}

extension FigureChange: TemplateRepresentable {
    /// The change's values by property name, in the arena.
    func slot(in arena: TemplateArena) -> TemplateSlot {
        var object = arena.object(Self.self)
        object.field("label", label)
        object.field("old", old)
        object.field("new", new)
        return object.end()
    }
}

extension PageChrome: TemplateRepresentable {
    /// The page values by property name, in the arena.
    func slot(in arena: TemplateArena) -> TemplateSlot {
        var object = arena.object(Self.self)
        object.field("csp", csp)
        object.field("title", title)
        object.field("root", root)
        object.field("portalRoot", portalRoot)
        object.field("business", business)
        object.field("businessEmail", businessEmail)
        object.field("businessMailto", businessMailto)
        object.field("clientName", clientName)
        object.field("asOf", asOf)
        object.field("nav", nav)
        object.field("hasNav", hasNav)
        return object.end()
    }
}

extension DashboardRow: TemplateRepresentable {
    /// The page values by property name, in the arena.
    func slot(in arena: TemplateArena) -> TemplateSlot {
        var object = arena.object(Self.self)
        object.field("cells", cells)
        object.field("href", href)
        object.field("mailto", mailto)
        object.field("draft", draft)
        return object.end()
    }
}

extension EmailLink: TemplateRepresentable {
    /// The page values by property name, in the arena.
    func slot(in arena: TemplateArena) -> TemplateSlot {
        var object = arena.object(Self.self)
        object.field("client", client)
        object.field("about", about)
        object.field("mailto", mailto)
        object.field("page", page)
        object.field("draft", draft)
        return object.end()
    }
}

extension PortalLink: TemplateRepresentable {
    /// The page values by property name, in the arena.
    func slot(in arena: TemplateArena) -> TemplateSlot {
        var object = arena.object(Self.self)
        object.field("name", name)
        object.field("href", href)
        return object.end()
    }
}

extension DeliverableView: TemplateRepresentable {
    /// The page values by property name, in the arena.
    func slot(in arena: TemplateArena) -> TemplateSlot {
        var object = arena.object(Self.self)
        object.field("title", title)
        object.field("due", due)
        object.field("originalDue", originalDue)
        object.field("status", status)
        object.field("isLate", isLate)
        object.field("isOpen", isOpen)
        object.field("timeline", timeline)
        object.field("waits", waits)
        object.field("hasWaits", hasWaits)
        return object.end()
    }
}

extension MonthSummaryView: TemplateRepresentable {
    /// The page values by property name, in the arena.
    func slot(in arena: TemplateArena) -> TemplateSlot {
        var object = arena.object(Self.self)
        object.field("month", month)
        object.field("label", label)
        object.field("href", href)
        object.field("logged", logged)
        object.field("billable", billable)
        object.field("inHours", inHours)
        object.field("outOfHours", outOfHours)
        object.field("hasOutOfHours", hasOutOfHours)
        object.field("unbilled", unbilled)
        object.field("hasUnbilled", hasUnbilled)
        object.field("travel", travel)
        object.field("hasTravel", hasTravel)
        object.field("distance", distance)
        object.field("hasDistance", hasDistance)
        object.field("expenses", expenses)
        object.field("expenseCount", expenseCount)
        object.field("hasExpenses", hasExpenses)
        object.field("hasTimesheet", hasTimesheet)
        object.field("retainer", retainer)
        return object.end()
    }
}

extension KindRow: TemplateRepresentable {
    /// The page values by property name, in the arena.
    func slot(in arena: TemplateArena) -> TemplateSlot {
        var object = arena.object(Self.self)
        object.field("label", label)
        object.field("quantity", quantity)
        object.field("note", note)
        return object.end()
    }
}

extension TagRow: TemplateRepresentable {
    /// The page values by property name, in the arena.
    func slot(in arena: TemplateArena) -> TemplateSlot {
        var object = arena.object(Self.self)
        object.field("tag", tag)
        object.field("time", time)
        object.field("percent", percent)
        object.field("barWidth", barWidth)
        object.field("y", y)
        object.field("textY", textY)
        object.field("valueX", valueX)
        return object.end()
    }
}

extension DayView: TemplateRepresentable {
    /// The page values by property name, in the arena.
    func slot(in arena: TemplateArena) -> TemplateSlot {
        var object = arena.object(Self.self)
        object.field("date", date)
        object.field("label", label)
        object.field("entries", entries)
        object.field("notesHTML", notesHTML)
        object.field("hasNotes", hasNotes)
        object.field("questionHref", questionHref)
        return object.end()
    }
}

extension MonthLink: TemplateRepresentable {
    /// The page values by property name, in the arena.
    func slot(in arena: TemplateArena) -> TemplateSlot {
        var object = arena.object(Self.self)
        object.field("label", label)
        object.field("href", href)
        return object.end()
    }
}

extension CoreHoursRow: TemplateRepresentable {
    /// The page values by property name, in the arena.
    func slot(in arena: TemplateArena) -> TemplateSlot {
        var object = arena.object(Self.self)
        object.field("days", days)
        object.field("hours", hours)
        return object.end()
    }
}

extension RateRow: TemplateRepresentable {
    /// The page values by property name, in the arena.
    func slot(in arena: TemplateArena) -> TemplateSlot {
        var object = arena.object(Self.self)
        object.field("label", label)
        object.field("value", value)
        return object.end()
    }
}

extension TermsVersionView: TemplateRepresentable {
    /// The page values by property name, in the arena.
    func slot(in arena: TemplateArena) -> TemplateSlot {
        var object = arena.object(Self.self)
        object.field("version", version)
        object.field("heading", heading)
        object.field("effective", effective)
        object.field("agreement", agreement)
        object.field("fingerprint", fingerprint)
        object.field("isProposed", isProposed)
        object.field("isInForce", isInForce)
        object.field("statusLabel", statusLabel)
        object.field("bodyHTML", bodyHTML)
        object.field("href", href)
        return object.end()
    }
}

extension NavLink: TemplateRepresentable {
    /// The page values by property name, in the arena.
    func slot(in arena: TemplateArena) -> TemplateSlot {
        var object = arena.object(Self.self)
        object.field("label", label)
        object.field("href", href)
        object.field("current", current)
        return object.end()
    }
}

extension TimelineRow: TemplateRepresentable {
    /// The page values by property name, in the arena.
    func slot(in arena: TemplateArena) -> TemplateSlot {
        var object = arena.object(Self.self)
        object.field("date", date)
        object.field("isoDate", isoDate)
        object.field("text", text)
        return object.end()
    }
}

extension RetainerView: TemplateRepresentable {
    /// The page values by property name, in the arena.
    func slot(in arena: TemplateArena) -> TemplateSlot {
        var object = arena.object(Self.self)
        object.field("included", included)
        object.field("rolloverIn", rolloverIn)
        object.field("hasRolloverIn", hasRolloverIn)
        object.field("available", available)
        object.field("used", used)
        object.field("remaining", remaining)
        object.field("overage", overage)
        object.field("isOver", isOver)
        object.field("rolloverOut", rolloverOut)
        object.field("expired", expired)
        object.field("hasExpired", hasExpired)
        object.field("usedPercent", usedPercent)
        object.field("allowsRollover", allowsRollover)
        object.field("rolloverCap", rolloverCap)
        object.field("overageAmount", overageAmount)
        object.field("overageRate", overageRate)
        return object.end()
    }
}

extension EntryView: TemplateRepresentable {
    /// The page values by property name, in the arena.
    func slot(in arena: TemplateArena) -> TemplateSlot {
        var object = arena.object(Self.self)
        object.field("kind", kind)
        object.field("kindLabel", kindLabel)
        object.field("quantity", quantity)
        object.field("description", description)
        object.field("tags", tags)
        object.field("detailsHTML", detailsHTML)
        object.field("hasDetails", hasDetails)
        object.field("counted", counted)
        object.field("unbilled", unbilled)
        object.field("outOfHours", outOfHours)
        return object.end()
    }
}
