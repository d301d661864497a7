/// Writes an invoice line's quantity so that a client with a calculator gets the line's amount from it.
///
/// An amount is rounded half up once from the exact product (minutes × rate / 60, exact distance × rate),
/// but the exact quantity may not be a short decimal (562 minutes are 9.3666… hours). Printing it to two
/// decimals (`9.37`) would give a different product (9.37 × £28.00 = £262.36, the line says £262.27). So the
/// quantity is printed with the fewest decimals, from `minDecimals` up to six, whose product with the unit
/// price rounds half up to the amount: `9.3667 h × £28.00 = £262.2676 → £262.27`.
enum CheckableQuantity {
    /// The most decimals ever printed (enough for any hourly rate up to 10,000.00).
    static let maxDecimals = 6

    /// The quantity as text: the nearest decimal with the fewest decimals that gives the amount; failing
    /// that (the exact product lies on a half and every nearest decimal falls just short of it), the decimal
    /// just above the exact quantity at six decimals.
    static func text(_ exact: Rational, minDecimals: Int, unitPrice: MinorUnits, amount: MinorUnits) -> String {
        var scale = 1
        for _ in 0..<minDecimals { scale *= 10 }
        for decimals in minDecimals...maxDecimals {
            let nearest = (exact * Rational(scale)).roundedHalfUp()
            if Rational(nearest * unitPrice, scale).roundedHalfUp() == amount {
                return Rational(nearest, scale).formatted(decimals: decimals)
            }
            if decimals < maxDecimals { scale *= 10 }
        }
        let scaled = exact * Rational(scale)
        let above = scaled.numerator / scaled.denominator + (scaled.numerator % scaled.denominator == 0 ? 0 : 1)
        return Rational(above, scale).formatted(decimals: maxDecimals)
    }
}
