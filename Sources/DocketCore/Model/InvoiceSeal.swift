import DocketTemplates

/// The total of a sent invoice as it was sent (`total:` in its front matter), which seals it: from then on
/// the records must keep giving that total.
///
/// `docket invoice --send` and `--seal` write it with a comment listing the lines as sent, one item per kind
/// of line, so that a later difference can be named line by line:
///
/// ```yaml
/// total: GBP 612.50  # as sent: fee 1 month 550.00; work 16.25 h 487.50; travel 1.50 h 22.50
/// ```
///
/// The currency code keeps the invoice in the currency it was sent in. The comment lets a later difference
/// be named line by line, and a change of lines that keeps the same total be caught; without it (or when it
/// was edited and no longer adds up to the total), the seal holds the total alone.
struct SealedTotal: Sendable, Equatable {
    /// The total as sent, in minor units.
    var amount: MinorUnits
    /// The text of the `total` line, whose comment lists the lines as sent; read only when the seal is
    /// broken (`asSent`), so a build whose seals hold never parses it.
    var lineText: String
    /// The 1-based line of the `total` field in the file.
    var line: Int
    /// The 1-based column of its value.
    var column: Int

    /// The lines as sent, from the comment; nil when there is no usable comment, or when an edited comment
    /// no longer adds up to the total.
    func asSent(currency: Currency) -> [SealItem]? {
        guard let items = InvoiceSeal.summary(inComment: Substring(lineText), currency: currency),
            items.reduce(0, { $0 + $1.amount }) == amount
        else { return nil }
        return items
    }
}

/// One item of the lines as sent: a kind of line, its quantity as printed and its amount. Expenses and extra
/// lines are summed into one item each (`expenses 2 items 16.49`); VAT is an item too (`vat 20% 102.50`).
struct SealItem: Sendable, Equatable {
    /// `fee`, `work`, `out-of-hours`, `overage`, `travel`, `mileage`, `expenses`, `lines` or `vat`.
    var label: String
    /// The quantity and unit as printed: `16.25 h`, `46.0 mi`, `1 month`, `2 items`, `20%`.
    var quantity: String
    /// The amount in minor units (negative for extra lines that are a discount).
    var amount: MinorUnits
}

/// Writing and reading the seal: the summary of an invoice's lines and the `total:` line that carries it.
enum InvoiceSeal {
    /// The labels of the summary, in the order they are written.
    static let labels = ["fee", "work", "out-of-hours", "overage", "travel", "mileage", "expenses", "lines", "vat"]

    /// What the comment starts with.
    static let commentLead = "as sent:"

    /// The summary of an invoice's lines: one item per kind, in a fixed order.
    static func items(of invoice: Invoice) -> [SealItem] {
        var items: [SealItem] = []
        forEachItem(of: invoice) { label, number, unit, amount in
            items.append(SealItem(label: label, quantity: number + unit, amount: amount))
        }
        return items
    }

    /// Calls `body` with each item of the summary, in order: its label, its quantity's number and unit
    /// (`"2.25"`, `" h"`; `"20"`, `"%"`), and its amount.
    static func forEachItem(of invoice: Invoice, _ body: (String, String, String, MinorUnits) -> Void) {
        func single(_ kind: InvoiceLine.Kind, _ label: String) {
            for line in invoice.lines where line.kind == kind {
                body(label, line.quantityText, " " + line.unit, line.amount)
            }
        }
        func summed(_ kind: InvoiceLine.Kind, _ label: String) {
            var count = 0
            var sum: MinorUnits = 0
            for line in invoice.lines where line.kind == kind {
                count += 1
                sum += line.amount
            }
            if count > 0 { body(label, String(count), count == 1 ? " item" : " items", sum) }
        }
        single(.retainerFee, "fee")
        single(.work, "work")
        single(.outOfHours, "out-of-hours")
        single(.overage, "overage")
        single(.travel, "travel")
        single(.mileage, "mileage")
        summed(.expense, "expenses")
        summed(.extra, "lines")
        if let rate = invoice.vatRate { body("vat", rate.text, "%", invoice.vat) }
    }

    /// The `total:` line that seals an invoice: `total: GBP 612.50  # as sent: fee 1 month 550.00; …`.
    static func totalLine(_ invoice: Invoice, currency: Currency) -> String {
        String(decoding: totalLineBytes(invoice, currency: currency), as: UTF8.self)
    }

    /// The same line as UTF-8 bytes, written in one buffer (a build compares it with every sealed invoice's
    /// line, so it is made without joining strings).
    static func totalLineBytes(_ invoice: Invoice, currency: Currency) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(160)
        func text(_ text: String) { bytes.append(contentsOf: text.utf8) }
        func amount(_ value: MinorUnits) {
            if value < 0 { bytes.append(UInt8(ascii: "-")) }
            let per = UInt(currency.minorPerMajor)
            forEachDecimalDigit(of: value.magnitude / per) { bytes.append($0) }
            if currency.minorDigits > 0 {
                bytes.append(UInt8(ascii: "."))
                forEachDecimalDigit(of: value.magnitude % per, width: currency.minorDigits) { bytes.append($0) }
            }
        }
        text("total: ")
        text(currency.code)
        bytes.append(UInt8(ascii: " "))
        amount(invoice.total)
        var first = true
        forEachItem(of: invoice) { label, number, unit, value in
            text(first ? "  # \(commentLead) " : "; ")
            first = false
            text(label)
            bytes.append(UInt8(ascii: " "))
            text(number)
            text(unit)
            bytes.append(UInt8(ascii: " "))
            amount(value)
        }
        return bytes
    }

    /// Reads the `total` field of an invoice record (a plain amount) and the summary in its comment, from
    /// the field and the file's line. Problems with the amount are reported on `fields`.
    ///
    /// A total written in another currency than the client's (`total: GBP 663.77` for a client now billed in
    /// EUR) is an error: a sent invoice keeps the currency it was sent in.
    static func read(_ fields: FieldReader, file: SourceFile, currency: Currency) -> SealedTotal? {
        guard let node = fields.node("total") else { return nil }
        // `total: GBP 95.00` as Docket writes it: a plain amount after the client's own code.
        if let written = node.scalar?.string, written.utf8.starts(with: currency.code.utf8),
            written.utf8.dropFirst(3).first == UInt8(ascii: " "),
            let amount = MoneyFormat.parse(
                written.utf8.dropFirst(4).split(separator: UInt8(ascii: " ")).first.map {
                    Substring(decoding: $0, as: UTF8.self)
                } ?? "", currency: currency)
        {
            return sealed(amount, node: node, fields: fields, file: file)
        }
        if let written = node.scalar?.string.trimmingWhitespace(), let code = written.split(separator: " ").first,
            code.count == 3, let sentIn = Currency(code: String(code)), sentIn != currency
        {
            fields.error(
                at: node,
                "this invoice was sent in \(sentIn.code) (`total: \(written)`), but the client is now billed in \(currency.code); a sent invoice keeps its currency: set `currency: \(sentIn.code)` back in client.md, or void this invoice (`status: void`) and issue a new one"
            )
            return nil
        }
        guard let amount = fields.money("total", currency: currency) else { return nil }
        return sealed(amount, node: node, fields: fields, file: file)
    }

    /// The seal of an amount read from the `total` field's node, with its line as written.
    private static func sealed(_ amount: MinorUnits, node: YAMLNode, fields: FieldReader, file: SourceFile)
        -> SealedTotal
    {
        let (line, column) = fields.position(of: node)
        let text = line >= 1 && line <= file.lines.count ? String(file.lines[line - 1]) : ""
        return SealedTotal(amount: amount, lineText: text, line: line, column: column)
    }

    /// The items of an `# as sent: …` comment at the end of a line; nil when there is none or it does not
    /// read as one (an unknown label, an amount that is not one, a label twice).
    static func summary(inComment line: Substring, currency: Currency) -> [SealItem]? {
        guard let hash = line.range(of: "# \(commentLead)") else { return nil }
        let text = line[hash.upperBound...].trimmingWhitespace()
        var items: [SealItem] = []
        for part in text.split(separator: ";") {
            let words = part.split(separator: " ")
            guard words.count >= 2, let label = words.first.map(String.init), labels.contains(label),
                !items.contains(where: { $0.label == label }),
                let amount = MoneyFormat.parseSigned(words[words.count - 1], currency: currency)
            else { return nil }
            items.append(
                SealItem(
                    label: label, quantity: words.dropFirst().dropLast().joined(separator: " "),
                    amount: amount))
        }
        return items
    }

    /// Whether a seal holds for an invoice as it computes now: the same total and, when the comment lists
    /// the lines as sent, the same lines. The `total:` line as written is compared with the one `--send`
    /// would write now first, so a seal that holds costs no parsing.
    static func holds(_ sealed: SealedTotal, invoice: Invoice, currency: Currency) -> Bool {
        guard sealed.amount == invoice.total else { return false }
        if sealed.lineText.utf8.elementsEqual(totalLineBytes(invoice, currency: currency)) { return true }
        guard let sent = sealed.asSent(currency: currency) else { return true }
        return differences(sent: sent, now: items(of: invoice), currency: currency).isEmpty
    }

    /// Why the lines as sent differ from the lines now.
    static func cause(sent: [SealItem], now: [SealItem]) -> SealBreak {
        guard Set(sent.map(\.label)) == Set(now.map(\.label)) else { return .entries }
        var vatRate = false
        for before in sent {
            guard let after = now.first(where: { $0.label == before.label }) else { return .entries }
            if before.label == "vat" {
                vatRate = !sameQuantity(before.quantity, after.quantity)
            } else if ["expenses", "lines"].contains(before.label)
                ? before != after : !sameQuantity(before.quantity, after.quantity)
            {
                return .entries
            }
        }
        return vatRate ? .vatRate : .figures
    }

    /// Whether two quantities as printed are the same: the same unit, and the same number at the coarser of
    /// their two precisions (`3.333 h` and `3.3333 h` are 200 minutes printed for two different rates).
    static func sameQuantity(_ a: String, _ b: String) -> Bool {
        guard a != b else { return true }
        let left = a.split(separator: " ", maxSplits: 1)
        let right = b.split(separator: " ", maxSplits: 1)
        let unitA = left.count > 1 ? left[1] : ""
        let unitB = right.count > 1 ? right[1] : ""
        let numberA = left.first.map { $0.hasSuffix("%") ? $0.dropLast() : $0 } ?? ""
        let numberB = right.first.map { $0.hasSuffix("%") ? $0.dropLast() : $0 } ?? ""
        guard unitA == unitB, a.hasSuffix("%") == b.hasSuffix("%"), let x = FixedDecimal.parse(numberA),
            let y = FixedDecimal.parse(numberB)
        else { return false }
        let scale = min(x.scale, y.scale)
        func rounded(_ value: FixedDecimal) -> Int {
            Rational(value.scaled(to: value.scale), Int(pow10(value.scale - scale))).roundedHalfUp()
        }
        return rounded(x) == rounded(y)
    }

    private static func pow10(_ exponent: Int) -> Int { (0..<max(exponent, 0)).reduce(1) { value, _ in value * 10 } }

    /// How the lines as sent differ from the lines now, item by item, in the summary's order:
    /// `work 16.25 h → 17.25 h (£487.50 → £517.50)`, `travel £22.50 → £30.00`, `mileage 46.0 mi (£20.70) → none`.
    static func differences(sent: [SealItem], now: [SealItem], currency: Currency) -> [String] {
        func money(_ amount: MinorUnits) -> String { MoneyFormat.format(amount, currency: currency) }
        var result: [String] = []
        for label in labels {
            let before = sent.first { $0.label == label }
            let after = now.first { $0.label == label }
            switch (before, after) {
            case (let before?, let after?):
                if !sameQuantity(before.quantity, after.quantity) {
                    var text = "\(label) \(before.quantity) → \(after.quantity)"
                    if before.amount != after.amount { text += " (\(money(before.amount)) → \(money(after.amount)))" }
                    result.append(text)
                } else if before.amount != after.amount {
                    result.append("\(label) \(money(before.amount)) → \(money(after.amount))")
                }
            case (let before?, nil):
                result.append("\(label) \(before.quantity) (\(money(before.amount))) → none")
            case (nil, let after?):
                result.append("\(label) none → \(after.quantity) (\(money(after.amount)))")
            case (nil, nil):
                break
            }
        }
        return result
    }
}
