import Foundation
import TestSupport

/// A shell that runs the committed script for real, and what its TAB offered.
enum TestShell: String, CaseIterable, CustomStringConvertible {
    case bash, zsh, fish

    var description: String { rawValue }
}

struct Completion: CustomStringConvertible {
    /// The candidates, directories without their trailing slash.
    let candidates: [String]
    /// Anything the shell or `micsync` printed besides the candidates (an error would land here).
    let noise: String

    var description: String { "candidates: \(candidates)\nnoise: \(noise)" }

    var names: [String] { candidates.map { ($0 as NSString).lastPathComponent } }
}

extension Sandbox {
    /// What TAB offers at the end of `line` in `shell`, with the committed script loaded the way a user's
    /// shell loads it.
    func complete(_ line: String, in shell: TestShell, environment: [String: String] = [:]) throws -> Completion {
        switch shell {
        case .bash:
            let output = try run("/usr/bin/env", ["bash", "--norc", "--noprofile", "-c", Self.bashDriver,
                                                  "bash", Binary.script("micsync.bash"), line], environment: environment)
            return Completion(candidates: output.lines.map(Self.withoutSlash), noise: output.stderr)
        case .fish:
            let output = try run("/usr/bin/env", ["fish", "--no-config", "-c",
                                                  "source $argv[1]; complete -C $argv[2]",
                                                  Binary.script("micsync.fish"), line], environment: environment)
            let candidates = output.lines.map { String($0.prefix { $0 != "\t" }) }
            return Completion(candidates: candidates.map(Self.withoutSlash), noise: output.stderr)
        case .zsh:
            try Self.zshSetup.write(toFile: path("setup.zsh"), atomically: false, encoding: .utf8)
            let output = try run("/usr/bin/env", ["timeout", "30", "zsh", "-f", "-c", Self.zshDriver, "zsh",
                                                  path("setup.zsh"), line], environment: environment)
            let screen = output.stdout.replacingOccurrences(of: "\r", with: "").split(separator: "\n")
            // The first hit shares its line with the typed text; zsh shows a match added twice once.
            var seen = Set<String>()
            let hits = screen.compactMap { line in line.range(of: "<hit>").map { String(line[$0.upperBound...]) } }
                .filter { seen.insert($0).inserted }
            let errors = screen.filter { $0.contains("rror") || $0.contains("micsync:") }
            return Completion(candidates: hits.map(Self.withoutSlash),
                              noise: output.stderr + errors.joined(separator: "\n"))
        }
    }

    private static func withoutSlash(_ candidate: String) -> String {
        candidate.count > 1 && candidate.hasSuffix("/") ? String(candidate.dropLast()) : candidate
    }

    /// bash: fills COMP_WORDS, COMP_CWORD, COMP_LINE and COMP_POINT for the line, calls the function that
    /// `complete -p micsync` names, prints COMPREPLY.
    private static let bashDriver = #"""
        source /usr/share/bash-completion/bash_completion
        source "$1"
        line="$2"
        read -ra COMP_WORDS <<< "$line"
        [[ "$line" == *" " ]] && COMP_WORDS+=("")
        COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
        COMP_LINE="$line"
        COMP_POINT=${#line}
        function=$(complete -p micsync)
        function=${function##*-F }
        "${function%% *}" micsync "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
        (( ${#COMPREPLY[@]} == 0 )) || printf '%s\n' "${COMPREPLY[@]}"
        """#

    /// zsh: an interactive `zsh -f` on a pseudo-terminal (zpty) with compinit finding `_micsync` in
    /// completions/ through fpath; the line is typed, then TAB. Every candidate zsh adds is printed as `<hit>…`.
    private static let zshDriver = #"""
        zmodload zsh/zpty
        zpty z zsh -f -i
        zpty -w z "source ${(q)1}"
        zpty -r z output '*<ready>*'
        zpty -w -n z "$2"$'\t'
        zpty -r z output '*<done>*'
        print -r -- "$output"
        """#

    private static var zshSetup: String {
        #"""
        PROMPT=''
        fpath=(\#(Binary.repository)/completions $fpath)
        autoload -U compinit && compinit -u -D
        bindkey '^I' complete-word
        compadd() {
            if [[ ${@[1,(i)(-|--)]} == *-(O|A|D)\ * ]]; then builtin compadd "$@"; return; fi
            local -a hits
            builtin compadd -A hits "$@"
            local hit
            for hit in $hits; do print -r -- "<hit>$hit"; done
        }
        captured() { print -r -- '<done>'; exit }
        comppostfuncs=(captured)
        print '<ready>'
        """#
    }
}
