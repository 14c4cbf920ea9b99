import Foundation
import TestSupport

extension Sandbox {
    /// A throwaway HOME with a config of two configurations, where the committed scripts run in real shells
    /// with the built `micsync` first on PATH (it answers the live candidates).
    static func withTwoConfigurations() throws -> Sandbox {
        let box = try Sandbox()
        for directory in ["main/w", "main/b1", "main/b2", "other/w", "other/b"] { try box.makeDirectory(directory) }
        try box.write("x", at: "main/w/report.txt")
        try box.configure([("main", ["main/w"], ["main/b1", "main/b2"]), ("other", ["other/w"], ["other/b"])])
        return box
    }

    func locations(_ relatives: String...) -> [String] { relatives.map(path) }

    func breakConfig() throws {
        try write("{\"configs\": [ oops", to: configFile)
    }
}

extension Binary {
    /// A committed completion script.
    static func script(_ name: String) -> String { repository + "/completions/" + name }
}
