/// A calendar date with no time and no time zone (`2026-11-02`).
public struct CalendarDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The year, for example 2026.
    let year: Int
    /// The month, 1–12.
    let month: Int
    /// The day of the month, 1–31.
    let day: Int

    /// Creates a date, or nil when the day does not exist in that month.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
            day >= 1, day <= YearMonth(uncheckedYear: year, month: month).numberOfDays
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses exactly `YYYY-MM-DD`.
    public init?(iso text: some StringProtocol) {
        // Exactly `DDDD-DD-DD`, read byte by byte.
        var year = 0
        var month = 0
        var day = 0
        var count = 0
        for byte in text.utf8 {
            count += 1
            if count == 5 || count == 8 {
                guard byte == UInt8(ascii: "-") else { return nil }
                continue
            }
            guard byte >= 0x30, byte <= 0x39, count <= 10 else { return nil }
            let digit = Int(byte - 0x30)
            switch count {
            case 1...4: year = year * 10 + digit
            case 6, 7: month = month * 10 + digit
            default: day = day * 10 + digit
            }
        }
        guard count == 10 else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// `YYYY-MM-DD`.
    public var description: String {
        ShortText.make { text in
            text.number(year, width: 4)
            text.byte(UInt8(ascii: "-"))
            text.number(month, width: 2)
            text.byte(UInt8(ascii: "-"))
            text.number(day, width: 2)
        }
    }

    /// The month this date falls in.
    var yearMonth: YearMonth { YearMonth(uncheckedYear: year, month: month) }

    /// Days since 1970-01-01 (negative before), by the proleptic Gregorian calendar.
    var dayNumber: Int {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    /// The date for a day number (days since 1970-01-01).
    init(dayNumber: Int) {
        let z = dayNumber + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.year = yoe + era * 400 + (m <= 2 ? 1 : 0)
        self.month = m
        self.day = d
    }

    /// The date `days` days later (earlier when negative).
    func adding(days: Int) -> CalendarDate {
        CalendarDate(dayNumber: dayNumber + days)
    }

    /// Whole days from this date to another (positive when `other` is later).
    func days(until other: CalendarDate) -> Int {
        other.dayNumber - dayNumber
    }

    /// The day of the week.
    var weekday: Weekday {
        // 1970-01-01 was a Thursday.
        let index = ((dayNumber % 7) + 7 + 3) % 7  // 0 = Monday
        return Weekday.allCases[index]
    }

    /// Orders dates in time.
    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// A long form for people: `Monday 2 November 2026`.
    var longDescription: String {
        ShortText.make { text in
            text.text(weekday.name)
            text.byte(UInt8(ascii: " "))
            text.number(day)
            text.byte(UInt8(ascii: " "))
            text.text(YearMonth.monthNames[month - 1])
            text.byte(UInt8(ascii: " "))
            text.number(year)
        }
    }

    /// A short form for people: `2 Nov 2026`.
    var shortDescription: String {
        ShortText.make { text in
            text.number(day)
            text.byte(UInt8(ascii: " "))
            text.text(YearMonth.shortMonthNames[month - 1])
            text.byte(UInt8(ascii: " "))
            text.number(year)
        }
    }
}

/// A day of the week, Monday first.
enum Weekday: Int, Sendable, CaseIterable, Comparable {
    /// Monday.
    case monday
    /// Tuesday.
    case tuesday
    /// Wednesday.
    case wednesday
    /// Thursday.
    case thursday
    /// Friday.
    case friday
    /// Saturday.
    case saturday
    /// Sunday.
    case sunday

    /// The English name, `Monday`.
    var name: String {
        ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"][rawValue]
    }

    /// The three-letter abbreviation, `Mon`.
    var abbreviation: String { String(name.prefix(3)) }

    /// Parses a full name or a three-letter abbreviation, in any case.
    init?(name text: some StringProtocol) {
        guard text.utf8.count <= 9 else { return nil }
        let lower = text.lowercased()
        guard let index = Self.lowercaseNames.firstIndex(where: { $0.name == lower || $0.abbreviation == lower }),
            let match = Weekday(rawValue: index)
        else { return nil }
        self = match
    }

    /// The day named by ASCII letters in any case (`Monday`, `mon`), compared byte by byte; nil for none.
    init?(asciiLetters word: UnsafeBufferPointer<UInt8>) {
        guard word.count == 3 || (word.count >= 6 && word.count <= 9) else { return nil }
        for (index, names) in Self.lowercaseNameBytes.enumerated() {
            let candidate = word.count == 3 ? names.abbreviation : names.name
            guard candidate.count == word.count else { continue }
            var same = true
            for offset in 0..<word.count where word[offset] | 0x20 != candidate[offset] {
                same = false
                break
            }
            if same, let day = Weekday(rawValue: index) {
                self = day
                return
            }
        }
        return nil
    }

    /// `lowercaseNames` as bytes.
    private static let lowercaseNameBytes: [(name: [UInt8], abbreviation: [UInt8])] =
        lowercaseNames.map { (Array($0.name.utf8), Array($0.abbreviation.utf8)) }

    /// Each day's name and abbreviation in lower case, Monday first.
    private static let lowercaseNames: [(name: String, abbreviation: String)] =
        allCases.map { ($0.name.lowercased(), $0.abbreviation.lowercased()) }

    /// Orders Monday first.
    static func < (lhs: Weekday, rhs: Weekday) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// A calendar month (`2026-11`).
public struct YearMonth: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The year.
    let year: Int
    /// The month, 1–12.
    let month: Int

    /// The first three letters of each month's name, January first.
    static let shortMonthNames = monthNames.map { String($0.prefix(3)) }

    /// English month names, January first.
    static let monthNames = [
        "January", "February", "March", "April", "May", "June", "July",
        "August", "September", "October", "November", "December",
    ]

    init(uncheckedYear year: Int, month: Int) {
        self.year = year
        self.month = month
    }

    /// Creates a month, or nil when out of range.
    init?(year: Int, month: Int) {
        guard (1...9999).contains(year), (1...12).contains(month) else { return nil }
        self.init(uncheckedYear: year, month: month)
    }

    /// Parses exactly `YYYY-MM`.
    public init?(iso text: some StringProtocol) {
        // Exactly `DDDD-DD`, read byte by byte.
        var year = 0
        var month = 0
        var count = 0
        for byte in text.utf8 {
            count += 1
            if count == 5 {
                guard byte == UInt8(ascii: "-") else { return nil }
                continue
            }
            guard byte >= 0x30, byte <= 0x39, count <= 7 else { return nil }
            if count <= 4 { year = year * 10 + Int(byte - 0x30) } else { month = month * 10 + Int(byte - 0x30) }
        }
        guard count == 7 else { return nil }
        self.init(year: year, month: month)
    }

    /// `YYYY-MM`.
    public var description: String {
        ShortText.make { text in
            text.number(year, width: 4)
            text.byte(UInt8(ascii: "-"))
            text.number(month, width: 2)
        }
    }

    /// `November 2026`.
    var longDescription: String { "\(YearMonth.monthNames[month - 1]) \(year)" }

    /// `Nov 2026`.
    var shortDescription: String { "\(YearMonth.shortMonthNames[month - 1]) \(year)" }

    /// The number of days in the month.
    var numberOfDays: Int {
        switch month {
        case 2:
            let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
            return leap ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// The first day of the month.
    var firstDay: CalendarDate { CalendarDate(year: year, month: month, day: 1)! }

    /// The month after this one.
    var next: YearMonth {
        month == 12 ? YearMonth(uncheckedYear: year + 1, month: 1) : YearMonth(uncheckedYear: year, month: month + 1)
    }

    /// The month before this one.
    var previous: YearMonth {
        month == 1 ? YearMonth(uncheckedYear: year - 1, month: 12) : YearMonth(uncheckedYear: year, month: month - 1)
    }

    /// Every month from `self` to `last`, both included (empty when `last` is earlier).
    func through(_ last: YearMonth) -> [YearMonth] {
        var result: [YearMonth] = []
        var current = self
        while current <= last {
            result.append(current)
            current = current.next
        }
        return result
    }

    /// Orders months in time.
    public static func < (lhs: YearMonth, rhs: YearMonth) -> Bool {
        (lhs.year, lhs.month) < (rhs.year, rhs.month)
    }
}

/// Zero-pads a non-negative number to a width.
func pad(_ value: Int, _ width: Int) -> String {
    let text = String(value)
    let length = text.utf8.count
    return length >= width ? text : String(repeating: "0", count: width - length) + text
}

extension Character {
    /// Whether this is one of the ASCII digits 0–9.
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}

extension CalendarDate: Codable {
    /// Decodes `YYYY-MM-DD`.
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let date = CalendarDate(iso: text) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "expected YYYY-MM-DD"))
        }
        self = date
    }

    /// Encodes `YYYY-MM-DD`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

extension CalendarDate {
    /// Why a text shaped like `YYYY-MM-DD` names no day (`November has 30 days`), in words for the VA; nil
    /// when it is a day, or not shaped like a date at all.
    static func whyNotADay(iso text: some StringProtocol) -> String? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }),
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
            CalendarDate(year: year, month: month, day: day) == nil
        else { return nil }
        if let reason = YearMonth.whyNot(year: year, month: month) { return reason }
        if day == 0 { return "days start at 01" }
        let yearMonth = YearMonth(uncheckedYear: year, month: month)
        let name = YearMonth.monthNames[month - 1]
        if month == 2 {
            let leap = yearMonth.numberOfDays == 29
            return "February \(year) has \(yearMonth.numberOfDays) days (\(year) is \(leap ? "a" : "not a") leap year)"
        }
        return "\(name) has \(yearMonth.numberOfDays) days"
    }
}

extension YearMonth {
    /// Why a text shaped like `YYYY-MM` names no month (`there are 12 months`); nil when it is a month, or
    /// not shaped like one at all.
    static func whyNotAMonth(iso text: some StringProtocol) -> String? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2,
            parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }),
            let year = Int(parts[0]), let month = Int(parts[1])
        else { return nil }
        return whyNot(year: year, month: month)
    }

    /// Why a year and month number name no month; nil when they do.
    static func whyNot(year: Int, month: Int) -> String? {
        if year == 0 { return "years start at 0001" }
        if !(1...12).contains(month) { return "months run from 01 to 12" }
        return nil
    }
}
