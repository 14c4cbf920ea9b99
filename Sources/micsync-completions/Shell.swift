import ArgumentParser
import MicsyncCommands

/// A shell micsync ships a completion script for, and the file name each shell looks for by default.
enum Shell: String, CaseIterable, ExpressibleByArgument {
    case bash, zsh, fish

    var fileName: String {
        switch self {
        case .bash: "micsync.bash"
        case .zsh: "_micsync"
        case .fish: "micsync.fish"
        }
    }

    /// ArgumentParser's script for the command tree, with micsync's `ScriptPatch`es applied.
    var script: String {
        // Every case is one of ArgumentParser's shells.
        let generated = Micsync.completionScript(for: CompletionShell(rawValue: rawValue)!)
        return ScriptPatch.all(for: self).reduce(generated) { $1.apply(to: $0) }
    }
}
