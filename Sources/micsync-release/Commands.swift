import ArgumentParser
import ReleaseKit

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compare the version in the source with the latest annotated tag.",
        discussion: """
            Exits 0 when they are equal. Otherwise prints both and, on a terminal, asks whether to go on; \
            without a terminal, or when declined, exits 1.

            Example: micsync-release check --yes
            """
    )

    @OptionGroup var repository: RepositoryOptions
    @OptionGroup var confirmation: ConfirmationOptions

    func run() throws {
        try repository.release().confirmVersion(yes: confirmation.yes)
    }
}

struct Tag: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create the annotated tag named after the version, on HEAD.",
        discussion: """
            Refuses when tracked files have uncommitted changes (untracked files don't count) and when the tag exists. \
            The tagger is git's user.name and user.email.

            Example: micsync-release tag && git push origin 1.2.0
            """
    )

    @OptionGroup var repository: RepositoryOptions

    func run() throws {
        let release = try repository.release()
        let commit = try release.tag()
        print("tagged \(commit.id.prefix(12)) as \(release.version)")
    }
}

struct TarballCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tarball",
        abstract: "Write micsync-<version>.tar.gz of the committed tree at the version's tag.",
        discussion: """
            The same commit always gives the same bytes: entries in git's order, times from the commit, \
            no owner names, gzip without name or time. Uncommitted changes are never included. With --head the \
            version is a VCS one, <tag>.r<commits since>.g<id> (e.g. 0.1.0.r2.g1ec80f2), so it never replaces a \
            release's tarball; a release's tarball that exists with other bytes is never rewritten.

            Example: micsync-release tarball --head --output /tmp
            """
    )

    @OptionGroup var repository: RepositoryOptions
    @OptionGroup var tarball: TarballOptions

    func run() throws {
        _ = try repository.release().writeTarball(tarball)
    }
}

struct PKGBUILDCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pkgbuild",
        abstract: "Write the tarball and render Packaging/arch/PKGBUILD.in with its sha256.",
        discussion: """
            Writes Packaging/arch/archive/<version>/PKGBUILD and .SRCINFO (downloads the release's tarball; \
            commit them), and an offline PKGBUILD with its .SRCINFO next to the tarball that uses the local file. \
            With --head only the offline one: a build of HEAD never goes into the archive, and an archived \
            PKGBUILD is never rewritten.

            Example: micsync-release pkgbuild && cd output && makepkg -si
            """
    )

    @OptionGroup var repository: RepositoryOptions
    @OptionGroup var tarball: TarballOptions

    func run() throws {
        try repository.release().writePKGBUILDs(tarball)
    }
}

struct All: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "check, then tarball and pkgbuild: from a tagged commit to an archived PKGBUILD.",
        discussion: "Example: micsync-release all --yes --head"
    )

    @OptionGroup var repository: RepositoryOptions
    @OptionGroup var confirmation: ConfirmationOptions
    @OptionGroup var tarball: TarballOptions

    func run() throws {
        let release = try repository.release()
        try release.confirmVersion(yes: confirmation.yes)
        try release.writePKGBUILDs(tarball)
    }
}
