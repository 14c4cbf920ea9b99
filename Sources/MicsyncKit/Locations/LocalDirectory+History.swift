import Foundation

extension LocalDirectory: HistorySite {
    func versions(of relative: [UInt8], current: Bool, checksums: Bool) -> [FileVersion] {
        var places: [(trash: String?, root: String)] = current ? [(nil, location.path)] : []
        places += Trash.timestamps(in: location).map { ($0, Trash.root(of: location) + "/" + $0) }
        var found: [FileVersion] = []
        for (trash, root) in places {
            let place = Place(trash: trash, replaced: trash.flatMap(Trash.date(of:)))
            visit(RawPath.bytes(root), relative, in: place, checksums: checksums, into: &found)
        }
        return found
    }

    /// The current copies (no trash), or one trash folder with its time.
    private struct Place {
        let trash: String?
        let replaced: Date?
    }

    /// Adds `root/relative` when it is no folder, or every such entry below it; a folder `.micsync`
    /// (micsync's own, never synced) is never entered.
    private func visit(
        _ root: [UInt8], _ relative: [UInt8], in place: Place, checksums: Bool, into found: inout [FileVersion]
    ) {
        let path = relative.isEmpty ? root : root + [UInt8(ascii: "/")] + relative
        let cPath = path.map { CChar(bitPattern: $0) } + [0]
        var info = stat()
        guard lstat(cPath, &info) == 0 else { return }
        let type = info.st_mode & S_IFMT
        guard type == S_IFDIR else {
            // A WORKING's file may have been renamed or copied in with an old time: its change time says when.
            let arrived =
                location.role == .working && place.trash == nil
                ? Date(timeIntervalSince1970: TimeInterval(info.st_ctim.tv_sec)) : BirthTime.of(cPath)
            let kind: FileVersion.Kind = type == S_IFREG ? .file : type == S_IFLNK ? .symlink : .other
            found.append(
                FileVersion(
                    location: location, trash: place.trash, replaced: place.replaced, path: relative, kind: kind,
                    size: Int64(info.st_size),
                    modified: Date(timeIntervalSince1970: TimeInterval(info.st_mtim.tv_sec)), arrived: arrived,
                    checksum: checksums && kind == .file ? Cksum.of(file: path) : nil))
            return
        }
        guard let directory = opendir(cPath) else { return }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { Array($0.prefix { $0 != 0 }) }
            guard name != Array(".".utf8), name != Array("..".utf8), name != Array(StateFolder.name.utf8) else {
                continue
            }
            visit(
                root, relative.isEmpty ? name : relative + [UInt8(ascii: "/")] + name, in: place,
                checksums: checksums, into: &found)
        }
    }
}
