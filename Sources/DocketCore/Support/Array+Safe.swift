import Foundation

extension Array {
    /// The element at `index`, or nil past the end (a short row of a CSV export).
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
