import Foundation
import Testing

/// `-n --json`: the plan of any sync action as one JSON document.
@Suite struct JSONPlanTests {
    @Test func backupPlanIsOneDocumentWithSizes() async throws {
        let box = try Sandbox()
        try box.standard()
        try box.write("12345", at: "w/docs/new")
        try box.write("changed", at: "w/docs/changed")
        try box.write("old", at: "b1/docs/changed")
        let result = try await box.expectRun(["backup", "-n", "--json", "w/docs"], status: 0)
        let plan = try box.jsonObject(result.stdout)
        #expect(plan["action"] as? String == "backup")
        #expect(plan["configuration"] as? String == "main")
        #expect((plan["source"] as? [String: Any])?["path"] as? String == box.path("w"))
        let destinations = try #require(plan["destinations"] as? [[String: Any]])
        #expect(
            destinations.map { ($0["location"] as? [String: Any])?["path"] as? String } == [
                box.path("b1"), box.path("b2"),
            ])

        let first = destinations[0]
        let new = try #require(first["new"] as? [String: Any])
        let items = try #require(new["items"] as? [[String: Any]])
        #expect(items.contains { $0["path"] as? String == "docs/new" && $0["size"] as? Int == 5 })
        #expect(new["bytes"] as? Int == 5)
        let modified = try #require(first["modified"] as? [String: Any])
        #expect(modified["count"] as? Int == 1 && modified["bytes"] as? Int == 7)
        #expect((first["delete"] as? [String: Any])?["count"] as? Int == 0)
        #expect((destinations[1]["new"] as? [String: Any])?["count"] as? Int == 3, "docs/, docs/new, docs/changed")
        #expect(!box.exists("b1/docs/new"), "nothing changed")
    }

    @Test func workPlanListsDeletionsOnlyWhenDeleting() async throws {
        let box = try Sandbox()
        try box.standard(backups: 1)
        try box.writeAlike("kept", at: "kept", in: ["b1", "w"])
        try box.write("stray", at: "w/stray")
        let deleting = try box.jsonObject(
            try await box.expectRun(["work", "-n", "-d", "--json", "w"], status: 0).stdout)
        let delete = try #require((deleting["destinations"] as? [[String: Any]])?.first?["delete"] as? [String: Any])
        #expect((delete["items"] as? [[String: Any]])?.map { $0["path"] as? String } == ["stray"])
        let keeping = try box.jsonObject(try await box.expectRun(["work", "-n", "--json", "w"], status: 0).stdout)
        #expect(
            ((keeping["destinations"] as? [[String: Any]])?.first?["delete"] as? [String: Any])?["count"] as? Int == 0)
    }

    @Test func namesThatAreNotUTF8AreReadableAndExact() async throws {
        let box = try Sandbox()
        try box.standard(backups: 1)
        let name: [UInt8] = Array("caf".utf8) + [0xE9] + Array(" new\nline".utf8)
        let path = Array(box.path("w/").utf8) + name + [0]
        let file = path.withUnsafeBufferPointer { bytes in
            bytes.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_CREAT | O_WRONLY, 0o644) }
        }
        #expect(file >= 0)
        close(file)
        let result = try await box.expectRun(["backup", "-n", "--json", "w"], status: 0)
        let plan = try box.jsonObject(result.stdout)
        let items = try #require(
            ((plan["destinations"] as? [[String: Any]])?.first?["new"] as? [String: Any])?["items"] as? [[String: Any]])
        let item = try #require(items.first)
        #expect(item["path"] as? String == "caf\\xE9 new\\nline")
        #expect(item["pathBase64"] as? String == Data(name).base64EncodedString())
    }

    @Test func jsonWithoutDryRunIsAUsageError() async throws {
        let box = try Sandbox()
        try box.standard(backups: 1)
        let result = try await box.expectRun(["backup", "--json", "w"], status: 2)
        #expect(result.stderr.contains("-n"))
    }
}

/// `-n --json`: what rsync does not say (the size of what is deleted) and what the run leaves out.
@Suite struct JSONPlanExtrasTests {
    @Test func itemsToDeleteHaveTheirRealSizes() async throws {
        let box = try Sandbox()
        try box.standard(backups: 1)
        try box.writeAlike("kept", at: "kept", in: ["b1", "w"])
        try box.write("12345", at: "w/stray")
        try box.write("1234567", at: "w/old/deep")
        let result = try await box.expectRun(["work", "-n", "-d", "--json", "w"], status: 0)
        let json = try box.jsonObject(result.stdout)
        let delete = try #require((json["destinations"] as? [[String: Any]])?.first?["delete"] as? [String: Any])
        let items = try #require(delete["items"] as? [[String: Any]])
        let sizes = Dictionary(
            uniqueKeysWithValues: items.compactMap { item in
                (item["path"] as? String).map { ($0, item["size"] as? Int ?? -1) }
            })
        #expect(sizes["stray"] == 5 && sizes["old/deep"] == 7, "\(items)")
        #expect(delete["bytes"] as? Int == 12, "\(delete)")
    }

    @Test func skippedLocationsAreListedWithTheReason() async throws {
        let box = try Sandbox()
        try box.makeDirectory("w")
        try box.makeDirectory("b1")
        try box.configure([("main", ["w"], ["b1", "unplugged"])])
        try box.write("a", at: "w/a")
        let result = try await box.expectRun(["backup", "-n", "--json", "w"], status: 0)
        let json = try box.jsonObject(result.stdout)
        let skipped = try #require(json["skipped"] as? [[String: Any]], "\(result)")
        #expect(skipped.count == 1, "\(skipped)")
        let location = try #require(skipped.first?["location"] as? [String: Any])
        #expect(location["path"] as? String == box.path("unplugged") && location["role"] as? String == "BACKUP")
        #expect(location["index"] as? Int == 1)
        #expect((skipped.first?["reason"] as? String)?.contains("does not exist yet") == true, "\(skipped)")

        try box.makeDirectory("unplugged")
        let all = try box.jsonObject(try await box.expectRun(["backup", "-n", "--json", "w"], status: 0).stdout)
        #expect((all["skipped"] as? [Any])?.isEmpty == true, "\(all)")
    }
}
