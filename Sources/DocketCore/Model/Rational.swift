/// An exact fraction of two integers, used where a quantity is not a whole number of anything
/// (a distance converted from kilometres to miles). Always kept in lowest terms with a positive denominator.
struct Rational: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The numerator.
    let numerator: Int
    /// The denominator, always positive.
    let denominator: Int

    /// Creates `numerator / denominator` in lowest terms.
    init(_ numerator: Int, _ denominator: Int = 1) {
        precondition(denominator != 0, "Rational with a zero denominator")
        let sign = denominator < 0 ? -1 : 1
        let divisor = Rational.gcd(numerator.magnitude, denominator.magnitude)
        self.numerator = sign * numerator / Int(divisor)
        self.denominator = sign * denominator / Int(divisor)
    }

    /// Zero.
    static let zero = Rational(0)

    /// Sum of two fractions.
    static func + (lhs: Rational, rhs: Rational) -> Rational {
        let divisor = Int(gcd(lhs.denominator.magnitude, rhs.denominator.magnitude))
        let l = lhs.denominator / divisor
        return Rational(lhs.numerator * (rhs.denominator / divisor) + rhs.numerator * l, l * rhs.denominator)
    }

    /// Product of two fractions.
    static func * (lhs: Rational, rhs: Rational) -> Rational {
        let a = Int(gcd(lhs.numerator.magnitude, rhs.denominator.magnitude))
        let b = Int(gcd(rhs.numerator.magnitude, lhs.denominator.magnitude))
        return Rational(
            (lhs.numerator / max(a, 1)) * (rhs.numerator / max(b, 1)),
            (lhs.denominator / max(b, 1)) * (rhs.denominator / max(a, 1)))
    }

    /// Rounds half away from zero to an integer (half-up for the non-negative amounts Docket handles).
    func roundedHalfUp() -> Int {
        let twice = 2 * numerator.magnitude + denominator.magnitude
        let magnitude = Int(twice / (2 * denominator.magnitude))
        return numerator < 0 ? -magnitude : magnitude
    }

    /// The value rounded half-up to `decimals` decimals, as text (`46.0`).
    func formatted(decimals: Int) -> String {
        var scale = 1
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (self * Rational(scale)).roundedHalfUp()
        let magnitude = scaled.magnitude
        return ShortText.make { text in
            if scaled < 0 { text.byte(UInt8(ascii: "-")) }
            text.number(unsigned: magnitude / UInt(scale))
            if decimals > 0 {
                text.byte(UInt8(ascii: "."))
                text.number(unsigned: magnitude % UInt(scale), width: decimals)
            }
        }
    }

    /// `n/d`.
    var description: String { denominator == 1 ? "\(numerator)" : "\(numerator)/\(denominator)" }

    /// Orders by value.
    static func < (lhs: Rational, rhs: Rational) -> Bool {
        lhs.numerator * rhs.denominator < rhs.numerator * lhs.denominator
    }

    private static func gcd(_ a: UInt, _ b: UInt) -> UInt {
        var (x, y) = (a, b)
        while y != 0 { (x, y) = (y, x % y) }
        return x == 0 ? 1 : x
    }
}
