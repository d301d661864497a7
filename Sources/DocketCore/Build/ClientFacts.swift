/// What a build keeps of one client once it has been validated and rendered: what the checks across clients,
/// the dashboard and the report need, and nothing of the client's timesheets or pages.
///
/// Facts are small, so a build holds them for every client while it holds the full model of only the few
/// clients it is working on; the build record (`.docket/build-record`) stores them, so a client whose files did not change is
/// neither parsed nor rendered again (`RecordJSON` writes them there, `RecordFactsDecoding.swift` reads them back).
struct ClientFacts: Sendable, Equatable {
    /// The client's folder name.
    var slug: String
    /// The share token read from `token.txt`, if there was one (checked unique across clients).
    var storedToken: String?
    /// The `SecretFingerprint` of its stored (or newly made) portal key and salt, by file name (checked
    /// unique across clients); never the key or salt itself.
    var secretFingerprints: [String: String] = [:]
    /// Every invoice number the client's records use (checked unique across the business).
    var invoiceNumbers: [InvoiceNumber] = []
    /// The client's part of the VA's dashboard; nil when the client did not load.
    var dashboard: Dashboard.ClientPart?
    /// The client's own errors and warnings.
    var diagnostics: [Diagnostic] = []
    /// The portal, for an active client.
    var portal: Portal?
    /// The files of its portal, relative to `public/` (kept in the record's output lines, not in its JSON).
    var outputs: [String] = []
    /// The status each of `outputs` was written with, when the build knows it (pages written straight into
    /// a new `public/`); not in the JSON.
    var outputStatuses: [FileStatus?]? = nil
}

/// An invoice number and where it is written.
struct InvoiceNumber: Sendable, Equatable {
    /// `INV-2026-041`.
    var number: String
    /// The invoice record's path.
    var path: String
    /// The line of its `number:` field.
    var line: Int
}
