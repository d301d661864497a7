import Foundation

/// A set of parsed templates that can include one another (partials, parents), compiled together and
/// rendered with view models.
///
/// The library owns the numbering of every name its templates use and the shapes of the objects rendered
/// with it (`TemplateNames`); pages may be rendered from any number of threads at once.
public final class TemplateLibrary: @unchecked Sendable {
    // @unchecked: `names` and `programs` are set in `init` and never changed; `idle` is read and changed only
    // under `lock`, and an arena in it belongs to no thread.
    /// The names the templates use, and the shapes of objects written for them.
    let names: TemplateNames
    /// Each template's compiled program, by name.
    let programs: [String: MustacheProgram]
    private let lock = NSLock()
    /// Arenas not in use: a page's arena is emptied and kept for a later page, with the shapes it found
    /// and the memory it grew to.
    private var idle: [TemplateArena] = []

    /// Compiles templates, each under the name partials and parents use for it.
    public init(_ templates: [String: MustacheTemplate]) {
        var all: [String] = []
        for name in templates.keys.sorted() { all += templates[name]?.names ?? [] }
        let names = TemplateNames(all)
        self.names = names
        programs = templates.mapValues { MustacheProgram($0.nodes, names: names) }
    }

    /// Renders the named template with a view model as the outermost context, into bytes (empty for a name
    /// the library does not have).
    public func render(_ name: String, _ model: some TemplateRepresentable) -> Data {
        let arena = takeArena()
        defer { keep(arena) }
        let root = model.slot(in: arena)
        var renderer = MustacheRenderer(programs: programs)
        renderer.render(name, root, in: arena)
        return renderer.buffer.takeData()
    }

    /// An empty arena: one a page left, or a new one.
    private func takeArena() -> TemplateArena {
        lock.lock()
        let arena = idle.popLast()
        lock.unlock()
        return arena ?? TemplateArena(names: names)
    }

    /// Empties an arena and keeps it for the next page.
    private func keep(_ arena: TemplateArena) {
        arena.removeAll()
        lock.lock()
        idle.append(arena)
        lock.unlock()
    }
}
