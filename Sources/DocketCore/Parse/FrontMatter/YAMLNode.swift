import Yams

/// A YAML value from front matter, as the field readers need it: text (and whether it was written plain,
/// without quotes), a list, or named fields; and where in the YAML it starts.
///
/// Front matter is composed by `FlatYAML` when it keeps to the simple forms Docket's files use
/// (`key: value`, nested `key:` groups, `- item` and `- { key: value }` lists), and by Yams otherwise; both
/// give the same nodes (a test holds the first to the second).
struct YAMLNode: Sendable {
    /// A scalar's text.
    struct Scalar: Sendable, Equatable {
        /// The text, as YAML reads it.
        let string: String
        /// Whether it was written without quotes or a block indicator (`null` and `~` mean nothing only then).
        let isPlain: Bool
    }

    /// What the node holds.
    enum Content: Sendable {
        /// Text.
        case scalar(Scalar)
        /// A list.
        case sequence([YAMLNode])
        /// Named fields, in order.
        case mapping([(key: YAMLNode, value: YAMLNode)])
    }

    /// What the node holds.
    let content: Content
    /// The 1-based line in the YAML text and the 1-based column (in Unicode scalars, as libyaml counts)
    /// where the node starts; nil when unknown.
    let mark: (line: Int, column: Int)?

    /// The text, when the node is a scalar.
    var scalar: Scalar? {
        if case .scalar(let scalar) = content { return scalar }
        return nil
    }

    /// The fields, when the node is a mapping.
    var mapping: [(key: YAMLNode, value: YAMLNode)]? {
        if case .mapping(let pairs) = content { return pairs }
        return nil
    }

    /// The items, when the node is a list.
    var sequence: [YAMLNode]? {
        if case .sequence(let items) = content { return items }
        return nil
    }

    init(content: Content, line: Int, column: Int) {
        self.content = content
        mark = (line, column)
    }

    /// Converts a node Yams composed.
    init(_ node: Node) {
        switch node {
        case .scalar(let scalar):
            content = .scalar(Scalar(string: scalar.string, isPlain: scalar.style == .plain))
        case .mapping(let mapping):
            content = .mapping(mapping.map { (YAMLNode($0.key), YAMLNode($0.value)) })
        case .sequence(let sequence):
            content = .sequence(sequence.map { YAMLNode($0) })
        case .alias:
            // Yams' compose replaces every alias by the node it names, so none reaches here; were one to,
            // it reads as empty (a required field is then reported missing, never guessed).
            content = .scalar(Scalar(string: "", isPlain: true))
        }
        mark = node.mark.map { ($0.line, $0.column) }
    }

    /// Composes front matter YAML: flat front matter directly, anything else through Yams (which also
    /// reports syntax errors). Nil for an empty document.
    static func compose(_ yaml: String) throws -> YAMLNode? {
        if let node = FlatYAML.parse(yaml) { return node }
        // Every value is read as text and checked by the reader itself, so Yams need not guess types, and the
        // encoding is given rather than looked up.
        return try Yams.compose(yaml: yaml, .basic, .default, .utf8).map(YAMLNode.init)
    }
}
