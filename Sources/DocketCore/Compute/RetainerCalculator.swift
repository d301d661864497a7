/// Works out each month of a retainer from the minutes used.
enum RetainerCalculator {
    /// The retainer position for every retainer month from `first` through `last`, with the retainer terms
    /// in force in each month (`terms(month)`, nil for a month without a retainer).
    ///
    /// A month is a retainer month when a retainer is in force and the month is not before its `start`
    /// (default: `first`). Used minutes spend rolled-over minutes first, then included ones. Rollover into
    /// a month is the smaller of the cap in force the month before and the included minutes left unused
    /// then, so a rolled-over minute never carries twice; nothing rolls into the first month of a retainer
    /// or across a month without one. A month with no entry in `used` used nothing.
    static func months(
        used: [YearMonth: Int], first: YearMonth, last: YearMonth,
        terms: (YearMonth) -> RetainerTerms?
    ) -> [YearMonth: RetainerMonth] {
        var result: [YearMonth: RetainerMonth] = [:]
        var carry = 0
        var previousWasRetainer = false
        for month in first.through(last) {
            guard let terms = terms(month), month >= (terms.start ?? first) else {
                previousWasRetainer = false
                carry = 0
                continue
            }
            let usedMinutes = used[month] ?? 0
            let rolloverIn = previousWasRetainer ? carry : 0
            let fromRollover = min(usedMinutes, rolloverIn)
            let fromIncluded = min(terms.includedMinutes, usedMinutes - fromRollover)
            let unusedIncluded = terms.includedMinutes - fromIncluded
            let available = terms.includedMinutes + rolloverIn
            carry = min(terms.rolloverMinutes, unusedIncluded)
            previousWasRetainer = true
            result[month] = RetainerMonth(
                includedMinutes: terms.includedMinutes, rolloverInMinutes: rolloverIn, availableMinutes: available,
                usedMinutes: usedMinutes, remainingMinutes: max(0, available - usedMinutes),
                overageMinutes: max(0, usedMinutes - available), rolloverOutMinutes: carry,
                expiredMinutes: rolloverIn - fromRollover)
        }
        return result
    }
}
