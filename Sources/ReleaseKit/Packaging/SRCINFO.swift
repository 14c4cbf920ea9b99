import Foundation

/// `.SRCINFO`, the summary of a PKGBUILD that the AUR reads, as `makepkg --printsrcinfo` writes it for a
/// single package. bash reads the PKGBUILD, so its values are exactly what makepkg sees; makepkg itself
/// refuses to run as root and is rarely installed where maintainers release.
enum SRCINFO {
    static func render(_ pkgbuild: URL) throws -> [UInt8] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["bash", "-c", script, "srcinfo", pkgbuild.lastPathComponent]
        process.currentDirectoryURL = pkgbuild.deletingLastPathComponent()
        let output = Pipe(), errors = Pipe()
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let text = output.fileHandleForReading.readDataToEndOfFile()
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let firstLine = String(decoding: message, as: UTF8.self).split(separator: "\n").first.map(String.init)
            throw ReleaseError.srcinfoFailed(firstLine ?? "exit status \(process.terminationStatus)")
        }
        return Array(text)
    }

    /// makepkg's field order (srcinfo.sh) and whitespace clean-up; no per-architecture fields or split packages.
    private static let script = #"""
        set -e
        shopt -s extglob
        source "./$1"
        field() {
            local name=$1 value; shift
            for value in "$@"; do
                value=${value//+([[:space:]])/ }; value=${value# }; value=${value% }
                printf '\t%s = %s\n' "$name" "$value"
            done
        }
        printf 'pkgbase = %s\n' "${pkgbase:-$pkgname}"
        for name in pkgdesc pkgver pkgrel epoch url install changelog; do
            if [[ -v $name ]]; then field "$name" "${!name}"; fi
        done
        for name in arch groups license checkdepends makedepends depends optdepends provides conflicts replaces \
                    noextract options backup source validpgpkeys cksums md5sums sha1sums sha224sums sha256sums \
                    sha384sums sha512sums b2sums; do
            declare -n values=$name
            if [[ -v $name ]]; then field "$name" "${values[@]}"; fi
            unset -n values
        done
        printf '\npkgname = %s\n' "$pkgname"
        """#
}
