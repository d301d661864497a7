import Foundation

/// One value of a page's template context, as the renderer reads it: plain numbers only, so that reading,
/// copying and dropping one never touches a reference count.
public enum TemplateSlot: Sendable, Equatable {
    /// No value (a nil field): a template looks further out for the name.
    case missing
    /// Text: `count` bytes of the arena's text from `start`.
    case text(start: Int32, count: Int32)
    /// A whole number.
    case number(Int)
    /// A flag.
    case flag(Bool)
    /// A list: `count` slots from `first`.
    case list(first: Int32, count: Int32)
    /// A group of named values: one slot per name of `table` (`TemplateNames.table`), from `first`.
    case object(first: Int32, table: Int32)
}

/// The values of one page laid out flat: every slot in one array and every text's bytes in one buffer,
/// written once by the view models (`TemplateRepresentable.slot(in:)`) and dropped whole after rendering.
///
/// A tree of `TemplateValue`s cost an allocation per object and list, a reference count on every string
/// each time the renderer looked at it, and a release of every node when the page was done: a third of the
/// time a monthly report took to render.
public final class TemplateArena {
    // Plain memory the arena owns (not Swift arrays): filling a slot or adding text is a store, with no
    // uniqueness or exclusivity check on an array property at every step.
    private var slotBase: UnsafeMutablePointer<TemplateSlot>
    private var slotCapacity: Int
    /// How many slots are in use.
    private(set) var slotCount = 0
    /// The bytes of every text, one after another.
    let text: ByteBuffer

    /// An empty arena with room for a typical page.
    public init(slots: Int = 1024, textBytes: Int = 16_384) {
        slotCapacity = max(slots, 16)
        slotBase = .allocate(capacity: slotCapacity)
        text = ByteBuffer(capacity: textBytes)
    }

    deinit { slotBase.deallocate() }  // slots hold no references: nothing to deinitialize

    /// Every slot in use (valid until the next slot is reserved).
    var slots: UnsafeBufferPointer<TemplateSlot> { UnsafeBufferPointer(start: slotBase, count: slotCount) }

    /// Every text byte (valid until the next text is added).
    var textBytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: text.baseAddress, count: text.count) }

    /// Reserves `count` slots in a row (filled with `set`), returning the first one's index.
    public func reserve(_ count: Int) -> Int32 {
        if slotCount + count > slotCapacity { grow(count) }
        (slotBase + slotCount).initialize(repeating: .missing, count: count)
        let first = Int32(slotCount)
        slotCount += count
        return first
    }

    // Like `ByteBuffer`'s, grown in place: passing these properties inout to a shared helper would make
    // Swift check exclusivity at run time on every slot written.
    @inline(never)
    private func grow(_ extra: Int) {
        var capacity = slotCapacity * 2
        while capacity < slotCount + extra { capacity *= 2 }
        let moved = UnsafeMutablePointer<TemplateSlot>.allocate(capacity: capacity)
        moved.moveInitialize(from: slotBase, count: slotCount)
        slotBase.deallocate()
        slotBase = moved
        slotCapacity = capacity
    }

    /// Fills a reserved slot.
    public func set(_ index: Int32, _ slot: TemplateSlot) {
        precondition(index >= 0 && Int(index) < slotCount, "a slot that was not reserved")
        slotBase[Int(index)] = slot
    }

    /// Adds a text's bytes and returns its slot.
    public func add(_ string: String) -> TemplateSlot {
        let start = Int32(text.count)
        text.append(string)
        return .text(start: start, count: Int32(text.count) - start)
    }

    /// A slot read back as a `TemplateValue` (for tests and tools; rendering reads slots).
    public func value(_ slot: TemplateSlot) -> TemplateValue? {
        switch slot {
        case .missing:
            return nil
        case .text(let start, let count):
            return .text(String(decoding: UnsafeBufferPointer(rebasing: textBytes[Int(start)..<Int(start + count)]), as: UTF8.self))
        case .number(let number):
            return .number(number)
        case .flag(let flag):
            return .flag(flag)
        case .list(let first, let count):
            return .list((0..<Int(count)).compactMap { value(slots[Int(first) + $0]) })
        case .object(let first, let table):
            let names = TemplateNames.tableNames(table)
            return .object(TemplateObject(names.enumerated().map { ($0.element, value(slots[Int(first) + $0.offset])) }))
        }
    }
}

extension TemplateRepresentable {
    /// The value as a tree of `TemplateValue`s, read back from an arena (tests compare these).
    public var templateValue: TemplateValue {
        let arena = TemplateArena(slots: 64, textBytes: 256)
        return arena.value(slot(in: arena)) ?? .flag(false)
    }
}

extension String: TemplateRepresentable {
    /// Text.
    public func slot(in arena: TemplateArena) -> TemplateSlot { arena.add(self) }
}

extension Int: TemplateRepresentable {
    /// A number.
    public func slot(in arena: TemplateArena) -> TemplateSlot { .number(self) }
}

extension Bool: TemplateRepresentable {
    /// A flag.
    public func slot(in arena: TemplateArena) -> TemplateSlot { .flag(self) }
}

extension Array: TemplateRepresentable where Element: TemplateRepresentable {
    /// A list of the elements' values.
    public func slot(in arena: TemplateArena) -> TemplateSlot {
        let first = arena.reserve(count)
        for (offset, element) in enumerated() {
            arena.set(first + Int32(offset), element.slot(in: arena))
        }
        return .list(first: first, count: Int32(count))
    }
}

extension Optional where Wrapped: TemplateRepresentable {
    /// The wrapped value's slot, or `.missing` (a template finds nothing there).
    public func slot(in arena: TemplateArena) -> TemplateSlot {
        switch self {
        case .some(let value): return value.slot(in: arena)
        case .none: return .missing
        }
    }
}

extension TemplateValue: TemplateRepresentable {
    /// The same value, written into the arena.
    public func slot(in arena: TemplateArena) -> TemplateSlot {
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
    public func slot(in arena: TemplateArena) -> TemplateSlot {
        let first = arena.reserve(names.names.count)
        for (offset, value) in values.enumerated() {
            arena.set(first + Int32(offset), value.slot(in: arena))
        }
        return .object(first: first, table: names.table)
    }
}
