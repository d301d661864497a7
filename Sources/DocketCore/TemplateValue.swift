/// A value a template can show: what `{{name}}` prints, what `{{#name}}` tests or repeats.
///
/// View models turn themselves into these values once per page (`TemplateRepresentable`), so rendering
/// never reflects on Swift types or casts `Any`: a lookup is a scan of a few keys.
public enum TemplateValue: Sendable, Equatable {
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

/// Named values, in the order they were given. Keys are few per object, so a lookup scans them.
public struct TemplateObject: Sendable, Equatable, ExpressibleByDictionaryLiteral {
    /// The names.
    public private(set) var keys: [String]
    /// The values, in the order of `keys`.
    public private(set) var values: [TemplateValue]

    /// Creates an object from `name: value` pairs; nil values are left out (a template finds nothing there).
    public init(dictionaryLiteral elements: (String, TemplateValue?)...) {
        keys = []
        values = []
        keys.reserveCapacity(elements.count)
        values.reserveCapacity(elements.count)
        for (key, value) in elements {
            if let value {
                keys.append(key)
                values.append(value)
            }
        }
    }

    /// Creates an object from pairs; nil values are left out.
    public init(_ pairs: [(String, TemplateValue?)]) {
        keys = []
        values = []
        for (key, value) in pairs {
            if let value {
                keys.append(key)
                values.append(value)
            }
        }
    }

    /// The value named `key`, or nil.
    public subscript(key: String) -> TemplateValue? {
        var index = 0
        while index < keys.count {
            if keys[index] == key { return values[index] }
            index += 1
        }
        return nil
    }
}

/// A Swift value that templates can show.
public protocol TemplateRepresentable {
    /// The value as templates see it.
    var templateValue: TemplateValue { get }
}

extension String: TemplateRepresentable {
    /// Text.
    public var templateValue: TemplateValue { .text(self) }
}

extension Int: TemplateRepresentable {
    /// A number.
    public var templateValue: TemplateValue { .number(self) }
}

extension Bool: TemplateRepresentable {
    /// A flag.
    public var templateValue: TemplateValue { .flag(self) }
}

extension Array: TemplateRepresentable where Element: TemplateRepresentable {
    /// A list of the elements' values.
    public var templateValue: TemplateValue { .list(map(\.templateValue)) }
}

extension Optional where Wrapped: TemplateRepresentable {
    /// The wrapped value's template value, or nil (left out of its object).
    public var templateValue: TemplateValue? { map(\.templateValue) }
}

extension TemplateObject: TemplateRepresentable {
    /// The object itself.
    public var templateValue: TemplateValue { .object(self) }
}
