import Foundation
import TestSupport

/// A shell that runs the committed script for real, and what its TAB offered.
enum TestShell: String, CaseIterable, CustomStringConvertible {
    case bash, zsh, fish

    var description: String { rawValue }
}

struct Completion: CustomStringConvertible {
    /// The candidates, directories without their trailing slash (bash and zsh: quoted as they would be inserted).
    let candidates: [String]
    /// Anything the shell or `micsync` printed besides the candidates (an error would land here).
    let noise: String
    /// zsh and fish: each candidate shown with its description, as `value -- description`.
    var described: [String] = []
    /// bash: the list readline printed under the line, one candidate a line.
    var shown: [String] = []
    /// bash: the command line after TAB.
    var line: String = ""

    var description: String {
        "candidates: \(candidates)\ndescribed: \(described)\nshown: \(shown)\nline: \(line)\nnoise: \(noise)"
    }

    var names: [String] { candidates.map { ($0 as NSString).lastPathComponent } }
}

extension Sandbox {
    /// What TAB offers at the end of `line` in `shell`, with the committed script loaded the way a user's
    /// shell loads it.
    func complete(_ line: String, in shell: TestShell, environment: [String: String] = [:]) async throws -> Completion {
        switch shell {
        case .bash:
            let (screen, noise) = try await typeOnTerminal(
                line, driver: Self.bashDriver, setup: Self.bashSetup, "bash",
                environment: environment)
            let typed = Self.marked("<line>", in: screen).map { String($0.prefix { $0 != "<" }) }
            // readline's list, without the line it redraws below it.
            let shown = screen.filter { !$0.contains("<") && !$0.isEmpty && !$0.hasPrefix(line) }
            return Completion(
                candidates: Self.marked("<hit>", in: screen).filter { !$0.isEmpty }.map(Self.withoutSlash),
                noise: noise, shown: shown, line: typed.last ?? "")
        case .fish:
            let output = try await run(
                "/usr/bin/env",
                [
                    "fish", "--no-config", "-c",
                    "source $argv[1]; complete -C $argv[2]",
                    Binary.script("micsync.fish"), line,
                ], environment: environment)
            let candidates = output.lines.map { String($0.prefix { $0 != "\t" }) }
            let described = output.lines.filter { $0.contains("\t") }.map {
                $0.replacingOccurrences(of: "\t", with: " -- ")
            }
            return Completion(candidates: candidates.map(Self.withoutSlash), noise: output.stderr, described: described)
        case .zsh:
            let (screen, noise) = try await typeOnTerminal(
                line, driver: Self.zshDriver, setup: Self.zshSetup, "zsh",
                environment: environment)
            // The first hit shares its line with the typed text; zsh shows a match added twice once.
            var seen = Set<String>()
            let hits = Self.marked("<hit>", in: screen).filter { seen.insert($0).inserted }
            // `value    -- description`, padded into columns: one space each side of the dashes.
            let described = Self.marked("<desc>", in: screen).map {
                $0.replacingOccurrences(of: #" +-- "#, with: " -- ", options: .regularExpression)
            }
            return Completion(candidates: hits.map(Self.withoutSlash), noise: noise, described: described)
        }
    }

    /// Types `line` and TAB into an interactive shell on a pseudo-terminal (zsh's zpty runs `driver` with the
    /// shell's `setup` file); returns the screen's lines and what looks like an error on it or on stderr.
    private func typeOnTerminal(
        _ line: String, driver: String, setup: String, _ shell: String, environment: [String: String]
    ) async throws -> (screen: [String], noise: String) {
        try setup.write(toFile: path("setup.\(shell)"), atomically: false, encoding: .utf8)
        let output = try await run(
            "/usr/bin/env", ["timeout", "30", "zsh", "-f", "-c", driver, "zsh", path("setup.\(shell)"), line],
            environment: environment)
        let screen = output.stdout.replacingOccurrences(of: "\r", with: "").split(separator: "\n").map(String.init)
        let errors = screen.filter { $0.contains("rror") || $0.contains("micsync:") || $0.contains("not found") }
        return (screen, output.stderr + errors.joined(separator: "\n"))
    }

    /// What follows `marker` on each screen line that has it.
    private static func marked(_ marker: String, in screen: [String]) -> [String] {
        screen.compactMap { line in line.range(of: marker).map { String(line[$0.upperBound...]) } }
    }

    private static func withoutSlash(_ candidate: String) -> String {
        candidate.count > 1 && candidate.hasSuffix("/") ? String(candidate.dropLast()) : candidate
    }

    /// bash: an interactive `bash --norc` on a pseudo-terminal (zsh's zpty) with bash-completion and the
    /// committed script loaded; the line is typed, then TAB, so readline splits the words as for a user. The
    /// script's function is wrapped to print COMPREPLY as `<hit>…`; readline lists the candidates one a line;
    /// then a key bound to a shell function prints the line as `<line>…</line>`.
    private static let bashDriver = #"""
        zmodload zsh/zpty
        zpty b bash --norc --noprofile -i
        zpty -w b "source ${(q)1}"
        zpty -r b output '*<ready>*'
        zpty -w -n b "$2"$'\t'
        zpty -w -n b $'\C-x'
        zpty -r b output '*</line>*'
        print -r -- "$output"
        """#

    private static var bashSetup: String {
        #"""
        PS1=''
        source /usr/share/bash-completion/bash_completion
        source \#(Binary.script("micsync.bash"))
        bind 'set completion-display-width 0'
        bind 'set show-all-if-ambiguous on'
        bind 'set completion-query-items 0'
        bind 'set page-completions off'
        bind 'set enable-bracketed-paste off'
        bind -x '"\C-x": printf "<line>%s</line>\n" "$READLINE_LINE"'
        eval "$(declare -f _micsync | sed '1s/_micsync/__micsync_as_shipped/')"
        _micsync() { __micsync_as_shipped "$@"; printf '<hit>%s\n' "${COMPREPLY[@]}" > /dev/tty; }
        echo '<ready>'
        """#
    }

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
        stty columns 500
        fpath=(\#(Binary.repository)/completions $fpath)
        autoload -U compinit && compinit -u -D
        bindkey '^I' complete-word
        compadd() {
            if [[ ${@[1,(i)(-|--)]} == *-(O|A|D)\ * ]]; then builtin compadd "$@"; return; fi
            local -a hits
            builtin compadd -A hits "$@"
            local hit
            for hit in $hits; do print -r -- "<hit>$hit"; done
            local described=${@[(i)-d]}
            if (( described < $# )); then
                local line
                for line in ${(P)@[described + 1]}; do print -r -- "<desc>$line"; done
            fi
        }
        captured() { print -r -- '<done>'; exit }
        comppostfuncs=(captured)
        print '<ready>'
        """#
    }
}
