import Foundation
import TestSupport
import Testing

@testable import MicsyncKit

/// Real directories for the locations, so that accessibility is real too.
struct Locations {
    private let box: Sandbox
    let root: String

    init() throws {
        box = try Sandbox()
        root = FileSystem.realPath(box.root)!
    }

    /// `name` under the root; created (accessible) unless `unplugged`.
    func location(_ role: Role, _ index: Int, _ name: String, unplugged: Bool = false) throws -> Location {
        if !unplugged {
            try FileManager.default.createDirectory(atPath: root + "/" + name, withIntermediateDirectories: true)
        }
        return Location(role: role, index: index, path: root + "/" + name)
    }

    func configuration(_ name: String, working: [String], backups: [String], unplugged: Set<String> = []) throws
        -> Configuration
    {
        func locations(_ role: Role, _ names: [String]) throws -> [Location] {
            try names.enumerated().map { try location(role, $0, $1, unplugged: unplugged.contains($1)) }
        }
        return Configuration(
            name: name, working: try locations(.working, working),
            backups: try locations(.backup, backups))
    }
}

@Suite struct ScopeResolverTests {
    @Test func pathsOfOneLocationMakeOneSortedScope() throws {
        let places = try Locations()
        let main = try places.configuration("main", working: ["w"], backups: ["b1", "b2"])
        let resolver = ScopeResolver(
            configurations: [main], resolver: PathResolver(base: places.root),
            questions: Questions(source: ScriptedAnswers(), terminal: .recording(RecordingSink())))
        let scope = try resolver.resolve(["b1/z", "b1/a/x", places.root + "/b1/z/"], configurationName: nil)
        #expect(scope.typedIn == main.backups[0])
        #expect(scope.relativePaths == ["a/x", "z"])
        #expect(try resolver.resolve(["b1/a", "b1"], configurationName: nil).relativePaths == [""])
    }

    @Test func pathsInTwoLocationsOrNoneAreErrors() throws {
        let places = try Locations()
        let main = try places.configuration("main", working: ["w"], backups: ["b1"])
        let resolver = ScopeResolver(
            configurations: [main], resolver: PathResolver(base: places.root),
            questions: Questions(source: ScriptedAnswers(), terminal: .recording(RecordingSink())))
        #expect { try resolver.resolve(["w/a", "b1/a"], configurationName: nil) } throws: { error in
            (error as? MicsyncError)?.status == .usage && "\(error)".contains("same location")
        }
        #expect { try resolver.resolve(["elsewhere/a"], configurationName: nil) } throws: { error in
            (error as? MicsyncError)?.status == .notFound && "\(error)".contains("\"main\"")
        }
        #expect { try resolver.resolve(["w"], configurationName: "nosuch") } throws: { error in
            (error as? MicsyncError)?.status == .usage && "\(error)".contains("no configuration is named \"nosuch\"")
        }
    }

    @Test func aPathInSeveralConfigurationsAsksOrTakesTheNamedOne() throws {
        let places = try Locations()
        let first = try places.configuration("first", working: ["w"], backups: ["b1"])
        let second = try places.configuration("second", working: ["w"], backups: ["b2"])
        let answers = ScriptedAnswers("1")
        let asking = ScopeResolver(
            configurations: [first, second], resolver: PathResolver(base: places.root),
            questions: Questions(source: answers, terminal: .recording(RecordingSink())))
        #expect(try asking.resolve(["w/docs"], configurationName: nil).configuration.name == "second")
        #expect(answers.asked == 1)
        #expect(try asking.resolve(["w/docs"], configurationName: "first").configuration.name == "first")
        #expect(answers.asked == 1, "--config-name answers the question")
        #expect { try asking.resolve(["w/docs"], configurationName: nil) } throws: { error in
            (error as? MicsyncError)?.status == .cancelled
        }
    }
}

@Suite struct LocationChooserTests {
    func chooser(_ configuration: Configuration, typedIn: Location, answers: ScriptedAnswers = ScriptedAnswers())
        -> LocationChooser
    {
        LocationChooser(
            scope: Scope(configuration: configuration, typedIn: typedIn, relativePaths: [""]),
            questions: Questions(source: answers, terminal: .recording(RecordingSink())),
            resolver: PathResolver(base: "/"),
            // The state folder beside the locations, in their sandbox.
            locations: LocationBook(
                state: StateHome(path: (configuration.working[0].path as NSString).deletingLastPathComponent + "/state")
            ))
    }

    @Test func theTypedInLocationIsTakenWhenItHasTheRole() throws {
        let places = try Locations()
        let main = try places.configuration("main", working: ["w"], backups: ["b1", "b2"])
        let answers = ScriptedAnswers()
        let typedInBackup = chooser(main, typedIn: main.backups[1], answers: answers)
        #expect(try typedInBackup.one(.backup, named: [], purpose: "source") == main.backups[1])
        #expect(try typedInBackup.one(.working, named: [], purpose: "destination") == main.working[0], "the only one")
        #expect(answers.asked == 0)
    }

    @Test func flagsNameByIndexOrPathAndRejectOthers() throws {
        let places = try Locations()
        let main = try places.configuration("main", working: ["w"], backups: ["b1", "b2", "b3"])
        let chooser = chooser(main, typedIn: main.working[0])
        #expect(try chooser.one(.backup, named: ["2"], purpose: "source") == main.backups[2])
        #expect(
            try chooser.several(.backup, named: ["0", places.root + "/b2", "0"], purpose: "destination", all: false)
                == [main.backups[0], main.backups[1]])
        #expect { try chooser.one(.backup, named: ["7"], purpose: "source") } throws: { error in
            (error as? MicsyncError)?.status == .usage && "\(error)".contains("2: \(places.root)/b3")
        }
        #expect { try chooser.one(.backup, named: ["0", "1"], purpose: "source") } throws: { error in
            (error as? MicsyncError)?.status == .usage
        }
        #expect {
            try chooser.several(
                .backup, named: ["1"], purpose: "destination", excluding: [main.backups[1]],
                all: false)
        } throws: { error in
            "\(error)".contains("cannot be both the source and a destination")
        }
    }

    @Test func unpluggedLocationsAreSkippedAndMenusAskAmongTheRest() throws {
        let places = try Locations()
        let main = try places.configuration("main", working: ["w"], backups: ["b1", "gone", "b3"], unplugged: ["gone"])
        let answers = ScriptedAnswers("5", "2")
        let chooser = chooser(main, typedIn: main.working[0], answers: answers)
        #expect(
            try chooser.several(.backup, named: [], purpose: "destination", all: true)
                == [main.backups[0], main.backups[2]])
        #expect(try chooser.one(.backup, named: [], purpose: "source") == main.backups[2], "5 is asked again, 2 taken")
        #expect(answers.asked == 2)
        #expect { try chooser.one(.backup, named: ["1"], purpose: "source") } throws: { error in
            (error as? MicsyncError)?.status == .notFound && "\(error)".contains("not accessible")
        }
    }

    @Test func noAccessibleCandidateIsNotFound() throws {
        let places = try Locations()
        let main = try places.configuration("main", working: ["w"], backups: ["gone"], unplugged: ["gone"])
        let chooser = chooser(main, typedIn: main.working[0])
        #expect { try chooser.one(.backup, named: [], purpose: "source") } throws: { error in
            (error as? MicsyncError)?.status == .notFound && "\(error)".contains("no BACKUP of configuration \"main\"")
        }
    }
}

@Suite struct LoadedConfigTests {
    @Test func configNameChoosesOneConfigurationOrNamesThemAll() throws {
        let places = try Locations()
        let first = try places.configuration("first", working: ["w1"], backups: ["b1"])
        let second = try places.configuration("second", working: ["w2"], backups: ["b2"])
        let found = ConfigLocator.Found(file: places.root + "/config.json", reason: "test")
        func loaded(_ name: String?) -> LoadedConfig {
            LoadedConfig(found: found, configurations: [first, second], configurationName: name)
        }
        #expect(try loaded(nil).chosen().map(\.name) == ["first", "second"])
        #expect(try loaded("second").chosen().map(\.name) == ["second"])
        #expect { try loaded("third").chosen() } throws: { error in
            (error as? MicsyncError)?.status == .usage && "\(error)".contains("\"first\", \"second\"")
        }
    }
}
