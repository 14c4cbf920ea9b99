/// One pattern of an `exclude` list (a configuration's, or `--exclude` on a run), handed to rsync as
/// `--exclude=PATTERN`. micsync's own rules come first in every filter list and rsync takes the first rule
/// that matches, so no pattern can bring micsync's folders back, except one that clears the list: rsync reads
/// exactly `!` so. `clear` is `!`'s name in rsync's long filter syntax: whoever writes it means the clearing,
/// and is told how to leave out a file of that name instead.
public enum ExcludeRule {
    /// Why `pattern` cannot be used; nil when it can.
    public static func problem(_ pattern: String) -> String? {
        switch pattern {
        case "!", "clear":
            return "\"\(DisplayName.readable(pattern))\" would clear the list of excluded patterns, micsync's own "
                + "among them (its .micsync folders would then be synced and deleted); to leave out files named "
                + "\(DisplayName.readable(pattern)), write \"- \(DisplayName.readable(pattern))\""
        case "", "- ", "+ ": return "the pattern \"\(pattern)\" is empty; rsync cannot read it"
        default: return nil
        }
    }
}
