import Foundation

extension LocalDirectory {
    func entries(_ relativePaths: [[UInt8]]) -> [EntryFacts?]? {
        guard let root = location.local else { return nil }
        return relativePaths.map { relative in
            FileSystem.status(root, relative).map { info in
                EntryFacts(
                    mode: UInt32(info.st_mode), size: Int64(info.st_size),
                    modified: Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec))
            }
        }
    }

    func unreadable(_ relativePaths: [[UInt8]]) -> Set<Int>? {
        guard let root = location.local else { return nil }
        return Set(relativePaths.indices.filter { !FileSystem.isReadable(root, relativePaths[$0]) })
    }
}
