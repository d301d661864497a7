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
    /// A group of named values: one slot per name of the arena's shape number `shape`, from `first`.
    case object(first: Int32, shape: Int32)
}

/// The values of one page laid out flat: every slot in one array and every text's bytes in one buffer,
/// written once by the view models (`TemplateRepresentable.slot(in:)`) and dropped whole after rendering.
/// No value is an object of its own, so writing and reading a page allocates and counts no references per
/// value (docs/PERFORMANCE.md).
public final class TemplateArena {
    /// Where the slots are and how many are in use, with the same for the pending slots of the objects being
    /// written, and the type and shape number of the last object started.
    @usableFromInline struct State {
        @usableFromInline var slotBase: UnsafeMutablePointer<TemplateSlot>
        @usableFromInline var slotCapacity: Int
        @usableFromInline var slotCount = 0
        /// The slots of the objects being written, innermost last (`TemplateFieldWriter`), moved into place
        /// when each object is done.
        @usableFromInline var pendingBase: UnsafeMutablePointer<TemplateSlot>
        @usableFromInline var pendingCapacity: Int
        @usableFromInline var pendingCount = 0
        /// Objects of one type often come in a row: the last type started and its shape number.
        @usableFromInline var lastType = ObjectIdentifier(Void.self)
        @usableFromInline var lastShape: Int32 = -1

        init(slots: Int) {
            slotCapacity = max(slots, 16)
            slotBase = .allocate(capacity: slotCapacity)
            pendingCapacity = 64
            pendingBase = .allocate(capacity: pendingCapacity)
        }
    }

    // Plain memory the arena owns (not Swift arrays), reached through one pointer rather than stored `var`s:
    // filling a slot is a store, with no uniqueness check on an array and no run-time exclusivity check on a
    // class property (which every `var` reachable from another module gets, and view models are written from
    // DocketCore).
    @usableFromInline let state: UnsafeMutablePointer<State>
    /// The bytes of every text, one after another.
    @usableFromInline let text: ByteBuffer

    /// The library's names, where shapes are found and recorded.
    let names: TemplateNames
    /// The shapes this page's objects use (kept alive while the page is), by the number slots give them.
    private(set) var shapes: [TemplateShape] = []
    /// The view model type of each of `shapes` (nil for an object made from names).
    private var shapeTypes: [ObjectIdentifier?] = []
    /// `shapes[i].positions`, for the renderer to read without a reference count.
    private var positionsBase: UnsafeMutablePointer<UnsafeBufferPointer<Int16>>
    private var positionsCapacity = 16
    /// An empty arena with room for a typical page, finding its shapes in `names`.
    init(names: TemplateNames, slots: Int = 1024, textBytes: Int = 16_384) {
        self.names = names
        state = .allocate(capacity: 1)
        state.initialize(to: State(slots: slots))
        text = ByteBuffer(capacity: textBytes)
        positionsBase = .allocate(capacity: positionsCapacity)
    }

    // Slots and positions hold no references: nothing to deinitialize.
    deinit {
        state.pointee.slotBase.deallocate()
        state.pointee.pendingBase.deallocate()
        state.deallocate()
        positionsBase.deallocate()
    }

    /// Drops every slot and text, keeping the memory and the shapes found (for the next page).
    func removeAll() {
        state.pointee.slotCount = 0
        state.pointee.pendingCount = 0
        text.removeAll()
    }

    /// Every slot in use (valid until the next slot is reserved).
    var slots: UnsafeBufferPointer<TemplateSlot> {
        UnsafeBufferPointer(start: state.pointee.slotBase, count: state.pointee.slotCount)
    }

    /// Every text byte (valid until the next text is added).
    var textBytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: text.baseAddress, count: text.count) }

    /// Each shape's positions by shape number (valid until the next shape is added).
    var shapePositions: UnsafeBufferPointer<UnsafeBufferPointer<Int16>> {
        UnsafeBufferPointer(start: positionsBase, count: shapes.count)
    }

    /// Reserves `count` slots in a row, each `.missing` until set, returning the first one's index.
    @inlinable
    func reserve(_ count: Int) -> Int32 {
        if state.pointee.slotCount + count > state.pointee.slotCapacity { grow(count) }
        (state.pointee.slotBase + state.pointee.slotCount).initialize(repeating: .missing, count: count)
        let first = Int32(state.pointee.slotCount)
        state.pointee.slotCount += count
        return first
    }

    /// Makes room for `extra` more slots (rarely: out of line).
    @usableFromInline @inline(never)
    func grow(_ extra: Int) {
        var capacity = state.pointee.slotCapacity * 2
        while capacity < state.pointee.slotCount + extra { capacity *= 2 }
        let moved = UnsafeMutablePointer<TemplateSlot>.allocate(capacity: capacity)
        moved.moveInitialize(from: state.pointee.slotBase, count: state.pointee.slotCount)
        state.pointee.slotBase.deallocate()
        state.pointee.slotBase = moved
        state.pointee.slotCapacity = capacity
    }

    /// Fills a reserved slot.
    @inlinable
    func set(_ index: Int32, _ slot: TemplateSlot) {
        precondition(index >= 0 && Int(index) < state.pointee.slotCount, "a slot that was not reserved")
        state.pointee.slotBase[Int(index)] = slot
    }

    /// Adds a text's bytes and returns its slot.
    @inlinable
    func add(_ string: String) -> TemplateSlot {
        let start = Int32(text.count)
        text.append(string)
        return .text(start: start, count: Int32(text.count) - start)
    }

    /// Starts an object of a view model type: write each field with `TemplateFieldWriter.field`, then `end()`.
    @inlinable
    public func object<Model>(_ type: Model.Type) -> TemplateFieldWriter {
        let id = ObjectIdentifier(type)
        let shape = id == state.pointee.lastType ? state.pointee.lastShape : shapeNumber(forType: id)
        return TemplateFieldWriter(arena: self, start: state.pointee.pendingCount, shape: shape, type: id)
    }

    /// Adds a field's slot to the object being written.
    @inlinable
    func appendPending(_ slot: TemplateSlot) {
        if state.pointee.pendingCount == state.pointee.pendingCapacity { growPending() }
        state.pointee.pendingBase[state.pointee.pendingCount] = slot
        state.pointee.pendingCount += 1
    }

    /// Makes room for more pending slots (rarely: out of line).
    @usableFromInline @inline(never)
    func growPending() {
        let capacity = state.pointee.pendingCapacity * 2
        let moved = UnsafeMutablePointer<TemplateSlot>.allocate(capacity: capacity)
        moved.moveInitialize(from: state.pointee.pendingBase, count: state.pointee.pendingCount)
        state.pointee.pendingBase.deallocate()
        state.pointee.pendingBase = moved
        state.pointee.pendingCapacity = capacity
    }

    /// How many fields the objects of a shape have (checked in debug builds, where tests run).
    @usableFromInline
    func fieldCount(of shape: Int32) -> Int { shapes[Int(shape)].names.count }

    /// Moves the fields written since `start` into slots of their own and returns the object.
    @inlinable
    func finishObject(from start: Int, shape: Int32) -> TemplateSlot {
        let count = state.pointee.pendingCount - start
        // Every object of a type writes the same fields, in the same order (a missing value as nil): the
        // shape recorded by the first one is how the renderer finds them in all the others.
        assert(count == fieldCount(of: shape), "a template object wrote other fields than its type's first one")
        if state.pointee.slotCount + count > state.pointee.slotCapacity { grow(count) }
        (state.pointee.slotBase + state.pointee.slotCount).moveInitialize(
            from: state.pointee.pendingBase + start, count: count)
        let first = Int32(state.pointee.slotCount)
        state.pointee.slotCount += count
        state.pointee.pendingCount = start
        return .object(first: first, shape: shape)
    }

    /// The number of a type's shape in this arena, or -1 when its names are not known yet (the object being
    /// started records them).
    @usableFromInline
    func shapeNumber(forType type: ObjectIdentifier) -> Int32 {
        var number: Int32 = -1
        if let index = shapeTypes.firstIndex(of: type) {
            number = Int32(index)
        } else if let shape = names.shape(forType: type) {
            number = add(shape, type: type)
        }
        if number >= 0 {
            state.pointee.lastType = type
            state.pointee.lastShape = number
        }
        return number
    }

    /// Records the names of a type's first object, returning the number of its shape.
    @usableFromInline
    func record(_ fieldNames: [String], forType type: ObjectIdentifier) -> Int32 {
        if let index = shapeTypes.firstIndex(of: type) { return Int32(index) }
        return add(names.shape(names: fieldNames, forType: type), type: type)
    }

    /// The number of a shape made from names (objects built from pairs rather than view models).
    func shapeNumber(forNames fieldNames: [String]) -> Int32 {
        let shape = names.shape(names: fieldNames, forType: nil)
        if let index = shapes.firstIndex(where: { $0 === shape }) { return Int32(index) }
        return add(shape, type: nil)
    }

    private func add(_ shape: TemplateShape, type: ObjectIdentifier?) -> Int32 {
        if shapes.count == positionsCapacity {
            let moved = UnsafeMutablePointer<UnsafeBufferPointer<Int16>>.allocate(capacity: positionsCapacity * 2)
            moved.moveInitialize(from: positionsBase, count: shapes.count)
            positionsBase.deallocate()
            positionsBase = moved
            positionsCapacity *= 2
        }
        (positionsBase + shapes.count).initialize(to: shape.positions)
        shapes.append(shape)
        shapeTypes.append(type)
        return Int32(shapes.count - 1)
    }

    /// A slot read back as a `TemplateValue` (for tests and tools; rendering reads slots).
    func value(_ slot: TemplateSlot) -> TemplateValue? {
        switch slot {
        case .missing:
            return nil
        case .text(let start, let count):
            return .text(
                String(
                    decoding: UnsafeBufferPointer(rebasing: textBytes[Int(start)..<Int(start + count)]), as: UTF8.self))
        case .number(let number):
            return .number(number)
        case .flag(let flag):
            return .flag(flag)
        case .list(let first, let count):
            return .list((0..<Int(count)).compactMap { value(slots[Int(first) + $0]) })
        case .object(let first, let shape):
            let names = shapes[Int(shape)].names
            return .object(
                TemplateObject(names.enumerated().map { ($0.element, value(slots[Int(first) + $0.offset])) }))
        }
    }
}
