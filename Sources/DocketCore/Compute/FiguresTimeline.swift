/// A client's billing figures over time: client.md's figures, changed from a month's first day by each
/// agreed terms version that carries figures.
///
/// The figures for month M are, key by key, those of the highest-numbered agreed version whose `effective`
/// date is on or before the first day of M and which sets that key; a key no such version sets comes from
/// client.md, else its default. Proposed versions are never used.
struct FiguresTimeline: Sendable {
    /// A terms version that changes figures, from the month it takes effect.
    struct Change: Sendable {
        /// The terms version.
        var version: Int
        /// Its effective date (the first day of a month).
        var effective: CalendarDate
        /// The keys it sets.
        var figures: WrittenFigures
    }

    /// client.md's figures.
    let base: WrittenFigures
    /// Agreed versions carrying figures, highest version first.
    let changes: [Change]
    /// business.md's payment terms, the default for a client's.
    let defaultPaymentTerms: Int
    /// The figures when no change is in force.
    private let baseFigures: BillingFigures

    /// A timeline from client.md's figures and the client's terms (only agreed versions count).
    init(base: WrittenFigures, terms: [Terms], defaultPaymentTerms: Int) {
        self.base = base
        self.defaultPaymentTerms = defaultPaymentTerms
        changes = terms.filter { $0.status == .agreed && !$0.figures.isEmpty }
            .sorted { $0.version > $1.version }
            .map { Change(version: $0.version, effective: $0.effective, figures: $0.figures) }
        baseFigures = base.resolved(defaultPaymentTerms: defaultPaymentTerms)
    }

    /// The written figures in force for a month, key by key, before defaults.
    func written(for month: YearMonth) -> WrittenFigures {
        let first = month.firstDay
        var result = WrittenFigures()
        // Highest version first: a key already set by a higher version is kept.
        for change in changes where change.effective <= first {
            result = result.overriding(change.figures)
        }
        return result.overriding(base)
    }

    /// The figures that price month M.
    func figures(for month: YearMonth) -> BillingFigures {
        if changes.isEmpty || changes.allSatisfy({ $0.effective > month.firstDay }) { return baseFigures }
        return written(for: month).resolved(defaultPaymentTerms: defaultPaymentTerms)
    }

    /// The figures in force on a date (the figures of its month: figures change on a month's first day).
    func figures(on date: CalendarDate) -> BillingFigures { figures(for: date.yearMonth) }

    /// The latest agreed version whose figures are in force in a month, or nil when the month uses
    /// client.md's figures alone: "since 1 January 2027 (terms version 2)".
    func latestChange(inForceIn month: YearMonth) -> Change? {
        changes.filter { $0.effective <= month.firstDay }.max { $0.effective < $1.effective }
    }

    /// Whether month M is a retainer month: a retainer is in force in M, and M is not before its `start`
    /// (or, with no `start`, before `first`, the client's first month).
    func isRetainerMonth(_ month: YearMonth, first: YearMonth) -> Bool {
        guard let retainer = figures(for: month).retainer else { return false }
        return month >= (retainer.start ?? first)
    }

    /// The month whose usage an invoice for `period` bills: the month before when the retainer in force in
    /// `period` is billed in advance, else the period itself.
    func usageMonth(forPeriod period: YearMonth) -> YearMonth {
        figures(for: period).retainer?.billing == .advance ? period.previous : period
    }
}
