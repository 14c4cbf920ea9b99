import Foundation
import TestSupport
import Testing

@testable import MicsyncKit

@Suite struct ConfigLoaderTests {
    let box: Sandbox
    let directory: String

    init() throws {
        box = try Sandbox()
        directory = box.root
        try box.makeDirectory("w")
    }

    func file(_ json: String) throws -> String {
        let path = directory + "/config.json"
        try json.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func problems(_ json: String) throws -> [String] {
        do {
            return try ConfigLoader(file: file(json)).check().problems
        } catch let error as MicsyncError {
            return [error.message]
        }
    }

    @Test func originalFormatLoadsWithHomeAndRelativePaths() throws {
        let path = try file(
            """
            {"configs": [{"name": "one", "work": ["./w/", "~/other"], "backup": ["/a/backup/", "it/may/be/relative"]}]}
            """)
        let set = try ConfigLoader(file: path).load()
        let configuration = try #require(set.configurations.first)
        #expect(configuration.name == "one")
        let realDirectory = FileSystem.realPath(directory)!
        #expect(configuration.working.map(\.path) == [realDirectory + "/w", FileSystem.homeDirectory + "/other"])
        #expect(configuration.backups.map(\.path) == ["/a/backup", realDirectory + "/it/may/be/relative"])
        #expect(configuration.trash && configuration.maxDeletePercent == 50 && configuration.exclude.isEmpty)
    }

    @Test func optionalKeys() throws {
        let path = try file(
            """
            {"configs": [{"name": "x", "work": ["/w"], "backup": ["/b"], "exclude": ["*.tmp"], "trash": false, "maxDeletePercent": 10}]}
            """)
        let configuration = try #require(try ConfigLoader(file: path).load().configurations.first)
        #expect(configuration.exclude == ["*.tmp"])
        #expect(configuration.trash == false)
        #expect(configuration.maxDeletePercent == 10)
    }

    @Test func syntaxErrorGivesLineAndColumn() throws {
        let found = try problems("{\n  \"configs\": [\n    {\"name\": \"a\",, }\n  ]\n}")
        #expect(found.count == 1)
        #expect(found[0].contains("config.json: line 3, column 18"), "\(found)")
    }

    @Test(arguments: [
        (
            #"{"configs": [{"name": "a", "work": ["/w"], "backup": ["/b"], "trsh": false}]}"#,
            #"configs[0]: unknown key "trsh"; did you mean "trash"?"#
        ),
        (#"{"confgs": []}"#, #"unknown key "confgs"; did you mean "configs"?"#),
        (#"{"configs": [{"work": ["/w"], "backup": ["/b"]}]}"#, #"configs[0]: missing "name""#),
        (#"{"configs": [{"name": "a", "backup": ["/b"]}]}"#, #"configs[0]: missing "work""#),
        (
            #"{"configs": [{"name": 3, "work": ["/w"], "backup": ["/b"]}]}"#,
            "configs[0].name: must be a string, found a number"
        ),
        (
            #"{"configs": [{"name": "a", "work": "/w", "backup": ["/b"]}]}"#,
            "configs[0].work: must be a list of strings, found a string"
        ),
        (
            #"{"configs": [{"name": "a", "work": ["/w"], "backup": [7]}]}"#,
            "configs[0].backup[0]: must be a string, found a number"
        ),
        (#"{"configs": [{"name": "a", "work": [], "backup": ["/b"]}]}"#, "configs[0].work: the list is empty"),
        (
            #"{"configs": [{"name": "a", "work": ["/w"], "backup": ["/b"], "trash": 1}]}"#,
            "configs[0].trash: must be true or false, found a number"
        ),
        (
            #"{"configs": [{"name": "a", "work": ["/w"], "backup": ["/b"], "maxDeletePercent": 150}]}"#,
            "configs[0].maxDeletePercent: must be a number from 0 to 100"
        ),
        (
            #"{"configs": [{"name": "a", "work": ["/w"], "backup": ["/b"]}, {"name": "a", "work": ["/x"], "backup": ["/y"]}]}"#,
            #"configs[1].name: "a" is already the name of configs[0]"#
        ),
        (
            #"{"configs": [{"name": "a", "work": ["/w", "/w/"], "backup": ["/b"]}]}"#,
            "work[0] /w is the same directory as work[1] /w"
        ),
        (
            #"{"configs": [{"name": "a", "work": ["/w"], "backup": ["/w/backup"]}]}"#,
            "work[0] /w overlaps (one contains the other) backup[0] /w/backup"
        ),
        (
            #"{"configs": [{"name": "a", "work": ["/w"], "backup": ["/b", "/b/c"]}]}"#,
            "backup[0] /b overlaps (one contains the other) backup[1] /b/c"
        ),
        (#"{"configs": []}"#, "configs: the list is empty"),
        (#"[1, 2]"#, "must hold an object"),
        ("", "invalid JSON"),
    ])
    func everyValidationError(json: String, expected: String) throws {
        let found = try problems(json)
        #expect(found.contains { $0.contains(expected) && $0.hasPrefix(directory + "/config.json:") }, "\(found)")
    }

    @Test func differentConfigurationsMayShareLocations() throws {
        let found = try problems(
            #"{"configs": [{"name": "a", "work": ["/w"], "backup": ["/b"]}, {"name": "b", "work": ["/w"], "backup": ["/b"]}]}"#
        )
        #expect(found.isEmpty)
    }

    @Test func lookupOrder() throws {
        let home = directory + "/home"
        try FileManager.default.createDirectory(atPath: home + "/.config/micsync", withIntermediateDirectories: true)
        let original = home + "/.micsync.json", xdg = home + "/.config/micsync/config.json"
        _ = FileManager.default.createFile(atPath: original, contents: Data())
        let locator = ConfigLocator(environment: [:], home: home, currentDirectory: directory)
        #expect(try locator.locate(explicit: nil).file == original)
        _ = FileManager.default.createFile(atPath: xdg, contents: Data())
        #expect(try locator.locate(explicit: nil).file == xdg)
        let named = ConfigLocator(
            environment: ["MICSYNC_CONFIG": "w/../env.json"], home: home, currentDirectory: directory)
        _ = FileManager.default.createFile(atPath: directory + "/env.json", contents: Data())
        #expect(try named.locate(explicit: nil).file == directory + "/env.json")
        #expect(try named.locate(explicit: "~/.micsync.json").file == original)
        #expect(throws: MicsyncError.self) { try named.locate(explicit: "missing.json") }
    }

    @Test func missingConfigSaysWhereItLookedAndHowToCreateOne() {
        let locator = ConfigLocator(environment: [:], home: directory + "/nohome", currentDirectory: directory)
        #expect {
            try locator.locate(explicit: nil)
        } throws: { error in
            let message = (error as? MicsyncError)?.message ?? ""
            return message.contains(".micsync.json") && message.contains("config.json")
                && message.contains("micsync config init")
        }
    }

    @Test func nearestKeyIsSuggested() {
        #expect(editDistance("maxDeletePercnt", "maxDeletePercent") == 1)
        #expect(editDistance("bakup", "backup") == 1)
    }
}
