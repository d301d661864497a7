import Foundation

/// A value a template can show: what `{{name}}` prints, what `{{#name}}` tests or repeats.
///
/// The tree form of a page's values, for tests and tools (`TemplateRepresentable.templateValue`, and
/// `MustacheRenderer.render(_:_:)`): pages themselves are written into a `TemplateArena` and rendered from
/// its slots, which hold the same values flat.
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

/// Named values, in the order they were given (the tree form of `TemplateSlot.object`). Keys are few per
/// object, so a lookup scans them, comparing the names' numbers (`TemplateNames`) rather than their text.
public final class TemplateObject: Sendable, Equatable, ExpressibleByDictionaryLiteral {
    /// Every name the object was made with (shared between all objects of one view model type).
    let names: TemplateNames
    /// The value of each name; nil for a name with no value (a template finds nothing there).
    private let slots: [TemplateValue?]

    /// The value of each name, in order; nil for a name with no value.
    var values: [TemplateValue?] { slots }

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
    /// The table of these names that arenas refer to (`TemplateSlot.object`): the same for the same names.
    let table: Int32

    /// Numbers the names.
    public init(_ names: [String]) {
        self.names = names
        ids = names.map(Self.number(of:))
        table = Self.table(names: names, ids: ids)
    }

    /// Numbers the names of a literal list.
    public init(arrayLiteral names: String...) {
        self.init(names)
    }

    private static let lock = NSLock()
    nonisolated(unsafe) private static var numbers: [String: Int32] = [:]

    // Name tables, kept for the life of the process (a list of names is stored once, however many objects
    // use it): for each name number up to the table's largest, the position of that name in the list (or
    // -1), so the renderer finds a field in one step, through a pointer, with no lock or reference count.
    private static let tableCapacity = 1 << 16
    nonisolated(unsafe) private static let tablePositions =
        UnsafeMutablePointer<UnsafeBufferPointer<Int16>>.allocate(capacity: tableCapacity)
    nonisolated(unsafe) private static var tables: [[String]: Int32] = [:]
    nonisolated(unsafe) private static var tableList: [[String]] = []

    private static func table(names: [String], ids: [Int32]) -> Int32 {
        lock.lock()
        defer { lock.unlock() }
        if let table = tables[names] { return table }
        // Lists of names come from Docket's own view models (and tests), never from a site's files.
        precondition(tableList.count < tableCapacity && ids.count < Int(Int16.max), "too many template names")
        let table = Int32(tableList.count)
        let length = Int(ids.max() ?? -1) + 1
        let positions = UnsafeMutablePointer<Int16>.allocate(capacity: max(length, 1))
        positions.initialize(repeating: -1, count: max(length, 1))
        for (position, id) in ids.enumerated() where positions[Int(id)] < 0 {
            positions[Int(id)] = Int16(position)  // a name written twice is found at its first place
        }
        tablePositions[Int(table)] = UnsafeBufferPointer(start: positions, count: length)
        tableList.append(names)
        tables[names] = table
        return table
    }

    /// Where the name numbered `id` is in a table's list (`table` from a `TemplateNames` made before), or nil.
    @inline(__always)
    static func position(of id: Int32, in table: Int32) -> Int? {
        let positions = tablePositions[Int(table)]
        guard id >= 0, Int(id) < positions.count else { return nil }
        let position = positions[Int(id)]
        return position < 0 ? nil : Int(position)
    }

    /// The names of a table.
    static func tableNames(_ table: Int32) -> [String] {
        lock.lock()
        defer { lock.unlock() }
        return tableList[Int(table)]
    }

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
    /// Writes the value into a page's arena and returns its slot (objects and lists reserve their slots
    /// first, then fill them).
    func slot(in arena: TemplateArena) -> TemplateSlot
}
