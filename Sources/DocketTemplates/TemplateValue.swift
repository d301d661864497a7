/// A value a template can show: what `{{name}}` prints, what `{{#name}}` tests or repeats.
///
/// The tree form of a page's values, for tests and tools (`TemplateRepresentable.templateValue`,
/// `TemplateLibrary.render`): pages themselves are written into a `TemplateArena` and rendered from its
/// slots, which hold the same values flat.
enum TemplateValue: Sendable, Equatable {
    /// Text; `{{ }}` HTML-escapes it, `{{{ }}}` inserts it as it is.
    case text(String)
    /// A whole number, printed in decimal.
    case number(Int)
    /// A flag: `{{#flag}}` shows its section when true, `{{^flag}}` when false.
    case flag(Bool)
    /// A list: `{{#list}}` repeats its section for each item, `{{^list}}` shows when it is empty.
    case list([TemplateValue])
    /// A group of named values, looked up by `{{name}}` and `{{group.name}}`.
    case object(TemplateObject)
}

/// Named values, in the order they were given (the tree form of `TemplateSlot.object`).
final class TemplateObject: Sendable, Equatable, ExpressibleByDictionaryLiteral {
    /// Every name the object was made with, in order.
    let names: [String]
    /// The value of each name; nil for a name with no value (a template finds nothing there).
    let values: [TemplateValue?]

    /// Creates an object from `name: value` pairs; nil values are left out (a template finds nothing there).
    convenience init(dictionaryLiteral elements: (String, TemplateValue?)...) {
        self.init(elements)
    }

    /// Creates an object from pairs; nil values are left out.
    init(_ pairs: [(String, TemplateValue?)]) {
        names = pairs.map(\.0)
        values = pairs.map(\.1)
    }

    /// The names that have a value, in order.
    var keys: [String] { zip(names, values).compactMap { $0.1 == nil ? nil : $0.0 } }

    /// The value named `key` (its first place), or nil.
    subscript(key: String) -> TemplateValue? {
        guard let index = names.firstIndex(of: key) else { return nil }
        return values[index]
    }

    /// The same names with the same values, in the same order.
    static func == (lhs: TemplateObject, rhs: TemplateObject) -> Bool {
        lhs === rhs || (lhs.keys == rhs.keys && lhs.keys.allSatisfy { lhs[$0] == rhs[$0] })
    }
}

extension TemplateValue: TemplateRepresentable {
    /// The same value, written into the arena.
    func slot(in arena: TemplateArena) -> TemplateSlot {
        switch self {
        case .text(let text): return arena.add(text)
        case .number(let number): return .number(number)
        case .flag(let flag): return .flag(flag)
        case .list(let items): return items.slot(in: arena)
        case .object(let object): return object.slot(in: arena)
        }
    }
}

extension TemplateObject: TemplateRepresentable {
    /// The object's values, one slot per name.
    func slot(in arena: TemplateArena) -> TemplateSlot {
        let first = arena.reserve(names.count)
        for (offset, value) in values.enumerated() {
            arena.set(first + Int32(offset), value.slot(in: arena))
        }
        return .object(first: first, shape: arena.shapeNumber(forNames: names))
    }
}
