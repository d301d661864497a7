/// A Swift value that templates can show.
public protocol TemplateRepresentable {
    /// Writes the value into a page's arena and returns its slot (an object with
    /// `TemplateArena.object(_:)`, one `field` line per value).
    func slot(in arena: TemplateArena) -> TemplateSlot
}

extension TemplateRepresentable {
    /// The value as a tree of `TemplateValue`s, read back from an arena (tests compare these).
    var templateValue: TemplateValue {
        let arena = TemplateArena(names: TemplateNames([]), slots: 64, textBytes: 256)
        return arena.value(slot(in: arena)) ?? .flag(false)
    }
}

extension String: TemplateRepresentable {
    /// Text.
    @inlinable
    public func slot(in arena: TemplateArena) -> TemplateSlot { arena.add(self) }
}

extension Int: TemplateRepresentable {
    /// A number.
    @inlinable
    public func slot(in arena: TemplateArena) -> TemplateSlot { .number(self) }
}

extension Bool: TemplateRepresentable {
    /// A flag.
    @inlinable
    public func slot(in arena: TemplateArena) -> TemplateSlot { .flag(self) }
}

extension Array: TemplateRepresentable where Element: TemplateRepresentable {
    /// A list of the elements' values.
    @inlinable
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
    @inlinable
    public func slot(in arena: TemplateArena) -> TemplateSlot {
        switch self {
        case .some(let value): return value.slot(in: arena)
        case .none: return .missing
        }
    }
}
