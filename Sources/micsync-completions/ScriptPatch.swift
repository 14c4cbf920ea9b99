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
        [originalSpelling(shell)] + (shell == .fish ? [fishCursorInToken] : [])
    }

    /// fish 3 answers `commandline -tC` (the cursor's offset in the current token) only inside an interactive
    /// reader, so `complete -C 'micsync … --from '` passed no offset to `micsync` and got no candidates. The
    /// length of the current token up to the cursor is the same number, in every context.
    static let fishCursorInToken = ScriptPatch(find: "(__micsync_tokens -tC)",
                                               replacement: #"(string length -- "$(commandline -ct)")"#)

    /// The root command declares `--backup`, `--work`, … (`OriginalActionFlag`), so the scripts already offer
    /// them at the root. But ArgumentParser cannot tell that such a flag stands for a subcommand: after
    /// `micsync --backup` its scripts would go on completing the root. This patch inserts a few lines at the top
    /// of the root function that do to the words typed before the cursor what `OriginalSpelling.rewrite` does to
    /// the arguments: the first `--ACTION`, with no ACTION and no `--` before it, moves to the front as `ACTION`.
    /// The rest of the script then completes `micsync ACTION …` as usual; the line handed to the `micsync`
    /// binary for live candidates stays as typed.
    static func originalSpelling(_ shell: Shell) -> ScriptPatch {
        let anchor = switch shell {
        case .bash: #"    local -a unparsed_words=("${COMP_WORDS[@]:1:${COMP_CWORD}}")"# + "\n"
        case .zsh: #"    local -ir current_word_index="$((CURRENT - 1))""# + "\n"
        case .fish: "    set -l unparsed_tokens (__micsync_tokens -pc)\n"
        }
        return ScriptPatch(find: anchor, replacement: anchor + originalSpellingRewrite(shell))
    }

    private static func originalSpellingRewrite(_ shell: Shell) -> String {
        let actions = Registry.originalSpellings
        let comment = "    # micsync: the original's `--ACTION` completes as `ACTION` (micsync-completions: ScriptPatch)\n"
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
