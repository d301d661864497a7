import Foundation

/// The terms and deliverables pages of a portal.
extension PortalRenderer {
    /// Proposed versions awaiting approval: proposals newer than the version in force today.
    func proposedTerms(_ computed: ComputedClient) -> [Terms] {
        let current = Terms.inForce(on: today, in: computed.content.terms)?.version ?? 0
        return computed.content.terms.filter { $0.status == .proposed && $0.version > current }
    }

    func termsView(_ terms: Terms, computed: ComputedClient) -> TermsVersionView {
        let inForce = Terms.inForce(on: today, in: computed.content.terms)
        let isInForce = inForce?.version == terms.version
        let status: String
        if terms.status == .proposed {
            status = (inForce?.version ?? 0) > terms.version ? "Proposed, not agreed" : "Proposed for review"
        } else if isInForce {
            status = "In force"
        } else if terms.effective > today {
            status = "Agreed, takes effect \(terms.effective.shortDescription)"
        } else {
            status = "Replaced"
        }
        var agreement = "Proposed, not yet agreed"
        if terms.status == .agreed, let on = terms.agreedOn, let by = terms.agreedBy {
            agreement = "Agreed by \(by) on \(on.longDescription)"
            if terms.isSealed { agreement += " (fingerprint \(TermsFingerprint.short(terms.fingerprint)))" }
        }
        return TermsVersionView(
            version: terms.version, heading: "Version \(terms.version)" + (terms.title.map { ": \($0)" } ?? ""),
            effective: terms.effective.longDescription, agreement: agreement,
            fingerprint: terms.status == .proposed || terms.isSealed ? terms.fingerprint : "",
            isProposed: terms.status == .proposed, isInForce: isInForce, statusLabel: status, bodyHTML: terms.bodyHTML,
            href: "\(terms.version).html")
    }

    func termsIndexPage(_ computed: ComputedClient) -> TermsIndexPage {
        let terms = computed.content.terms
        let current = Terms.inForce(on: today, in: terms).map { termsView($0, computed: computed) }
        let history = terms.sorted { $0.version > $1.version }.map { termsView($0, computed: computed) }
        let proposals = proposedTerms(computed).map { termsView($0, computed: computed) }
        return TermsIndexPage(
            page: chrome(title: "Terms", computed: computed, depth: 1, current: "terms"),
            clientName: computed.client.name, current: current, history: history,
            hasHistory: !history.isEmpty, proposals: proposals, hasProposals: !proposals.isEmpty)
    }

    func termsVersionPage(_ terms: Terms, computed: ComputedClient) -> TermsVersionPage {
        let view = termsView(terms, computed: computed)
        var comparedWith: String?
        var diffHTML = ""
        var approveHref: String?
        var approveLabel: String?
        var changes: [FigureChange] = []
        let written = FigureChanges.written(terms.figures, money: money)
        if terms.status == .proposed {
            let figures = FigureChanges.proposal(terms, content: computed.content)
            changes = FigureChanges.between(figures.before, figures.after, money: money)
            let inForce = Terms.inForce(on: today, in: computed.content.terms)
            let base = inForce?.markdown ?? ""
            comparedWith = inForce.map { "version \($0.version), in force since \($0.effective.longDescription)" }
            diffHTML = TermsDiff.html(TermsDiff.compare(old: base, new: terms.markdown))
            let client = computed.client
            let subject = "I approve version \(terms.version) of the terms (\(client.name))"
            let body =
                "Hello,\n\nI approve version \(terms.version) of the terms"
                + (terms.title.map { ", \($0)," } ?? "")
                + " to take effect on \(terms.effective.longDescription)."
                + (changes.isEmpty
                    ? ""
                    : "\n\nFrom \(terms.effective.longDescription):\n"
                        + changes.map { "- \($0.sentence)" }.joined(separator: "\n"))
                + "\n\nThe version I approve has the fingerprint \(terms.fingerprint)."
                + "\n\n\(client.contact)\n\(client.name)\n"
            approveHref =
                HTML.mailto(business.email)
                + "?subject=\(HTML.percentEncode(subject))&body=\(HTML.percentEncode(body))"
            approveLabel = "I approve version \(terms.version)"
        }
        return TermsVersionPage(
            page: chrome(
                title: "Terms, version \(terms.version)", computed: computed, depth: 1,
                current: "terms"),
            clientName: computed.client.name, terms: view, comparedWith: comparedWith,
            hasDiff: terms.status == .proposed, diffHTML: diffHTML,
            approveHref: approveHref, approveLabel: approveLabel, figureChanges: changes,
            hasFigureChanges: !changes.isEmpty, figuresFrom: terms.effective.longDescription,
            figures: written, hasFigures: !written.isEmpty)
    }

    func deliverableView(_ deliverable: Deliverable) -> DeliverableView {
        let facts = deliverable.facts(today: today)
        return DeliverableView(
            title: deliverable.title, due: deliverable.agreedDue.longDescription,
            originalDue: deliverable.extensions.isEmpty ? nil : deliverable.due.longDescription, status: facts.status,
            isLate: facts.isLate, isOpen: deliverable.isOpen,
            timeline: facts.timeline.map {
                TimelineRow(date: $0.date.shortDescription, isoDate: $0.date.description, text: $0.text)
            },
            waits: facts.waits, hasWaits: !facts.waits.isEmpty)
    }

    func deliverablesPage(_ computed: ComputedClient) -> DeliverablesPage {
        let all = computed.content.deliverables
        let open = all.filter(\.isOpen).sorted { ($0.agreedDue, $0.line) < ($1.agreedDue, $1.line) }.map {
            deliverableView($0)
        }
        let delivered = all.filter { !$0.isOpen }.sorted { ($0.delivered!, $0.line) > ($1.delivered!, $1.line) }
            .map { deliverableView($0) }
        return DeliverablesPage(
            page: chrome(title: "Deliverables", computed: computed, depth: 0, current: "deliverables"),
            clientName: computed.client.name, open: open, hasOpen: !open.isEmpty,
            delivered: delivered, hasDelivered: !delivered.isEmpty)
    }
}
