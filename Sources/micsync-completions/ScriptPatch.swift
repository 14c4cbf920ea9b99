import MicsyncCommands

/// The few edits micsync makes to ArgumentParser's scripts, each documented here. A patch must find its text:
/// an ArgumentParser upgrade that changes it stops the generator, instead of shipping a script silently unpatched.
struct ScriptPatch {
    let find: String
    let replacement: String

    func apply(to script: String) -> String {
        guard script.contains(find) else {
            fatalError("ArgumentParser's script changed: update the ScriptPatch for `\(find)`")
        }
        return script.replacingOccurrences(of: find, with: replacement)
    }

    static func all(for shell: Shell) -> [ScriptPatch] {
        var patches = [originalSpelling(shell)] + helpActions(shell)
        switch shell {
        case .bash: patches += bashLiveCandidates
        case .zsh: break
        case .fish: patches.append(fishCursorInToken)
        }
        return patches
    }

    /// bash inserts COMPREPLY's words as they are, but `-o filenames` (which the script needs for paths) makes
    /// readline show only the last folder of each candidate and quote it as a file name. The live candidates
    /// (locations, configuration names, trash timestamps) come from `micsync` already filtered by what was
    /// typed and quoted for the line (`CompletionCandidates`), so they are added without `compgen` and without
    /// `-o filenames`: full paths are shown, and `Photo\ archive` or `"Photo archive"` completes as typed.
    /// `-o nosort` keeps micsync's order (locations by number, trash timestamps newest first), as fish does.
    static let bashLiveCandidates = [
        ScriptPatch(
            find: "__micsync_custom_complete() {\n",
            replacement: #"""
                # micsync: live candidates arrive filtered and quoted for the line (micsync-completions: ScriptPatch)
                __micsync_add_custom_completions() {
                    compopt +o filenames -o nosort 2>/dev/null
                    local completion
                    while IFS='' read -r completion; do
                        [[ -n "${completion}" ]] && COMPREPLY+=("${completion}")
                    done <<< "${1}"
                }

                __micsync_custom_complete() {

                """#),
        ScriptPatch(
            find: #"__micsync_add_completions -W "$(__micsync_custom_complete "#,
            replacement: #"__micsync_add_custom_completions "$(__micsync_custom_complete "#),
    ]

    /// ArgumentParser's `help` subcommand completes nothing after `micsync help`: offer the actions.
    static func helpActions(_ shell: Shell) -> [ScriptPatch] {
        let actions = Registry.commands.compactMap { command in
            command.configuration.commandName.map { (name: $0, abstract: command.configuration.abstract) }
        }
        let comment = "# micsync: `help` completes the actions (micsync-completions: ScriptPatch)\n"
        switch shell {
        case .bash:
            let anchor =
                "_micsync_help() {\n    repeating_flags=()\n    non_repeating_flags=(--version)\n"
                + "    repeating_options=()\n    non_repeating_options=()\n    __micsync_offer_flags_options -1\n"
            let words = actions.map(\.name).joined(separator: "\\n")
            return [
                ScriptPatch(
                    find: anchor,
                    replacement: anchor + "    " + comment + """
                            if [[ "${positional_number}" -eq 1 ]]; then
                                __micsync_add_completions -W $'\(words)'
                            fi

                        """)
            ]
        case .zsh:
            let entries = actions.map { singleQuoted($0.name + ":" + $0.abstract) }.joined(separator: "\n        ")
            return [
                ScriptPatch(
                    find: "_micsync_help() {\n",
                    replacement: comment + """
                        __micsync_help_actions() {
                            local -a actions=(
                                \(entries)
                            )
                            _describe -t actions action actions
                        }

                        _micsync_help() {

                        """),
                ScriptPatch(
                    find: "        '*:subcommands:'\n", replacement: "        '1:action:__micsync_help_actions'\n"),
            ]
        case .fish:
            let anchor =
                #"complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync help" version' -l 'version' -d 'Show the version.'"#
            let lines = actions.map { action in
                #"complete -c 'micsync' -n '__micsync_should_offer_completions_for_positional "micsync help" -eq 1' -fa "#
                    + singleQuoted(action.name, fish: true) + " -d " + singleQuoted(action.abstract, fish: true)
            }
            return [
                ScriptPatch(
                    find: anchor, replacement: ([anchor, String(comment.dropLast())] + lines).joined(separator: "\n"))
            ]
        }
    }

    /// `text` in single quotes for a POSIX shell, or for fish (which takes `\'` and `\\` inside them).
    private static func singleQuoted(_ text: String, fish: Bool = false) -> String {
        fish
            ? "'" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'") + "'"
            : "'" + text.replacingOccurrences(of: "'", with: #"'\''"#) + "'"
    }

    /// fish 3 answers `commandline -tC` (the cursor's offset in the current token) only inside an interactive
    /// reader, so `complete -C 'micsync … --from '` passed no offset to `micsync` and got no candidates. The
    /// length of the current token up to the cursor is the same number, in every context.
    static let fishCursorInToken = ScriptPatch(
        find: "(__micsync_tokens -tC)",
        replacement: #"(string length -- "$(commandline -ct)")"#)

    /// The root command declares `--backup`, `--work`, … (`OriginalActionFlag`), so the scripts already offer
    /// them at the root. But ArgumentParser cannot tell that such a flag stands for a subcommand: after
    /// `micsync --backup` its scripts would go on completing the root. This patch inserts a few lines at the top
    /// of the root function that do to the words typed before the cursor what `OriginalSpelling.rewrite` does to
    /// the arguments: the first `--ACTION`, with no ACTION and no `--` before it, moves to the front as `ACTION`.
    /// The rest of the script then completes `micsync ACTION …` as usual; the line handed to the `micsync`
    /// binary for live candidates stays as typed.
    static func originalSpelling(_ shell: Shell) -> ScriptPatch {
        let anchor =
            switch shell {
            case .bash: #"    local -a unparsed_words=("${COMP_WORDS[@]:1:${COMP_CWORD}}")"# + "\n"
            case .zsh: #"    local -ir current_word_index="$((CURRENT - 1))""# + "\n"
            case .fish: "    set -l unparsed_tokens (__micsync_tokens -pc)\n"
            }
        return ScriptPatch(find: anchor, replacement: anchor + originalSpellingRewrite(shell))
    }

    private static func originalSpellingRewrite(_ shell: Shell) -> String {
        let actions = Registry.originalSpellings
        let comment =
            "    # micsync: the original's `--ACTION` completes as `ACTION` (micsync-completions: ScriptPatch)\n"
        let stops = (["--"] + actions).joined(separator: "|")
        let originals = actions.map { "--" + $0 }.joined(separator: "|")
        switch shell {
        case .bash:
            return comment + """
                    local -i original_index
                    for ((original_index = 0; original_index < ${#unparsed_words[@]} - 1; original_index++)); do
                        case "${unparsed_words[original_index]}" in
                        \(stops))
                            break
                            ;;
                        \(originals))
                            unparsed_words=("${unparsed_words[original_index]#--}" "${unparsed_words[@]::original_index}" "${unparsed_words[@]:original_index+1}")
                            break
                            ;;
                        esac
                    done

                """
        case .zsh:
            return comment + """
                    local -i original_index
                    for ((original_index = 2; original_index < CURRENT; original_index++)); do
                        case "${words[original_index]}" in
                        \(stops))
                            break
                            ;;
                        \(originals))
                            words=("${words[1]}" "${words[original_index]#--}" "${(@)words[2,original_index-1]}" "${(@)words[original_index+1,-1]}")
                            break
                            ;;
                        esac
                    done

                """
        case .fish:
            return comment + """
                    for original_index in (seq 2 (count $unparsed_tokens))
                        switch $unparsed_tokens[$original_index]
                            case \(stops.replacingOccurrences(of: "|", with: " "))
                                break
                            case \(originals.replacingOccurrences(of: "|", with: " "))
                                set -l action (string sub -s 3 -- $unparsed_tokens[$original_index])
                                set -e unparsed_tokens[$original_index]
                                set unparsed_tokens $unparsed_tokens[1] $action $unparsed_tokens[2..]
                                break
                        end
                    end

                """
        }
    }
}
