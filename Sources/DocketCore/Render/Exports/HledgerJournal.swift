/// `docket export hledger`: an hledger journal of every published invoice and payment.
///
/// An invoice is one transaction dated as issued, with its number as the code and the client's name as the
/// description: the total debited to `assets:receivable:<slug>`, each line credited to `income:<slug>` (its
/// description as the posting's comment), the VAT credited to `liabilities:vat`. A payment is one
/// transaction dated as paid: `assets:bank` debited, the receivable credited. Amounts carry the invoice's
/// currency code with exactly its decimals (`666.48 GBP`, `429.00 EUR`). The accounts are fixed
/// (docs/exporting.md); the journal declares them and its currencies (`commodity 1000.00 GBP`, `commodity
/// 1000. JPY`), so `hledger check --strict` passes. A client's name is written as `journalDescription` gives it.
enum HledgerJournal {
    /// One posting of a transaction.
    struct Posting {
        /// The account.
        var account: String
        /// The amount, with its currency code.
        var amount: String
        /// The comment after it, if any.
        var comment: String?
    }

    /// One transaction: its first line and its postings.
    struct Transaction {
        /// The date, for ordering.
        var date: CalendarDate
        /// 0 for an invoice, 1 for a payment: an invoice comes first on its day.
        var order: Int
        /// The invoice number.
        var number: String
        /// The order found in, keeping equal transactions in a fixed order.
        var index: Int
        /// `2026-10-01 (INV-2026-031) Greenleaf Landscapes Ltd`.
        var header: String
        /// The postings.
        var postings: [Posting]
    }

    /// The least width of the account column: the amounts start after it (or after the longest account name
    /// and two spaces, when that is wider).
    static let accountWidth = 40
    /// The least width the amounts are right-aligned in.
    static let amountWidth = 14

    /// The journal of every invoice and payment dated on or after `from` (all when nil), oldest first; on one
    /// day, invoices before payments, then by invoice number.
    static func render(_ invoices: [ExportedInvoice], from: CalendarDate?) -> String {
        var transactions: [Transaction] = []
        var currencies: [String: Currency] = [:]
        for exported in invoices {
            let invoice = exported.invoice
            let currency = exported.currency
            func amount(_ value: MinorUnits) -> String {
                MoneyFormat.plain(value, currency: currency) + " " + currency.code
            }
            let receivable = "assets:receivable:\(exported.client.slug)"
            let name = exported.client.name.journalDescription
            if from.map({ invoice.record.issued >= $0 }) ?? true {
                var postings = [Posting(account: receivable, amount: amount(invoice.total))]
                for line in invoice.lines {
                    postings.append(
                        Posting(
                            account: "income:\(exported.client.slug)", amount: amount(-line.amount),
                            comment: line.description.oneLine))
                }
                if invoice.vat != 0 {
                    let rate = invoice.vatRate.map { "VAT \($0.text)%" } ?? "VAT"
                    postings.append(Posting(account: "liabilities:vat", amount: amount(-invoice.vat), comment: rate))
                }
                transactions.append(
                    Transaction(
                        date: invoice.record.issued, order: 0, number: invoice.number, index: transactions.count,
                        header: "\(invoice.record.issued) (\(invoice.number)) \(name)", postings: postings))
                currencies[currency.code] = currency
            }
            for payment in invoice.record.payments where from.map({ payment.date >= $0 }) ?? true {
                transactions.append(
                    Transaction(
                        date: payment.date, order: 1, number: invoice.number, index: transactions.count,
                        header: "\(payment.date) (\(invoice.number)) \(name) | payment",
                        postings: [
                            Posting(account: "assets:bank", amount: amount(payment.amount)),
                            Posting(account: receivable, amount: amount(-payment.amount)),
                        ]))
                currencies[currency.code] = currency
            }
        }
        transactions.sort {
            ($0.date, $0.order, $0.number, $0.index) < ($1.date, $1.order, $1.number, $1.index)
        }
        let postings = transactions.flatMap(\.postings)
        let accounts = Set(postings.map(\.account)).sorted()
        let width = max(accountWidth, (accounts.map(\.count).max() ?? 0) + 2)
        let amountWidth = max(amountWidth, postings.map(\.amount.count).max() ?? 0)
        var journal = "; Invoices and payments from Docket (docket export hledger).\n\n"
        for account in accounts { journal += "account \(account)\n" }
        if !accounts.isEmpty { journal += "\n" }
        for (code, currency) in currencies.sorted(by: { $0.key < $1.key }) {
            // hledger wants a decimal point in a commodity directive even with no decimals (`1000. JPY`).
            let sample = MoneyFormat.plain(1000 * currency.minorPerMajor, currency: currency)
            journal += "commodity \(sample)\(currency.minorDigits == 0 ? "." : "") \(code)\n"
        }
        for transaction in transactions {
            journal += "\n\(transaction.header)\n"
            for posting in transaction.postings {
                journal += "    " + posting.account + String(repeating: " ", count: width - posting.account.count)
                journal += String(repeating: " ", count: amountWidth - posting.amount.count) + posting.amount
                if let comment = posting.comment { journal += "  ; " + comment }
                journal += "\n"
            }
        }
        return journal
    }
}

extension String {
    /// The text as an hledger transaction description: on one line, with each `;` (which would start a comment
    /// and cut the name short) written `,` and each `|` (which would split it into payee and note) written `/`.
    var journalDescription: String {
        oneLine.replacingOccurrences(of: ";", with: ",").replacingOccurrences(of: "|", with: "/")
    }
}
