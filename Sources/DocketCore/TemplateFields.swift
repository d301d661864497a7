/// How each view model appears to templates: every stored property under its own name, nil ones left out.
/// `TemplateFieldsTests` checks that each conversion names exactly the stored properties of its type.

extension DashboardPage: TemplateRepresentable {
    private static let templateNames: TemplateNames = ["page", "month", "chase", "hasChase", "chaseTotal", "balances", "burn", "unbilled", "outOfHours", "tags", "noTerms", "proposals", "portals"]

    /// The page values by property name.
    public var templateValue: TemplateValue {
        .object(TemplateObject(names: Self.templateNames, values: [
            page.templateValue,
            month.templateValue,
            chase.templateValue,
            hasChase.templateValue,
            chaseTotal.templateValue,
            balances.templateValue,
            burn.templateValue,
            unbilled.templateValue,
            outOfHours.templateValue,
            tags.templateValue,
            noTerms.templateValue,
            proposals.templateValue,
            portals.templateValue,
        ]))
    }
}

extension DeliverablesPage: TemplateRepresentable {
    private static let templateNames: TemplateNames = ["page", "clientName", "open", "hasOpen", "delivered", "hasDelivered"]

    /// The page values by property name.
    public var templateValue: TemplateValue {
        .object(TemplateObject(names: Self.templateNames, values: [
            page.templateValue,
            clientName.templateValue,
            open.templateValue,
            hasOpen.templateValue,
            delivered.templateValue,
            hasDelivered.templateValue,
        ]))
    }
}

extension HoursPage: TemplateRepresentable {
    private static let templateNames: TemplateNames = ["page", "clientName", "summary", "kinds", "tags", "hasTags", "days", "hasDays", "increment", "coreHours", "previous", "next", "chartHeight", "outOfHoursShare", "deliverables", "hasDeliverables", "invoice"]

    /// The page values by property name.
    public var templateValue: TemplateValue {
        .object(TemplateObject(names: Self.templateNames, values: [
            page.templateValue,
            clientName.templateValue,
            summary.templateValue,
            kinds.templateValue,
            tags.templateValue,
            hasTags.templateValue,
            days.templateValue,
            hasDays.templateValue,
            increment.templateValue,
            coreHours.templateValue,
            previous.templateValue,
            next.templateValue,
            chartHeight.templateValue,
            outOfHoursShare.templateValue,
            deliverables.templateValue,
            hasDeliverables.templateValue,
            invoice.templateValue,
        ]))
    }
}

extension IndexPage: TemplateRepresentable {
    private static let templateNames: TemplateNames = ["page"]

    /// The page values by property name.
    public var templateValue: TemplateValue {
        .object(TemplateObject(names: Self.templateNames, values: [
            page.templateValue,
        ]))
    }
}

extension InvoicePage: TemplateRepresentable {
    private static let templateNames: TemplateNames = ["page", "from", "to", "number", "issued", "due", "paymentTerms", "supplyLabel", "supplyValue", "po", "summary", "daysOverdue", "lines", "subtotal", "hasVAT", "vatRate", "vat", "vatNumber", "total", "payments", "hasPayments", "paid", "balance", "companyNumber", "bankLines", "latePayment", "terms", "hasTerms", "noteHTML", "hasNote"]

    /// The page values by property name.
    public var templateValue: TemplateValue {
        .object(TemplateObject(names: Self.templateNames, values: [
            page.templateValue,
            from.templateValue,
            to.templateValue,
            number.templateValue,
            issued.templateValue,
            due.templateValue,
            paymentTerms.templateValue,
            supplyLabel.templateValue,
            supplyValue.templateValue,
            po.templateValue,
            summary.templateValue,
            daysOverdue.templateValue,
            lines.templateValue,
            subtotal.templateValue,
            hasVAT.templateValue,
            vatRate.templateValue,
            vat.templateValue,
            vatNumber.templateValue,
            total.templateValue,
            payments.templateValue,
            hasPayments.templateValue,
            paid.templateValue,
            balance.templateValue,
            companyNumber.templateValue,
            bankLines.templateValue,
            latePayment.templateValue,
            terms.templateValue,
            hasTerms.templateValue,
            noteHTML.templateValue,
            hasNote.templateValue,
        ]))
    }
}

extension OverviewPage: TemplateRepresentable {
    private static let templateNames: TemplateNames = ["page", "clientName", "contact", "current", "currentIsThisMonth", "hasRetainer", "retainerTerms", "rolloverRule", "recentMonths", "hasRecentMonths", "hasCoreHours", "coreHours", "rates", "account", "termsInForce", "noTerms", "proposals", "hasProposals", "openDeliverables", "hasOpenDeliverables"]

    /// The page values by property name.
    public var templateValue: TemplateValue {
        .object(TemplateObject(names: Self.templateNames, values: [
            page.templateValue,
            clientName.templateValue,
            contact.templateValue,
            current.templateValue,
            currentIsThisMonth.templateValue,
            hasRetainer.templateValue,
            retainerTerms.templateValue,
            rolloverRule.templateValue,
            recentMonths.templateValue,
            hasRecentMonths.templateValue,
            hasCoreHours.templateValue,
            coreHours.templateValue,
            rates.templateValue,
            account.templateValue,
            termsInForce.templateValue,
            noTerms.templateValue,
            proposals.templateValue,
            hasProposals.templateValue,
            openDeliverables.templateValue,
            hasOpenDeliverables.templateValue,
        ]))
    }
}

extension StatementPage: TemplateRepresentable {
    private static let templateNames: TemplateNames = ["page", "clientName", "rows", "hasRows", "balance", "owes", "inCredit", "overdue", "hasOverdue", "overdueTotal", "invoices", "hasInvoices"]

    /// The page values by property name.
    public var templateValue: TemplateValue {
        .object(TemplateObject(names: Self.templateNames, values: [
            page.templateValue,
            clientName.templateValue,
            rows.templateValue,
            hasRows.templateValue,
            balance.templateValue,
            owes.templateValue,
            inCredit.templateValue,
            overdue.templateValue,
            hasOverdue.templateValue,
            overdueTotal.templateValue,
            invoices.templateValue,
            hasInvoices.templateValue,
        ]))
    }
}

extension TermsIndexPage: TemplateRepresentable {
    private static let templateNames: TemplateNames = ["page", "clientName", "current", "history", "hasHistory", "proposals", "hasProposals"]

    /// The page values by property name.
    public var templateValue: TemplateValue {
        .object(TemplateObject(names: Self.templateNames, values: [
            page.templateValue,
            clientName.templateValue,
            current.templateValue,
            history.templateValue,
            hasHistory.templateValue,
            proposals.templateValue,
            hasProposals.templateValue,
        ]))
    }
}

extension TermsVersionPage: TemplateRepresentable {
    private static let templateNames: TemplateNames = ["page", "clientName", "terms", "comparedWith", "hasDiff", "diffHTML", "approveHref", "approveLabel"]

    /// The page values by property name.
    public var templateValue: TemplateValue {
        .object(TemplateObject(names: Self.templateNames, values: [
            page.templateValue,
            clientName.templateValue,
            terms.templateValue,
            comparedWith.templateValue,
            hasDiff.templateValue,
            diffHTML.templateValue,
            approveHref.templateValue,
            approveLabel.templateValue,
        ]))
    }
}

extension PageChrome: TemplateRepresentable {
    private static let templateNames: TemplateNames = ["csp", "title", "root", "portalRoot", "business", "clientName", "asOf", "nav", "hasNav"]

    /// The page values by property name.
    public var templateValue: TemplateValue {
        .object(TemplateObject(names: Self.templateNames, values: [
            csp.templateValue,
            title.templateValue,
            root.templateValue,
            portalRoot.templateValue,
            business.templateValue,
            clientName.templateValue,
            asOf.templateValue,
            nav.templateValue,
            hasNav.templateValue,
        ]))
    }
}

extension DashboardRow: TemplateRepresentable {
    private static let templateNames: TemplateNames = ["cells"]

    /// The page values by property name.
    public var templateValue: TemplateValue {
        .object(TemplateObject(names: Self.templateNames, values: [
            cells.templateValue,
        ]))
    }
}

extension PortalLink: TemplateRepresentable {
    private static let templateNames: TemplateNames = ["name", "href"]

    /// The page values by property name.
    public var templateValue: TemplateValue {
        .object(TemplateObject(names: Self.templateNames, values: [
            name.templateValue,
            href.templateValue,
        ]))
    }
}

extension DeliverableView: TemplateRepresentable {
    private static let templateNames: TemplateNames = ["title", "due", "status", "isLate", "isOpen", "timeline", "waits", "hasWaits"]

    /// The page values by property name.
    public var templateValue: TemplateValue {
        .object(TemplateObject(names: Self.templateNames, values: [
            title.templateValue,
            due.templateValue,
            status.templateValue,
            isLate.templateValue,
            isOpen.templateValue,
            timeline.templateValue,
            waits.templateValue,
            hasWaits.templateValue,
        ]))
    }
}

extension MonthSummaryView: TemplateRepresentable {
    private static let templateNames: TemplateNames = ["month", "label", "href", "logged", "billable", "inHours", "outOfHours", "hasOutOfHours", "unbilled", "hasUnbilled", "travel", "hasTravel", "distance", "hasDistance", "expenses", "expenseCount", "hasExpenses", "hasTimesheet", "retainer"]

    /// The page values by property name.
    public var templateValue: TemplateValue {
        .object(TemplateObject(names: Self.templateNames, values: [
            month.templateValue,
            label.templateValue,
            href.templateValue,
            logged.templateValue,
            billable.templateValue,
            inHours.templateValue,
            outOfHours.templateValue,
            hasOutOfHours.templateValue,
            unbilled.templateValue,
            hasUnbilled.templateValue,
            travel.templateValue,
            hasTravel.templateValue,
            distance.templateValue,
            hasDistance.templateValue,
            expenses.templateValue,
            expenseCount.templateValue,
            hasExpenses.templateValue,
            hasTimesheet.templateValue,
            retainer.templateValue,
        ]))
    }
}

extension KindRow: TemplateRepresentable {
    private static let templateNames: TemplateNames = ["label", "quantity", "note"]

    /// The page values by property name.
    public var templateValue: TemplateValue {
        .object(TemplateObject(names: Self.templateNames, values: [
            label.templateValue,
            quantity.templateValue,
            note.templateValue,
        ]))
    }
}

extension TagRow: TemplateRepresentable {
    private static let templateNames: TemplateNames = ["tag", "time", "percent", "barWidth", "y", "textY", "valueX"]

    /// The page values by property name.
    public var templateValue: TemplateValue {
        .object(TemplateObject(names: Self.templateNames, values: [
            tag.templateValue,
            time.templateValue,
            percent.templateValue,
            barWidth.templateValue,
            y.templateValue,
            textY.templateValue,
            valueX.templateValue,
        ]))
    }
}

extension DayView: TemplateRepresentable {
    private static let templateNames: TemplateNames = ["date", "label", "entries", "notesHTML", "hasNotes"]

    /// The page values by property name.
    public var templateValue: TemplateValue {
        .object(TemplateObject(names: Self.templateNames, values: [
            date.templateValue,
            label.templateValue,
            entries.templateValue,
            notesHTML.templateValue,
            hasNotes.templateValue,
        ]))
    }
}

extension MonthLink: TemplateRepresentable {
    private static let templateNames: TemplateNames = ["label", "href"]

    /// The page values by property name.
    public var templateValue: TemplateValue {
        .object(TemplateObject(names: Self.templateNames, values: [
            label.templateValue,
            href.templateValue,
        ]))
    }
}

extension InvoiceSummaryView: TemplateRepresentable {
    private static let templateNames: TemplateNames = ["number", "href", "issued", "due", "total", "balance", "status", "statusLabel", "isOverdue", "isPaid"]

    /// The page values by property name.
    public var templateValue: TemplateValue {
        .object(TemplateObject(names: Self.templateNames, values: [
            number.templateValue,
            href.templateValue,
            issued.templateValue,
            due.templateValue,
            total.templateValue,
            balance.templateValue,
            status.templateValue,
            statusLabel.templateValue,
            isOverdue.templateValue,
            isPaid.templateValue,
        ]))
    }
}

extension PartyView: TemplateRepresentable {
    private static let templateNames: TemplateNames = ["name", "contact", "addressLines", "email", "phone"]

    /// The page values by property name.
    public var templateValue: TemplateValue {
        .object(TemplateObject(names: Self.templateNames, values: [
            name.templateValue,
            contact.templateValue,
            addressLines.templateValue,
            email.templateValue,
            phone.templateValue,
        ]))
    }
}

extension InvoiceLineView: TemplateRepresentable {
    private static let templateNames: TemplateNames = ["description", "quantity", "unit", "unitPrice", "amount", "href"]

    /// The page values by property name.
    public var templateValue: TemplateValue {
        .object(TemplateObject(names: Self.templateNames, values: [
            description.templateValue,
            quantity.templateValue,
            unit.templateValue,
            unitPrice.templateValue,
            amount.templateValue,
            href.templateValue,
        ]))
    }
}

extension PaymentView: TemplateRepresentable {
    private static let templateNames: TemplateNames = ["date", "amount"]

    /// The page values by property name.
    public var templateValue: TemplateValue {
        .object(TemplateObject(names: Self.templateNames, values: [
            date.templateValue,
            amount.templateValue,
        ]))
    }
}

extension TermsLinkView: TemplateRepresentable {
    private static let templateNames: TemplateNames = ["text", "href"]

    /// The page values by property name.
    public var templateValue: TemplateValue {
        .object(TemplateObject(names: Self.templateNames, values: [
            text.templateValue,
            href.templateValue,
        ]))
    }
}

extension CoreHoursRow: TemplateRepresentable {
    private static let templateNames: TemplateNames = ["days", "hours"]

    /// The page values by property name.
    public var templateValue: TemplateValue {
        .object(TemplateObject(names: Self.templateNames, values: [
            days.templateValue,
            hours.templateValue,
        ]))
    }
}

extension RateRow: TemplateRepresentable {
    private static let templateNames: TemplateNames = ["label", "value"]

    /// The page values by property name.
    public var templateValue: TemplateValue {
        .object(TemplateObject(names: Self.templateNames, values: [
            label.templateValue,
            value.templateValue,
        ]))
    }
}

extension AccountView: TemplateRepresentable {
    private static let templateNames: TemplateNames = ["balance", "owes", "overdue", "hasOverdue", "nextDue", "latest", "hasInvoices"]

    /// The page values by property name.
    public var templateValue: TemplateValue {
        .object(TemplateObject(names: Self.templateNames, values: [
            balance.templateValue,
            owes.templateValue,
            overdue.templateValue,
            hasOverdue.templateValue,
            nextDue.templateValue,
            latest.templateValue,
            hasInvoices.templateValue,
        ]))
    }
}

extension TermsVersionView: TemplateRepresentable {
    private static let templateNames: TemplateNames = ["version", "heading", "effective", "agreement", "isProposed", "isInForce", "statusLabel", "bodyHTML", "href"]

    /// The page values by property name.
    public var templateValue: TemplateValue {
        .object(TemplateObject(names: Self.templateNames, values: [
            version.templateValue,
            heading.templateValue,
            effective.templateValue,
            agreement.templateValue,
            isProposed.templateValue,
            isInForce.templateValue,
            statusLabel.templateValue,
            bodyHTML.templateValue,
            href.templateValue,
        ]))
    }
}

extension StatementRowView: TemplateRepresentable {
    private static let templateNames: TemplateNames = ["date", "description", "href", "charge", "payment", "balance"]

    /// The page values by property name.
    public var templateValue: TemplateValue {
        .object(TemplateObject(names: Self.templateNames, values: [
            date.templateValue,
            description.templateValue,
            href.templateValue,
            charge.templateValue,
            payment.templateValue,
            balance.templateValue,
        ]))
    }
}

extension NavLink: TemplateRepresentable {
    private static let templateNames: TemplateNames = ["label", "href", "current"]

    /// The page values by property name.
    public var templateValue: TemplateValue {
        .object(TemplateObject(names: Self.templateNames, values: [
            label.templateValue,
            href.templateValue,
            current.templateValue,
        ]))
    }
}

extension TimelineRow: TemplateRepresentable {
    private static let templateNames: TemplateNames = ["date", "text"]

    /// The page values by property name.
    public var templateValue: TemplateValue {
        .object(TemplateObject(names: Self.templateNames, values: [
            date.templateValue,
            text.templateValue,
        ]))
    }
}

extension RetainerView: TemplateRepresentable {
    private static let templateNames: TemplateNames = ["included", "rolloverIn", "hasRolloverIn", "available", "used", "remaining", "overage", "isOver", "rolloverOut", "expired", "hasExpired", "usedPercent", "allowsRollover", "rolloverCap"]

    /// The page values by property name.
    public var templateValue: TemplateValue {
        .object(TemplateObject(names: Self.templateNames, values: [
            included.templateValue,
            rolloverIn.templateValue,
            hasRolloverIn.templateValue,
            available.templateValue,
            used.templateValue,
            remaining.templateValue,
            overage.templateValue,
            isOver.templateValue,
            rolloverOut.templateValue,
            expired.templateValue,
            hasExpired.templateValue,
            usedPercent.templateValue,
            allowsRollover.templateValue,
            rolloverCap.templateValue,
        ]))
    }
}

extension EntryView: TemplateRepresentable {
    private static let templateNames: TemplateNames = ["kind", "kindLabel", "quantity", "description", "tags", "detailsHTML", "hasDetails", "counted", "unbilled", "outOfHours"]

    /// The page values by property name.
    public var templateValue: TemplateValue {
        .object(TemplateObject(names: Self.templateNames, values: [
            kind.templateValue,
            kindLabel.templateValue,
            quantity.templateValue,
            description.templateValue,
            tags.templateValue,
            detailsHTML.templateValue,
            hasDetails.templateValue,
            counted.templateValue,
            unbilled.templateValue,
            outOfHours.templateValue,
        ]))
    }
}
