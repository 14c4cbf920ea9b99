import Foundation
import TestSupport
import Testing

@testable import MicsyncKit

@Suite struct PathResolverTests {
    let resolver = PathResolver(base: "/current/dir", home: "/home/user")

    @Test(arguments: [
        ("~", "/home/user"), ("~/docs/", "/home/user/docs"), ("rel/./a//b/", "/current/dir/rel/a/b"),
        ("../up", "/current/up"), ("/abs/x/..", "/abs"), ("/", "/"), ("~other", "/current/dir/~other"),
    ])
    func absolute(typed: String, expected: String) {
        #expect(resolver.absolute(typed) == expected)
    }

    @Test func parentIsResolvedThroughSymlinksButNotTheLastComponent() throws {
        let box = try Sandbox()
        let base = FileSystem.realPath(box.root)!
        try FileManager.default.createDirectory(atPath: base + "/real/sub", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: base + "/link", withDestinationPath: base + "/real")
        try FileManager.default.createSymbolicLink(
            atPath: base + "/real/sublink", withDestinationPath: base + "/real/sub")
        let resolver = PathResolver(base: base)
        #expect(resolver.resolvingParent("link/sub") == base + "/real/sub")
        #expect(resolver.resolvingParent("link/sublink") == base + "/real/sublink")
        #expect(resolver.resolvingParent("link/not-yet") == base + "/real/not-yet")
    }

    @Test func locationsContainTheirSubpathsOnly() {
        let location = Location(role: .working, index: 0, path: "/data/w")
        #expect(location.relativePath(of: "/data/w") == "")
        #expect(location.relativePath(of: "/data/w/a/b") == "a/b")
        #expect(location.relativePath(of: "/data/wx") == nil)
        #expect(Location(role: .backup, index: 0, path: "/").relativePath(of: "/x") == "x")
    }
}
