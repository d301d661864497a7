/// An ISO 4217 currency: its code, how many minor units it has, and the symbols people write for it.
struct Currency: Sendable, Hashable {
    /// The three-letter code, `GBP`.
    let code: String
    /// Digits after the decimal point: 2 for GBP, 0 for JPY, 3 for KWD.
    let minorDigits: Int
    /// The symbol printed before amounts, `£`; nil prints the code instead.
    let symbol: String?

    /// Looks up a code; nil when it is not a known ISO 4217 currency.
    init?(code: String) {
        let upper = code.uppercased()
        guard upper.count == 3, let known = Currency.table[upper] else { return nil }
        self.code = upper
        self.minorDigits = known.digits
        self.symbol = known.symbol
        var markers = [upper]
        if let symbol = known.symbol { markers.append(symbol) }
        if upper == "USD" { markers.append("US$") }
        self.markers = markers
        self.markersLongestFirst = (markers + Currency.foreignMarkers).sorted { $0.count > $1.count }
    }

    /// Pound sterling, the default.
    static let gbp = Currency(code: "GBP")!

    /// 10 to the power of `minorDigits`: minor units in one major unit.
    var minorPerMajor: Int {
        var value = 1
        for _ in 0..<minorDigits { value *= 10 }
        return value
    }

    /// Every known code with its symbol and minor digits.
    private static let table: [String: (digits: Int, symbol: String?)] = [
        "GBP": (2, "£"), "EUR": (2, "€"), "USD": (2, "$"), "CAD": (2, "CA$"), "AUD": (2, "A$"),
        "NZD": (2, "NZ$"), "CHF": (2, nil), "SEK": (2, nil), "NOK": (2, nil), "DKK": (2, nil),
        "PLN": (2, nil), "CZK": (2, nil), "HUF": (2, nil), "RON": (2, nil), "BGN": (2, nil),
        "ISK": (0, nil), "ZAR": (2, "R"), "INR": (2, "₹"), "SGD": (2, "S$"), "HKD": (2, "HK$"),
        "JPY": (0, "¥"), "KRW": (0, "₩"), "CNY": (2, nil), "MXN": (2, nil), "BRL": (2, "R$"),
        "AED": (2, nil), "SAR": (2, nil), "ILS": (2, "₪"), "TRY": (2, nil), "PHP": (2, "₱"),
        "MYR": (2, nil), "THB": (2, nil), "IDR": (2, nil), "NGN": (2, "₦"), "KES": (2, nil),
        "KWD": (3, nil), "BHD": (3, nil), "OMR": (3, nil), "JOD": (3, nil), "TND": (3, nil),
    ]

    /// The symbols that name this currency in an amount (`£`, `GBP`).
    let markers: [String]

    /// This currency's markers and every foreign one, longest first (the order an amount is matched in).
    let markersLongestFirst: [String]

    /// Symbols of other currencies, so `$12` for a GBP business is caught rather than guessed.
    static let foreignMarkers: [String] = [
        "$", "€", "£", "¥", "₹", "₩", "₪", "₱", "₦", "R$", "A$", "CA$", "NZ$",
        "US$", "S$", "HK$",
    ]

    /// Whether a three-letter word looks like a currency code at all.
    static func isKnownCode(_ text: some StringProtocol) -> Bool {
        text.count == 3 && table[text.uppercased()] != nil
    }
}

extension Currency: Codable {
    /// Reads a currency from its code (`"EUR"`); an unknown code is an error.
    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let code = try container.decode(String.self)
        guard let currency = Currency(code: code) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "unknown currency code \(code)")
        }
        self = currency
    }

    /// Writes the currency as its code.
    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(code)
    }
}

/// An amount of money in integer minor units of its currency (pence for GBP).
typealias MinorUnits = Int

/// Parsing and printing of money amounts. Never uses floating point.
enum MoneyFormat {
    /// Parses a plain decimal amount (`12.5`, `12.50`, `1,234.50`, `30`) into minor units.
    ///
    /// Returns nil for anything else, and for more decimals than the currency has.
    static func parse(_ text: some StringProtocol, currency: Currency) -> MinorUnits? {
        guard let fixed = FixedDecimal.parse(text, allowGrouping: true), fixed.scale <= currency.minorDigits,
            !fixed.negative
        else { return nil }
        return fixed.scaled(to: currency.minorDigits)
    }

    /// Formats minor units for people: `£1,234.50`, `CHF 12.50`, `-£3.00`.
    static func format(_ amount: MinorUnits, currency: Currency) -> String {
        // Written from the right into a small buffer: minor digits, point, grouped major digits, symbol, sign.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 96) { buffer in
            var position = buffer.count
            func put(_ byte: UInt8) {
                position -= 1
                buffer[position] = byte
            }
            let magnitude = amount.magnitude
            let per = UInt(currency.minorPerMajor)
            if currency.minorDigits > 0 {
                var minor = magnitude % per
                for _ in 0..<currency.minorDigits {
                    put(UInt8(48 + minor % 10))
                    minor /= 10
                }
                put(UInt8(ascii: "."))
            }
            var major = magnitude / per
            var count = 0
            repeat {
                if count > 0, count % 3 == 0 { put(UInt8(ascii: ",")) }
                put(UInt8(48 + major % 10))
                major /= 10
                count += 1
            } while major > 0
            if let symbol = currency.symbol {
                for byte in symbol.utf8.reversed() { put(byte) }
            } else {
                put(UInt8(ascii: " "))
                for byte in currency.code.utf8.reversed() { put(byte) }
            }
            if amount < 0 { put(UInt8(ascii: "-")) }
            return String(decoding: UnsafeBufferPointer(rebasing: buffer[position...]), as: UTF8.self)
        }
    }

    /// Formats a rate with the decimals it needs: `£30.00`.
    static func grouped(_ digits: String) -> String {
        var result = ""
        for (index, character) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { result.append(",") }
            result.append(character)
        }
        return result
    }
}

/// A decimal number written in text, kept exactly as integer digits and a scale (`12.50` is 1250, scale 2).
struct FixedDecimal: Sendable, Equatable {
    /// The digits as an integer, ignoring the decimal point.
    let digits: Int
    /// How many of the digits come after the decimal point.
    let scale: Int
    /// Whether a minus sign was written.
    let negative: Bool

    /// Parses `123`, `12.5`, `-0.25`, and with `allowGrouping` also `1,234.50`. Nil for anything else: no
    /// digit before the point, a point with nothing after it, more than one point, groups of other than three
    /// digits after the first (of one to three), anything but ASCII digits, or more than 15 digits in all.
    static func parse(_ text: some StringProtocol, allowGrouping: Bool = false) -> FixedDecimal? {
        if let parsed = text.utf8.withContiguousStorageIfAvailable({ parse(bytes: $0, allowGrouping: allowGrouping) }) {
            return parsed
        }
        return Array(text.utf8).withUnsafeBufferPointer { parse(bytes: $0, allowGrouping: allowGrouping) }
    }

    /// The same, over UTF-8 bytes, in one pass with no text made.
    static func parse(bytes: UnsafeBufferPointer<UInt8>, allowGrouping: Bool) -> FixedDecimal? {
        var index = 0
        var negative = false
        if bytes.count > 0, bytes[0] == UInt8(ascii: "-") {
            negative = true
            index = 1
        }
        var value = 0
        var digits = 0
        var wholeDigits = 0
        var scale = 0
        var pointSeen = false
        var groups = 0  // commas seen
        var groupLength = 0  // digits since the last comma (or the start)
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            if byte >= 0x30, byte <= 0x39 {
                guard digits < 15 else { return nil }
                value = value * 10 + Int(byte - 0x30)
                digits += 1
                if pointSeen {
                    scale += 1
                } else {
                    wholeDigits += 1
                    groupLength += 1
                }
            } else if byte == UInt8(ascii: "."), !pointSeen {
                // The group before the point is the last of the whole part.
                guard groups == 0 || groupLength == 3 else { return nil }
                pointSeen = true
            } else if byte == UInt8(ascii: ","), allowGrouping, !pointSeen {
                guard groups == 0 ? (1...3).contains(groupLength) : groupLength == 3 else { return nil }
                groups += 1
                groupLength = 0
            } else {
                return nil
            }
        }
        guard wholeDigits > 0, !pointSeen || scale > 0, pointSeen || groups == 0 || groupLength == 3 else { return nil }
        return FixedDecimal(digits: value, scale: scale, negative: negative)
    }

    /// The number as written, without a sign: `20`, `17.5`.
    var text: String {
        var digits = String(self.digits)
        if digits.count <= scale { digits = String(repeating: "0", count: scale - digits.count + 1) + digits }
        guard scale > 0 else { return digits }
        return digits.dropLast(scale) + "." + digits.suffix(scale)
    }

    /// The value with exactly `scale` decimals as an integer (`12.5` at scale 2 is 1250).
    /// Only valid when `scale` is at least this number's scale.
    func scaled(to target: Int) -> Int {
        var value = digits
        for _ in scale..<target { value *= 10 }
        return negative ? -value : value
    }
}

extension MoneyFormat {
    /// An amount as a plain decimal with the currency's decimals and no symbol or grouping, as `total:` is
    /// written: `612.50`, `-20.00`, `1250` (for a currency without minor units).
    static func plain(_ amount: MinorUnits, currency: Currency) -> String {
        let per = currency.minorPerMajor
        let magnitude = amount.magnitude
        var text = amount < 0 ? "-" : ""
        text += String(magnitude / UInt(per))
        if currency.minorDigits > 0 { text += "." + pad(Int(magnitude % UInt(per)), currency.minorDigits) }
        return text
    }

    /// A plain amount that may be negative (`-20.00`), in minor units; nil when it is not one.
    static func parseSigned(_ text: some StringProtocol, currency: Currency) -> MinorUnits? {
        if text.hasPrefix("-") { return parse(text.dropFirst(), currency: currency).map { -$0 } }
        return parse(text, currency: currency)
    }
}
