import Dispatch
import Foundation

/// Results filled in from several threads, each index once.
private final class ParallelResults<T>: @unchecked Sendable {
    var values: [T?]
    let lock = NSLock()
    init(count: Int) { values = Array(repeating: nil, count: count) }
    func set(_ index: Int, _ value: T) {
        lock.lock()
        values[index] = value
        lock.unlock()
    }
}

extension Array where Element: Sendable {
    /// Maps every element on all cores, keeping the order. Each call of `transform` must be independent.
    func parallelMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        guard count > 1 else { return map(transform) }
        let results = ParallelResults<T>(count: count)
        let elements = self
        DispatchQueue.concurrentPerform(iterations: count) { index in
            results.set(index, transform(elements[index]))
        }
        return results.values.map { $0! }
    }
}
