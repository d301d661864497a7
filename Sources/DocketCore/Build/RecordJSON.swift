import DocketTemplates

/// The JSON of a client's facts and of a portal in the build record, written directly in the shape their
/// `Codable` conformances read (`JSONDecoder` reads them back; `RecordJSONTests` holds the two to each other).
///
/// Foundation's `JSONEncoder` took about half a million instructions for one client's facts: a thousand
/// clients spent a fifth of a second of CPU on it in every clean build.
enum RecordJSON {
    /// A client's facts as one line of JSON (keys in order, absent optionals left out).
    static func facts(_ facts: ClientFacts) -> [UInt8] {
        let output = ByteBuffer(capacity: 4096)
        output.append(UInt8(ascii: "{"))
        var first = true
        func key(_ name: StaticString) {
            if !first { output.append(UInt8(ascii: ",")) }
            first = false
            output.append(UInt8(ascii: "\""))
            name.withUTF8Buffer { output.append($0) }
            output.append("\":")
        }
        if let dashboard = facts.dashboard {
            key("dashboard")
            self.dashboard(dashboard, into: output)
        }
        key("diagnostics")
        array(facts.diagnostics, into: output) { diagnostic in
            output.append("{\"column\":")
            JSONValue.appendDecimal(diagnostic.column, into: output)
            output.append(",\"line\":")
            JSONValue.appendDecimal(diagnostic.line, into: output)
            output.append(",\"message\":")
            JSONValue.quote(diagnostic.message, into: output)
            output.append(",\"path\":")
            JSONValue.quote(diagnostic.path, into: output)
            output.append(",\"severity\":")
            JSONValue.quote(diagnostic.severity.rawValue, into: output)
            output.append(UInt8(ascii: "}"))
        }
        key("invoiceNumbers")
        array(facts.invoiceNumbers, into: output) { number in
            output.append(UInt8(ascii: "["))
            JSONValue.quote(number.number, into: output)
            output.append(UInt8(ascii: ","))
            JSONValue.quote(number.path, into: output)
            output.append(UInt8(ascii: ","))
            JSONValue.appendDecimal(number.line, into: output)
            output.append(UInt8(ascii: "]"))
        }
        if let portal = facts.portal {
            key("portal")
            self.portal(portal, into: output)
        }
        key("slug")
        JSONValue.quote(facts.slug, into: output)
        if let token = facts.storedToken {
            key("storedToken")
            JSONValue.quote(token, into: output)
        }
        output.append(UInt8(ascii: "}"))
        return Array(UnsafeBufferPointer(start: output.baseAddress, count: output.count))
    }

    /// A portal as one line of JSON.
    static func portal(_ portal: Builder.Portal) -> [UInt8] {
        let output = ByteBuffer(capacity: 256)
        self.portal(portal, into: output)
        return Array(UnsafeBufferPointer(start: output.baseAddress, count: output.count))
    }

    private static func portal(_ portal: Builder.Portal, into output: ByteBuffer) {
        output.append(UInt8(ascii: "{"))
        if let encryption = portal.encryption {
            output.append("\"encryption\":")
            JSONValue.quote(encryption.rawValue, into: output)
            output.append(UInt8(ascii: ","))
        }
        output.append("\"isNewToken\":")
        output.append(portal.isNewToken ? "true" : "false")
        if let key = portal.linkKey {
            output.append(",\"linkKey\":")
            JSONValue.quote(key, into: output)
        }
        output.append(",\"name\":")
        JSONValue.quote(portal.name, into: output)
        output.append(",\"slug\":")
        JSONValue.quote(portal.slug, into: output)
        output.append(",\"token\":")
        JSONValue.quote(portal.token, into: output)
        output.append(UInt8(ascii: "}"))
    }

    /// A dashboard part in its compact list form (see `Dashboard.ClientPart`'s `Codable`).
    private static func dashboard(_ part: Dashboard.ClientPart, into output: ByteBuffer) {
        output.append(UInt8(ascii: "["))
        JSONValue.quote(part.client, into: output)
        output.append(UInt8(ascii: ","))
        JSONValue.quote(part.currency.code, into: output)
        output.append(UInt8(ascii: ","))
        var chase: [String] = []
        for item in part.chase { chase += [item.number, String(item.daysOverdue), String(item.balance)] }
        array(chase, into: output) { JSONValue.quote($0, into: output) }
        output.append(UInt8(ascii: ","))
        integers(part.balance.map { [$0.balance, $0.overdue] } ?? [], into: output)
        output.append(UInt8(ascii: ","))
        integers(part.burn.map { [$0.used, $0.available, $0.overage, $0.overageAmount] } ?? [], into: output)
        output.append(UInt8(ascii: ","))
        integers([part.unbilled.thisMonth, part.unbilled.total, part.outOfHours.thisMonth, part.outOfHours.total], into: output)
        output.append(UInt8(ascii: ","))
        counts(part.tagMinutes, into: output)
        output.append(UInt8(ascii: ","))
        counts(part.tagEntries, into: output)
        output.append(UInt8(ascii: ","))
        array(part.noTermsMonths, into: output) { JSONValue.quote($0, into: output) }
        output.append(UInt8(ascii: ","))
        var proposals: [String] = []
        for proposal in part.proposals { proposals += [String(proposal.version), proposal.effective.description] }
        array(proposals, into: output) { JSONValue.quote($0, into: output) }
        output.append(UInt8(ascii: ","))
        integers(part.soFar.map { [$0] } ?? [], into: output)
        output.append(UInt8(ascii: "]"))
    }

    private static func array<Element>(_ items: [Element], into output: ByteBuffer, _ write: (Element) -> Void) {
        output.append(UInt8(ascii: "["))
        for (index, item) in items.enumerated() {
            if index > 0 { output.append(UInt8(ascii: ",")) }
            write(item)
        }
        output.append(UInt8(ascii: "]"))
    }

    private static func integers(_ values: [Int], into output: ByteBuffer) {
        array(values, into: output) { JSONValue.appendDecimal($0, into: output) }
    }

    /// A name → count object, keys sorted.
    private static func counts(_ values: [String: Int], into output: ByteBuffer) {
        output.append(UInt8(ascii: "{"))
        for (index, pair) in values.sorted(by: { $0.key < $1.key }).enumerated() {
            if index > 0 { output.append(UInt8(ascii: ",")) }
            JSONValue.quote(pair.key, into: output)
            output.append(UInt8(ascii: ":"))
            JSONValue.appendDecimal(pair.value, into: output)
        }
        output.append(UInt8(ascii: "}"))
    }
}
