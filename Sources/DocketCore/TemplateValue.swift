import Foundation

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

/// Named values, in the order they were given. Keys are few per object, so a lookup scans them, comparing
/// the names' numbers (`TemplateNames`) rather than their text.
///
/// A class, so that passing an object around the renderer's context stack costs one reference count, not
/// one per array inside it.
public final class TemplateObject: Sendable, Equatable, ExpressibleByDictionaryLiteral {
    /// Every name the object was made with (shared between all objects of one view model type).
    private let names: TemplateNames
    /// The value of each name; nil for a name with no value (a template finds nothing there).
    private let slots: [TemplateValue?]

    /// Creates an object from `name: value` pairs; nil values are left out (a template finds nothing there).
    public convenience init(dictionaryLiteral elements: (String, TemplateValue?)...) {
        self.init(elements)
    }

    /// Creates an object from pairs; nil values are left out.
    public init(_ pairs: [(String, TemplateValue?)]) {
        names = TemplateNames(pairs.map(\.0))
        slots = pairs.map(\.1)
    }

    /// Creates an object from names (usually one static list per view model type) and their values in the
    /// same order, nil for none.
    public init(names: TemplateNames, values: [TemplateValue?]) {
        precondition(names.names.count == values.count, "a template object needs one value per name")
        self.names = names
        slots = values
    }

    /// The names that have a value, in order.
    public var keys: [String] { zip(names.names, slots).compactMap { $0.1 == nil ? nil : $0.0 } }

    /// The value named `key`, or nil.
    public subscript(key: String) -> TemplateValue? {
        self[TemplateNames.number(of: key)]
    }

    /// The value whose name has the number `id` (`TemplateNames.number(of:)`), or nil.
    subscript(id: Int32) -> TemplateValue? {
        names.ids.withUnsafeBufferPointer { ids in
            var index = 0
            while index < ids.count {
                if ids[index] == id { return slots[index] }
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

/// The names of a view model type's values, each with a number that stands for it in every template and
/// object of the process (so a lookup compares integers). Made once per type, as a static list.
public struct TemplateNames: Sendable, ExpressibleByArrayLiteral {
    /// The names, in order.
    public let names: [String]
    /// Their numbers, in the same order.
    let ids: [Int32]

    /// Numbers the names.
    public init(_ names: [String]) {
        self.names = names
        ids = names.map(Self.number(of:))
    }

    /// Numbers the names of a literal list.
    public init(arrayLiteral names: String...) {
        self.init(names)
    }

    private static let lock = NSLock()
    nonisolated(unsafe) private static var numbers: [String: Int32] = [:]

    /// The number that stands for a name: the same for the same name, different for different names.
    static func number(of name: String) -> Int32 {
        lock.lock()
        defer { lock.unlock() }
        if let number = numbers[name] { return number }
        let number = Int32(numbers.count)
        numbers[name] = number
        return number
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
