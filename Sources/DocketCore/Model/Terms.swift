/// One version of the terms agreed (or proposed) with a client (`terms/<version>.md`).
struct Terms: Sendable {
    /// The version number, unique per client.
    var version: Int
    /// The title, for example "Virtual assistance agreement".
    var title: String?
    /// The date these terms take effect.
    var effective: CalendarDate
    /// Agreed or proposed.
    var status: TermsStatus
    /// When the client agreed (required when agreed).
    var agreedOn: CalendarDate?
    /// Who agreed (required when agreed).
    var agreedBy: String?
    /// The terms themselves as written (Markdown), for comparing versions.
    var markdown: String
    /// The terms themselves, rendered by cmark in safe mode.
    var bodyHTML: String
    /// The file, relative to the site.
    var path: String
    /// The billing figures this version sets (none for terms that only change the text).
    var figures = WrittenFigures()
    /// The fingerprint of the file's text as it is now (`TermsFingerprint`): what an agreed version is
    /// sealed with, and what a proposal's approval quotes.
    var fingerprint = ""
    /// Whether the file records the fingerprint it was agreed with (and it matches).
    var isSealed = false
}

/// Whether a terms version is in force or only proposed.
enum TermsStatus: String, Sendable, CaseIterable {
    /// Agreed by the client: can be in force.
    case agreed
    /// Sent for review: never in force.
    case proposed
}

extension Terms {
    /// Parses a terms file.
    ///
    /// A version may carry billing figures (`rate`, `retainer`, …) in the client's currency; such a version
    /// must take effect on the first day of a month.
    static func parse(_ file: SourceFile, currency: Currency, diagnostics: inout Diagnostics) -> Terms? {
        let frontMatter = FrontMatter.split(file, diagnostics: &diagnostics)
        let fields = FieldReader.parse(frontMatter, path: file.path)
        defer { diagnostics.append(contentsOf: fields.diagnostics) }
        // The body is published: a placeholder left in it is an error like one in the front matter.
        Placeholder.checkBody(frontMatter.body, path: file.path, diagnostics: &diagnostics)
        let version = fields.integer("version", in: 1...999_999, required: true)
        let title = fields.string("title")
        let effective = fields.date("effective", required: true)
        let status = fields.choice("status", TermsStatus.self) ?? .agreed
        let agreedOn = fields.date("agreed_on", required: status == .agreed)
        let agreedBy = fields.string("agreed_by", required: status == .agreed)
        if status == .proposed, fields.has("agreed_on") {
            fields.warning(
                field: "agreed_on", "proposed terms have no `agreed_on`; set `status: agreed` once the client agrees")
        }
        let figures = WrittenFigures.read(fields, currency: currency, rateRequired: false)
        let fingerprint = TermsFingerprint.of(file.text)
        let recorded = fields.string("fingerprint")
        if let recorded, status == .agreed, let version, recorded != fingerprint {
            let slug = file.path.split(separator: "/").dropFirst(2).first.map(String.init) ?? "SLUG"
            fields.error(
                field: "fingerprint",
                "version \(version) was agreed by \(agreedBy ?? "the client") on \(agreedOn?.description ?? "the date recorded"), and its text or figures have changed since (fingerprint \(TermsFingerprint.short(fingerprint)), agreed as \(TermsFingerprint.short(recorded))): agreed terms never change. Put the file back as it was agreed, and write the change as a new proposed version (`docket new terms \(slug)`)"
            )
        } else if recorded == nil, status == .agreed, let version {
            let slug = file.path.split(separator: "/").dropFirst(2).first.map(String.init) ?? "SLUG"
            fields.warning(
                field: "status",
                "version \(version) is agreed but not sealed: nothing would show a later change to what was agreed; run `docket terms seal \(slug) \(version)` to record its fingerprint"
            )
        } else if recorded != nil, status == .proposed {
            fields.warning(
                field: "fingerprint",
                "a proposal is not sealed: its fingerprint is recorded when it is agreed (`docket terms agree`); this `fingerprint` line is ignored"
            )
        }
        if let effective, !figures.isEmpty, effective.day != 1 {
            let keys = figures.writtenKeys.map { "`\($0)`" }.joined(separator: ", ")
            fields.error(
                field: "effective",
                "this version sets billing figures (\(keys)), so it must take effect on the first day of a month; expected `effective: \(effective.yearMonth.next.firstDay)` (or \(effective.yearMonth.firstDay))"
            )
        }
        fields.finish()
        guard let version, let effective, !fields.diagnostics.hasErrors else { return nil }
        return Terms(
            version: version, title: title, effective: effective, status: status, agreedOn: agreedOn,
            agreedBy: agreedBy, markdown: frontMatter.body, bodyHTML: Markdown.html(frontMatter.body), path: file.path,
            figures: figures, fingerprint: fingerprint, isSealed: status == .agreed && recorded == fingerprint)
    }

    /// The terms in force on a date: the highest agreed version whose effective date is on or before it.
    static func inForce(on date: CalendarDate, in terms: [Terms]) -> Terms? {
        terms.filter { $0.status == .agreed && $0.effective <= date }.max { $0.version < $1.version }
    }

    /// Every version in force at some point of a month: the one in force on its first day, then any agreed
    /// version that takes over during the month. Oldest first.
    static func inForce(during month: YearMonth, in terms: [Terms]) -> [Terms] {
        // What is in force changes only on the day an agreed version takes effect: look at the first day of
        // the month and at those days.
        let first = month.firstDay
        let last = first.adding(days: month.numberOfDays - 1)
        var days = [first]
        days += Set(
            terms.filter { $0.status == .agreed && $0.effective > first && $0.effective <= last }.map(\.effective)
        ).sorted()
        var result: [Terms] = []
        for day in days {
            if let current = inForce(on: day, in: terms), result.last?.version != current.version {
                result.append(current)
            }
        }
        return result
    }
}
