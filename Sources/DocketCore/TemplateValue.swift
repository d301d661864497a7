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
    /// Every name the object was made with (shared between all objects of one view model type).
    private let names: [String]
    /// The value of each name; nil for a name with no value (a template finds nothing there).
    private let slots: [TemplateValue?]

    /// Creates an object from `name: value` pairs; nil values are left out (a template finds nothing there).
    public convenience init(dictionaryLiteral elements: (String, TemplateValue?)...) {
        self.init(elements)
    }

    /// Creates an object from pairs; nil values are left out.
    public init(_ pairs: [(String, TemplateValue?)]) {
        names = pairs.map(\.0)
        slots = pairs.map(\.1)
    }

    /// Creates an object from names (usually one static array per view model type) and their values in the
    /// same order, nil for none.
    public init(names: [String], values: [TemplateValue?]) {
        precondition(names.count == values.count, "a template object needs one value per name")
        self.names = names
        slots = values
    }

    /// The names that have a value, in order.
    public var keys: [String] { zip(names, slots).compactMap { $0.1 == nil ? nil : $0.0 } }

    /// The value named `key`, or nil.
    public subscript(key: String) -> TemplateValue? {
        names.withUnsafeBufferPointer { names in
            var index = 0
            while index < names.count {
                if names[index] == key { return slots[index] }
                index += 1
            }
            return nil
        }
    }

    /// The same names with the same values, in the same order.
    public static func == (lhs: TemplateObject, rhs: TemplateObject) -> Bool {
        lhs === rhs || (lhs.keys == rhs.keys && lhs.keys.allSatisfy { lhs[$0] == rhs[$0] })
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
