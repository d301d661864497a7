/// Writes one object's fields into a page's arena: the whole conversion of a view model, one line per field.
///
/// ```swift
/// extension KindRow: TemplateRepresentable {
///     public func slot(in arena: TemplateArena) -> TemplateSlot {
///         var object = arena.object(Self.self)
///         object.field("label", label)
///         object.field("quantity", quantity)
///         return object.end()
///     }
/// }
/// ```
///
/// The number of fields and their name table come from the lines themselves: the first object of a type
/// written with a library records its names, and every later one only writes values. A conversion must
/// write the same names in the same order every time.
public struct TemplateFieldWriter {
    // Unmanaged: a writer lives only inside the `slot(in:)` call that was handed the arena, so the arena
    // outlives it, and no reference count is taken for every field written.
    @usableFromInline let arena: Unmanaged<TemplateArena>
    /// Where this object's fields start among the arena's pending slots.
    @usableFromInline let start: Int
    /// The number of the type's shape in the arena, or -1 while its names are recorded.
    @usableFromInline let shape: Int32
    @usableFromInline let type: ObjectIdentifier
    /// The names written, while recording.
    @usableFromInline var recorded: [String] = []

    @inlinable
    init(arena: TemplateArena, start: Int, shape: Int32, type: ObjectIdentifier) {
        self.arena = Unmanaged.passUnretained(arena)
        self.start = start
        self.shape = shape
        self.type = type
    }

    /// Writes a field: its name (a literal) and its value.
    @inlinable @inline(__always)
    public mutating func field<Value: TemplateRepresentable>(_ name: StaticString, _ value: Value) {
        arena._withUnsafeGuaranteedRef { arena in arena.appendPending(value.slot(in: arena)) }
        if shape < 0 { recorded.append(name.description) }
    }

    /// Writes a field whose value may be missing (a template looks further out for its name).
    @inlinable @inline(__always)
    public mutating func field<Value: TemplateRepresentable>(_ name: StaticString, _ value: Value?) {
        arena._withUnsafeGuaranteedRef { arena in arena.appendPending(value.slot(in: arena)) }
        if shape < 0 { recorded.append(name.description) }
    }

    /// Ends the object and returns its slot.
    @inlinable @inline(__always)
    public func end() -> TemplateSlot {
        arena._withUnsafeGuaranteedRef { arena in
            if shape >= 0 { return arena.finishObject(from: start, shape: shape) }
            return arena.finishObject(from: start, shape: arena.record(recorded, forType: type))
        }
    }
}
