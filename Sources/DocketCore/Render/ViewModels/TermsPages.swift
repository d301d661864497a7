/// One terms version as shown on pages.
public struct TermsVersionView: Sendable {
    /// The version number.
    public var version: Int
    /// `Version 2: Virtual assistance agreement`.
    public var heading: String
    /// Effective date for people.
    public var effective: String
    /// `Agreed by Sam Patel on 25 Aug 2026` or `Proposed, not yet agreed`.
    public var agreement: String
    /// Whether it is a proposal.
    public var isProposed: Bool
    /// Whether it is the version in force today.
    public var isInForce: Bool
    /// `In force`, `Proposed`, `Replaced`, `Agreed, takes effect 1 Jan 2027`.
    public var statusLabel: String
    /// The terms, rendered by cmark in safe mode.
    public var bodyHTML: String
    /// Link from the terms folder.
    public var href: String
}

/// `terms/index.html`.
public struct TermsIndexPage: Sendable {
    /// Layout data.
    public var page: PageChrome
    /// The client's name.
    public var clientName: String
    /// The version in force today.
    public var current: TermsVersionView?
    /// Every version, newest first.
    public var history: [TermsVersionView]
    /// Whether there is any version at all.
    public var hasHistory: Bool
    /// Proposed versions awaiting approval.
    public var proposals: [TermsVersionView]
    /// Whether any proposal awaits approval.
    public var hasProposals: Bool
}

/// `terms/<version>.html`.
public struct TermsVersionPage: Sendable {
    /// Layout data.
    public var page: PageChrome
    /// The client's name.
    public var clientName: String
    /// The version shown.
    public var terms: TermsVersionView
    /// The version a proposal is compared with (the one in force), if any.
    public var comparedWith: String?
    /// Whether there is a comparison to show.
    public var hasDiff: Bool
    /// The comparison, built by Docket from escaped text with `<ins>` and `<del>` (see `TermsDiff`).
    public var diffHTML: String
    /// The `mailto:` link to approve a proposal.
    public var approveHref: String?
    /// `I approve version 3`.
    public var approveLabel: String?
    /// The billing figures a proposal would change, old → new.
    public var figureChanges: [FigureChange]
    /// Whether a proposal changes any billing figure.
    public var hasFigureChanges: Bool
    /// When the changed figures would apply, `1 January 2027`.
    public var figuresFrom: String
    /// The billing figures this version sets (agreed or proposed), for people.
    public var figures: [RateRow]
    /// Whether this version sets any billing figure.
    public var hasFigures: Bool
}

/// A deliverable as shown on pages.
public struct DeliverableView: Sendable {
    /// What is delivered.
    public var title: String
    /// Due date for people.
    public var due: String
    /// `Delivered on time`, `3 days to go`, …
    public var status: String
    /// Whether it is (or was) late.
    public var isLate: Bool
    /// Whether it is open.
    public var isOpen: Bool
    /// The timeline, oldest first.
    public var timeline: [TimelineRow]
    /// Waits on the client, for people.
    public var waits: [String]
    /// Whether the VA waited on the client.
    public var hasWaits: Bool
}

/// A dated fact in a deliverable's timeline.
public struct TimelineRow: Sendable {
    /// Date for people.
    public var date: String
    /// What happened.
    public var text: String
}

/// `deliverables.html`.
public struct DeliverablesPage: Sendable {
    /// Layout data.
    public var page: PageChrome
    /// The client's name.
    public var clientName: String
    /// Open deliverables, soonest due first.
    public var open: [DeliverableView]
    /// Whether any are open.
    public var hasOpen: Bool
    /// Delivered ones, most recent first.
    public var delivered: [DeliverableView]
    /// Whether any were delivered.
    public var hasDelivered: Bool
}
