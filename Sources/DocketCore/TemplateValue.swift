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
///
/// A class, so that passing an object around the renderer's context stack costs one reference count, not
/// one per array inside it.
public final class TemplateObject: Sendable, Equatable, ExpressibleByDictionaryLiteral {
    /// The names.
    public let keys: [String]
    /// The values, in the order of `keys`.
    public let values: [TemplateValue]

    /// Creates an object from `name: value` pairs; nil values are left out (a template finds nothing there).
    public convenience init(dictionaryLiteral elements: (String, TemplateValue?)...) {
        self.init(elements)
    }

    /// Creates an object from pairs; nil values are left out.
    public init(_ pairs: [(String, TemplateValue?)]) {
        var keys: [String] = []
        var values: [TemplateValue] = []
        keys.reserveCapacity(pairs.count)
        values.reserveCapacity(pairs.count)
        for (key, value) in pairs {
            if let value {
                keys.append(key)
                values.append(value)
            }
        }
        self.keys = keys
        self.values = values
    }

    /// The value named `key`, or nil.
    public subscript(key: String) -> TemplateValue? {
        keys.withUnsafeBufferPointer { keys in
            var index = 0
            while index < keys.count {
                if keys[index] == key { return values[index] }
                index += 1
            }
            return nil
        }
    }

    /// Same keys in the same order with equal values.
    public static func == (lhs: TemplateObject, rhs: TemplateObject) -> Bool {
        lhs === rhs || (lhs.keys == rhs.keys && lhs.values == rhs.values)
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
