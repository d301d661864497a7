/// Writes an invoice line's quantity so that a client with a calculator gets the line's amount from it.
///
/// An amount is rounded half up once from the exact product (minutes × rate / 60, exact distance × rate),
/// but the exact quantity may not be a short decimal (562 minutes are 9.3666… hours). Printing it to two
/// decimals (`9.37`) would give a different product (9.37 × £28.00 = £262.36, the line says £262.27). So the
/// quantity is printed with the fewest decimals, from `minDecimals` on, whose product with the unit price
/// rounds half up to the amount: `9.3667 h × £28.00 = £262.2676 → £262.27`.
enum CheckableQuantity {
    /// The most decimals tried: enough for any unit price that fits the product in 64 bits.
    static let maxDecimals = 15

    /// The quantity as text: the nearest decimal with the fewest decimals that gives the amount; failing
    /// that (the exact product lies on a half and every nearest decimal falls just short of it), the decimal
    /// just above the exact quantity with the fewest decimals that gives it.
    static func text(_ exact: Rational, minDecimals: Int, unitPrice: MinorUnits, amount: MinorUnits) -> String {
        var nearest: [(decimals: Int, value: Int)] = []
        var scale = 1
        for _ in 0..<minDecimals { scale *= 10 }
        for decimals in minDecimals...maxDecimals {
            // exact × 10^decimals, and that × the unit price, must fit in 64 bits.
            let (scaledNumerator, overflow) = exact.numerator.multipliedReportingOverflow(by: scale)
            // (Rounding doubles the numerator: keep it well inside 64 bits.)
            guard !overflow, scaledNumerator.magnitude < UInt(Int.max / 4) else { break }
            let scaled = Rational(scaledNumerator, exact.denominator)
            let near = scaled.roundedHalfUp()
            let above = scaled.numerator / scaled.denominator + (scaled.numerator % scaled.denominator == 0 ? 0 : 1)
            guard !above.multipliedReportingOverflow(by: max(unitPrice, 1)).overflow else { break }
            if gives(near, scale: scale, unitPrice: unitPrice, amount: amount) {
                return Rational(near, scale).formatted(decimals: decimals)
            }
            nearest.append((decimals, above))
            guard !scale.multipliedReportingOverflow(by: 10).overflow else { break }
            scale *= 10
        }
        var power = 1
        for _ in 0..<minDecimals { power *= 10 }
        for (decimals, above) in nearest {
            if gives(above, scale: power, unitPrice: unitPrice, amount: amount) {
                return Rational(above, power).formatted(decimals: decimals)
            }
            power *= 10
        }
        // Not reached for any amount Docket computes; the exact quantity to the most decimals tried.
        return exact.formatted(decimals: nearest.last?.decimals ?? minDecimals)
    }

    /// Whether `value / scale` × `unitPrice`, rounded half up, is `amount`.
    private static func gives(_ value: Int, scale: Int, unitPrice: MinorUnits, amount: MinorUnits) -> Bool {
        Rational(value * unitPrice, scale).roundedHalfUp() == amount
    }
}
