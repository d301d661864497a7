/// One terms version as shown on pages.
struct TermsVersionView: Sendable {
    /// The version number.
    var version: Int
    /// `Version 2: Virtual assistance agreement`.
    var heading: String
    /// Effective date for people.
    var effective: String
    /// `Agreed by Sam Patel on 25 Aug 2026 (fingerprint 7ba5a484a763)` or `Proposed, not yet agreed`.
    var agreement: String
    /// The fingerprint of the version's text and figures (`sha256:…`): for an agreed version the one it was
    /// sealed with, for a proposal the one its approval quotes; empty for an agreed version not sealed.
    var fingerprint: String
    /// Whether it is a proposal.
    var isProposed: Bool
    /// Whether it is the version in force today.
    var isInForce: Bool
    /// `In force`, `Proposed`, `Replaced`, `Agreed, takes effect 1 Jan 2027`.
    var statusLabel: String
    /// The terms, rendered by cmark in safe mode.
    var bodyHTML: String
    /// Link from the terms folder.
    var href: String
}

/// `terms/index.html`.
struct TermsIndexPage: Sendable {
    /// Layout data.
    var page: PageChrome
    /// The client's name.
    var clientName: String
    /// The version in force today.
    var current: TermsVersionView?
    /// Every version, newest first.
    var history: [TermsVersionView]
    /// Whether there is any version at all.
    var hasHistory: Bool
    /// Proposed versions awaiting approval.
    var proposals: [TermsVersionView]
    /// Whether any proposal awaits approval.
    var hasProposals: Bool
}

/// `terms/<version>.html`.
struct TermsVersionPage: Sendable {
    /// Layout data.
    var page: PageChrome
    /// The client's name.
    var clientName: String
    /// The version shown.
    var terms: TermsVersionView
    /// The version a proposal is compared with (the one in force), if any.
    var comparedWith: String?
    /// Whether there is a comparison to show.
    var hasDiff: Bool
    /// The comparison, built by Docket from escaped text with `<ins>` and `<del>` (see `TermsDiff`).
    var diffHTML: String
    /// The `mailto:` link to approve a proposal.
    var approveHref: String?
    /// `I approve version 3`.
    var approveLabel: String?
    /// The billing figures a proposal would change, old → new.
    var figureChanges: [FigureChange]
    /// Whether a proposal changes any billing figure.
    var hasFigureChanges: Bool
    /// When the changed figures would apply, `1 January 2027`.
    var figuresFrom: String
    /// The billing figures this version sets (agreed or proposed), for people.
    var figures: [RateRow]
    /// Whether this version sets any billing figure.
    var hasFigures: Bool
}

/// A deliverable as shown on pages.
struct DeliverableView: Sendable {
    /// What is delivered.
    var title: String
    /// Due date for people: the date agreed, when the deadline was extended.
    var due: String
    /// The first due date for people, when the deadline was extended; nil otherwise.
    var originalDue: String?
    /// `Delivered on time`, `3 days to go`, …
    var status: String
    /// Whether it is (or was) late.
    var isLate: Bool
    /// Whether it is open.
    var isOpen: Bool
    /// The timeline, oldest first.
    var timeline: [TimelineRow]
    /// Waits on the client, for people.
    var waits: [String]
    /// Whether the VA waited on the client.
    var hasWaits: Bool
}

/// A dated fact in a deliverable's timeline.
struct TimelineRow: Sendable {
    /// Date for people.
    var date: String
    /// The same date as `YYYY-MM-DD`, for the `<time>` element's `datetime`.
    var isoDate: String
    /// What happened.
    var text: String
}

/// `deliverables.html`.
struct DeliverablesPage: Sendable {
    /// Layout data.
    var page: PageChrome
    /// The client's name.
    var clientName: String
    /// Open deliverables, soonest due first.
    var open: [DeliverableView]
    /// Whether any are open.
    var hasOpen: Bool
    /// Delivered ones, most recent first.
    var delivered: [DeliverableView]
    /// Whether any were delivered.
    var hasDelivered: Bool
}
