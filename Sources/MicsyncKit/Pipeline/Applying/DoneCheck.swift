import Foundation

extension LocationBook {
    /// Which of `items` that rsync itemized are really done at `destination`, asked after a pass that failed:
    /// rsync itemizes a file before it writes it, so on a read-only or full disc the line is there and the
    /// file is not. A copied file is done when it is there whole, with the source's size and time (an
    /// overwrite that failed leaves the old file, often of the same size); a deletion when the item is gone.
    /// Each end is asked where it lives; nothing counts as done when the destination cannot tell.
    func done(_ items: [ItemizedChange], from source: Location, at destination: Location) -> [Bool] {
        let paths = items.map(\.relativePath)
        guard let there = entries(paths, in: destination) else { return Array(repeating: false, count: items.count) }
        let copied = items.indices.filter { [.new, .modified].contains(items[$0].change) && !items[$0].isDirectory }
        let originals = entries(copied.map { paths[$0] }, in: source) ?? Array(repeating: nil, count: copied.count)
        var here = [EntryFacts?](repeating: nil, count: items.count)
        for (index, original) in zip(copied, originals) { here[index] = original }
        return items.indices.map { index in
            let item = items[index]
            switch item.change {
            case .deleted: return there[index] == nil
            case .new, .modified:
                guard let copy = there[index] else { return false }
                guard !item.isDirectory else { return true }
                guard copy.size == item.size else { return false }
                guard let original = here[index] else { return true }
                return copy.modified / 1_000_000_000 == original.modified / 1_000_000_000
            case .attributesOnly, .unchanged: return true
            }
        }
    }
}

extension ItemizedChange {
    var isDirectory: Bool { path.last == UInt8(ascii: "/") }

    /// The path without a directory's trailing `/`.
    var relativePath: [UInt8] { isDirectory ? Array(path.dropLast()) : path }
}
