import Foundation

/// The names a library's templates use, each numbered (a lookup compares integers), and the shapes of the
/// objects the library's pages are made of: owned by one `TemplateLibrary` and handed to every arena it
/// renders with.
///
/// The numbering is fixed when the library is made. Shapes are added as pages are written, from any thread:
/// the first object of a view model type records its names once, and every later one finds them here.
final class TemplateNames: @unchecked Sendable {
    // @unchecked: `numbers` is set in `init` and never changed; the two shape maps are read and changed only
    // under `lock`, and a shape never changes once made.
    /// The number of each name used in a template.
    let numbers: [String: Int32]
    private let lock = NSLock()
    private var shapesByType: [ObjectIdentifier: TemplateShape] = [:]
    private var shapesByNames: [[String]: TemplateShape] = [:]

    /// Numbers the names (each once, in order).
    init(_ names: some Sequence<String>) {
        var numbers: [String: Int32] = [:]
        for name in names where numbers[name] == nil { numbers[name] = Int32(numbers.count) }
        self.numbers = numbers
    }

    /// The number of a name the templates use, or nil for a name no template uses.
    func number(of name: String) -> Int32? { numbers[name] }

    /// The shape recorded for a view model type, if its first object was written already.
    func shape(forType type: ObjectIdentifier) -> TemplateShape? {
        lock.lock()
        defer { lock.unlock() }
        return shapesByType[type]
    }

    /// The shape of objects with these names, in this order; with a type, recorded as that type's shape.
    func shape(names: [String], forType type: ObjectIdentifier?) -> TemplateShape {
        lock.lock()
        defer { lock.unlock() }
        if let type, let shape = shapesByType[type] {
            precondition(shape.names == names, "a template conversion wrote different fields for the same type")
            return shape
        }
        let shape = shapesByNames[names] ?? TemplateShape(names: names, numbers: numbers)
        shapesByNames[names] = shape
        if let type { shapesByType[type] = shape }
        return shape
    }
}

/// The names of an object's fields in order, and where each name the templates use is among them.
final class TemplateShape: @unchecked Sendable {
    // @unchecked: both properties are set in `init` and never changed; `positions` is owned by the shape,
    // allocated once and freed in `deinit`.
    /// The field names, in the order of the object's slots.
    let names: [String]
    /// For each name number of the library (`TemplateNames.numbers`), the position of that name among
    /// `names`, or -1: the renderer finds a field in one step.
    let positions: UnsafeBufferPointer<Int16>
    private let storage: UnsafeMutablePointer<Int16>

    init(names: [String], numbers: [String: Int32]) {
        precondition(names.count < Int(Int16.max), "too many fields in one template object")
        self.names = names
        storage = .allocate(capacity: max(numbers.count, 1))
        storage.initialize(repeating: -1, count: max(numbers.count, 1))
        for (position, name) in names.enumerated() {
            if let number = numbers[name], storage[Int(number)] < 0 {
                storage[Int(number)] = Int16(position)  // a name written twice is found at its first place
            }
        }
        positions = UnsafeBufferPointer(start: storage, count: numbers.count)
    }

    deinit { storage.deallocate() }  // Int16s: nothing to deinitialize
}
