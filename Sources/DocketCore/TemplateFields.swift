/// How each view model appears to templates: every stored property under its own name, nil ones left out.
/// `TemplateFieldsTests` checks that each conversion names exactly the stored properties of its type.

extension DashboardPage: TemplateRepresentable {
    /// The page values by property name.
    public var templateValue: TemplateValue {
        .object([
            "page": page.templateValue,
            "month": month.templateValue,
            "chase": chase.templateValue,
            "hasChase": hasChase.templateValue,
            "chaseTotal": chaseTotal.templateValue,
            "balances": balances.templateValue,
            "burn": burn.templateValue,
            "unbilled": unbilled.templateValue,
            "outOfHours": outOfHours.templateValue,
            "tags": tags.templateValue,
            "noTerms": noTerms.templateValue,
            "proposals": proposals.templateValue,
            "portals": portals.templateValue,
        ])
    }
}

extension DeliverablesPage: TemplateRepresentable {
    /// The page values by property name.
    public var templateValue: TemplateValue {
        .object([
            "page": page.templateValue,
            "clientName": clientName.templateValue,
            "open": open.templateValue,
            "hasOpen": hasOpen.templateValue,
            "delivered": delivered.templateValue,
            "hasDelivered": hasDelivered.templateValue,
        ])
    }
}

extension HoursPage: TemplateRepresentable {
    /// The page values by property name.
    public var templateValue: TemplateValue {
        .object([
            "page": page.templateValue,
            "clientName": clientName.templateValue,
            "summary": summary.templateValue,
            "kinds": kinds.templateValue,
            "tags": tags.templateValue,
            "hasTags": hasTags.templateValue,
            "days": days.templateValue,
            "hasDays": hasDays.templateValue,
            "increment": increment.templateValue,
            "coreHours": coreHours.templateValue,
            "previous": previous.templateValue,
            "next": next.templateValue,
            "chartHeight": chartHeight.templateValue,
            "outOfHoursShare": outOfHoursShare.templateValue,
            "deliverables": deliverables.templateValue,
            "hasDeliverables": hasDeliverables.templateValue,
            "invoice": invoice.templateValue,
        ])
    }
}

extension IndexPage: TemplateRepresentable {
    /// The page values by property name.
    public var templateValue: TemplateValue {
        .object([
            "page": page.templateValue,
        ])
    }
}

extension InvoicePage: TemplateRepresentable {
    /// The page values by property name.
    public var templateValue: TemplateValue {
        .object([
            "page": page.templateValue,
            "from": from.templateValue,
            "to": to.templateValue,
            "number": number.templateValue,
            "issued": issued.templateValue,
            "due": due.templateValue,
            "paymentTerms": paymentTerms.templateValue,
            "supplyLabel": supplyLabel.templateValue,
            "supplyValue": supplyValue.templateValue,
            "po": po.templateValue,
            "summary": summary.templateValue,
            "daysOverdue": daysOverdue.templateValue,
            "lines": lines.templateValue,
            "subtotal": subtotal.templateValue,
            "hasVAT": hasVAT.templateValue,
            "vatRate": vatRate.templateValue,
            "vat": vat.templateValue,
            "vatNumber": vatNumber.templateValue,
            "total": total.templateValue,
            "payments": payments.templateValue,
            "hasPayments": hasPayments.templateValue,
            "paid": paid.templateValue,
            "balance": balance.templateValue,
            "companyNumber": companyNumber.templateValue,
            "bankLines": bankLines.templateValue,
            "latePayment": latePayment.templateValue,
            "terms": terms.templateValue,
            "hasTerms": hasTerms.templateValue,
            "noteHTML": noteHTML.templateValue,
            "hasNote": hasNote.templateValue,
        ])
    }
}

extension OverviewPage: TemplateRepresentable {
    /// The page values by property name.
    public var templateValue: TemplateValue {
        .object([
            "page": page.templateValue,
            "clientName": clientName.templateValue,
            "contact": contact.templateValue,
            "current": current.templateValue,
            "currentIsThisMonth": currentIsThisMonth.templateValue,
            "hasRetainer": hasRetainer.templateValue,
            "retainerTerms": retainerTerms.templateValue,
            "rolloverRule": rolloverRule.templateValue,
            "recentMonths": recentMonths.templateValue,
            "hasRecentMonths": hasRecentMonths.templateValue,
            "hasCoreHours": hasCoreHours.templateValue,
            "coreHours": coreHours.templateValue,
            "rates": rates.templateValue,
            "account": account.templateValue,
            "termsInForce": termsInForce.templateValue,
            "noTerms": noTerms.templateValue,
            "proposals": proposals.templateValue,
            "hasProposals": hasProposals.templateValue,
            "openDeliverables": openDeliverables.templateValue,
            "hasOpenDeliverables": hasOpenDeliverables.templateValue,
        ])
    }
}

extension StatementPage: TemplateRepresentable {
    /// The page values by property name.
    public var templateValue: TemplateValue {
        .object([
            "page": page.templateValue,
            "clientName": clientName.templateValue,
            "rows": rows.templateValue,
            "hasRows": hasRows.templateValue,
            "balance": balance.templateValue,
            "owes": owes.templateValue,
            "inCredit": inCredit.templateValue,
            "overdue": overdue.templateValue,
            "hasOverdue": hasOverdue.templateValue,
            "overdueTotal": overdueTotal.templateValue,
            "invoices": invoices.templateValue,
            "hasInvoices": hasInvoices.templateValue,
        ])
    }
}

extension TermsIndexPage: TemplateRepresentable {
    /// The page values by property name.
    public var templateValue: TemplateValue {
        .object([
            "page": page.templateValue,
            "clientName": clientName.templateValue,
            "current": current.templateValue,
            "history": history.templateValue,
            "hasHistory": hasHistory.templateValue,
            "proposals": proposals.templateValue,
            "hasProposals": hasProposals.templateValue,
        ])
    }
}

extension TermsVersionPage: TemplateRepresentable {
    /// The page values by property name.
    public var templateValue: TemplateValue {
        .object([
            "page": page.templateValue,
            "clientName": clientName.templateValue,
            "terms": terms.templateValue,
            "comparedWith": comparedWith.templateValue,
            "hasDiff": hasDiff.templateValue,
            "diffHTML": diffHTML.templateValue,
            "approveHref": approveHref.templateValue,
            "approveLabel": approveLabel.templateValue,
        ])
    }
}

extension PageChrome: TemplateRepresentable {
    /// The page values by property name.
    public var templateValue: TemplateValue {
        .object([
            "csp": csp.templateValue,
            "title": title.templateValue,
            "root": root.templateValue,
            "portalRoot": portalRoot.templateValue,
            "business": business.templateValue,
            "clientName": clientName.templateValue,
            "asOf": asOf.templateValue,
            "nav": nav.templateValue,
            "hasNav": hasNav.templateValue,
        ])
    }
}

extension DashboardRow: TemplateRepresentable {
    /// The page values by property name.
    public var templateValue: TemplateValue {
        .object([
            "cells": cells.templateValue,
        ])
    }
}

extension PortalLink: TemplateRepresentable {
    /// The page values by property name.
    public var templateValue: TemplateValue {
        .object([
            "name": name.templateValue,
            "href": href.templateValue,
        ])
    }
}

extension DeliverableView: TemplateRepresentable {
    /// The page values by property name.
    public var templateValue: TemplateValue {
        .object([
            "title": title.templateValue,
            "due": due.templateValue,
            "status": status.templateValue,
            "isLate": isLate.templateValue,
            "isOpen": isOpen.templateValue,
            "timeline": timeline.templateValue,
            "waits": waits.templateValue,
            "hasWaits": hasWaits.templateValue,
        ])
    }
}

extension MonthSummaryView: TemplateRepresentable {
    /// The page values by property name.
    public var templateValue: TemplateValue {
        .object([
            "month": month.templateValue,
            "label": label.templateValue,
            "href": href.templateValue,
            "logged": logged.templateValue,
            "billable": billable.templateValue,
            "inHours": inHours.templateValue,
            "outOfHours": outOfHours.templateValue,
            "hasOutOfHours": hasOutOfHours.templateValue,
            "unbilled": unbilled.templateValue,
            "hasUnbilled": hasUnbilled.templateValue,
            "travel": travel.templateValue,
            "hasTravel": hasTravel.templateValue,
            "distance": distance.templateValue,
            "hasDistance": hasDistance.templateValue,
            "expenses": expenses.templateValue,
            "expenseCount": expenseCount.templateValue,
            "hasExpenses": hasExpenses.templateValue,
            "hasTimesheet": hasTimesheet.templateValue,
            "retainer": retainer.templateValue,
        ])
    }
}

extension KindRow: TemplateRepresentable {
    /// The page values by property name.
    public var templateValue: TemplateValue {
        .object([
            "label": label.templateValue,
            "quantity": quantity.templateValue,
            "note": note.templateValue,
        ])
    }
}

extension TagRow: TemplateRepresentable {
    /// The page values by property name.
    public var templateValue: TemplateValue {
        .object([
            "tag": tag.templateValue,
            "time": time.templateValue,
            "percent": percent.templateValue,
            "barWidth": barWidth.templateValue,
            "y": y.templateValue,
            "textY": textY.templateValue,
            "valueX": valueX.templateValue,
        ])
    }
}

extension DayView: TemplateRepresentable {
    /// The page values by property name.
    public var templateValue: TemplateValue {
        .object([
            "date": date.templateValue,
            "label": label.templateValue,
            "entries": entries.templateValue,
            "notesHTML": notesHTML.templateValue,
            "hasNotes": hasNotes.templateValue,
        ])
    }
}

extension MonthLink: TemplateRepresentable {
    /// The page values by property name.
    public var templateValue: TemplateValue {
        .object([
            "label": label.templateValue,
            "href": href.templateValue,
        ])
    }
}

extension InvoiceSummaryView: TemplateRepresentable {
    /// The page values by property name.
    public var templateValue: TemplateValue {
        .object([
            "number": number.templateValue,
            "href": href.templateValue,
            "issued": issued.templateValue,
            "due": due.templateValue,
            "total": total.templateValue,
            "balance": balance.templateValue,
            "status": status.templateValue,
            "statusLabel": statusLabel.templateValue,
            "isOverdue": isOverdue.templateValue,
            "isPaid": isPaid.templateValue,
        ])
    }
}

extension PartyView: TemplateRepresentable {
    /// The page values by property name.
    public var templateValue: TemplateValue {
        .object([
            "name": name.templateValue,
            "contact": contact.templateValue,
            "addressLines": addressLines.templateValue,
            "email": email.templateValue,
            "phone": phone.templateValue,
        ])
    }
}

extension InvoiceLineView: TemplateRepresentable {
    /// The page values by property name.
    public var templateValue: TemplateValue {
        .object([
            "description": description.templateValue,
            "quantity": quantity.templateValue,
            "unit": unit.templateValue,
            "unitPrice": unitPrice.templateValue,
            "amount": amount.templateValue,
            "href": href.templateValue,
        ])
    }
}

extension PaymentView: TemplateRepresentable {
    /// The page values by property name.
    public var templateValue: TemplateValue {
        .object([
            "date": date.templateValue,
            "amount": amount.templateValue,
        ])
    }
}

extension TermsLinkView: TemplateRepresentable {
    /// The page values by property name.
    public var templateValue: TemplateValue {
        .object([
            "text": text.templateValue,
            "href": href.templateValue,
        ])
    }
}

extension CoreHoursRow: TemplateRepresentable {
    /// The page values by property name.
    public var templateValue: TemplateValue {
        .object([
            "days": days.templateValue,
            "hours": hours.templateValue,
        ])
    }
}

extension RateRow: TemplateRepresentable {
    /// The page values by property name.
    public var templateValue: TemplateValue {
        .object([
            "label": label.templateValue,
            "value": value.templateValue,
        ])
    }
}

extension AccountView: TemplateRepresentable {
    /// The page values by property name.
    public var templateValue: TemplateValue {
        .object([
            "balance": balance.templateValue,
            "owes": owes.templateValue,
            "overdue": overdue.templateValue,
            "hasOverdue": hasOverdue.templateValue,
            "nextDue": nextDue.templateValue,
            "latest": latest.templateValue,
            "hasInvoices": hasInvoices.templateValue,
        ])
    }
}

extension TermsVersionView: TemplateRepresentable {
    /// The page values by property name.
    public var templateValue: TemplateValue {
        .object([
            "version": version.templateValue,
            "heading": heading.templateValue,
            "effective": effective.templateValue,
            "agreement": agreement.templateValue,
            "isProposed": isProposed.templateValue,
            "isInForce": isInForce.templateValue,
            "statusLabel": statusLabel.templateValue,
            "bodyHTML": bodyHTML.templateValue,
            "href": href.templateValue,
        ])
    }
}

extension StatementRowView: TemplateRepresentable {
    /// The page values by property name.
    public var templateValue: TemplateValue {
        .object([
            "date": date.templateValue,
            "description": description.templateValue,
            "href": href.templateValue,
            "charge": charge.templateValue,
            "payment": payment.templateValue,
            "balance": balance.templateValue,
        ])
    }
}

extension NavLink: TemplateRepresentable {
    /// The page values by property name.
    public var templateValue: TemplateValue {
        .object([
            "label": label.templateValue,
            "href": href.templateValue,
            "current": current.templateValue,
        ])
    }
}

extension TimelineRow: TemplateRepresentable {
    /// The page values by property name.
    public var templateValue: TemplateValue {
        .object([
            "date": date.templateValue,
            "text": text.templateValue,
        ])
    }
}

extension RetainerView: TemplateRepresentable {
    /// The page values by property name.
    public var templateValue: TemplateValue {
        .object([
            "included": included.templateValue,
            "rolloverIn": rolloverIn.templateValue,
            "hasRolloverIn": hasRolloverIn.templateValue,
            "available": available.templateValue,
            "used": used.templateValue,
            "remaining": remaining.templateValue,
            "overage": overage.templateValue,
            "isOver": isOver.templateValue,
            "rolloverOut": rolloverOut.templateValue,
            "expired": expired.templateValue,
            "hasExpired": hasExpired.templateValue,
            "usedPercent": usedPercent.templateValue,
            "allowsRollover": allowsRollover.templateValue,
            "rolloverCap": rolloverCap.templateValue,
        ])
    }
}

extension EntryView: TemplateRepresentable {
    /// The page values by property name.
    public var templateValue: TemplateValue {
        .object([
            "kind": kind.templateValue,
            "kindLabel": kindLabel.templateValue,
            "quantity": quantity.templateValue,
            "description": description.templateValue,
            "tags": tags.templateValue,
            "detailsHTML": detailsHTML.templateValue,
            "hasDetails": hasDetails.templateValue,
            "counted": counted.templateValue,
            "unbilled": unbilled.templateValue,
            "outOfHours": outOfHours.templateValue,
        ])
    }
}
