/// Long paths cut in the middle (`/media/disc/…/photos/2024`): their start says where, their end says what.
public enum MiddleElision {
    public static func elided(_ text: String, to width: Int) -> String {
        guard text.count > width, width > 1 else { return text }
        let tail = (width - 1) / 2
        return text.prefix(width - 1 - tail) + "…" + text.suffix(tail)
    }

    /// Each of `texts` cut to `width`, in the middle where that tells them apart; where it would not
    /// (`/media/disc-one/Backups` and `/media/disc-two/Backups` both `/media/d…/Backups`), cut around where it
    /// first differs from the others, so that no two that differ read alike.
    public static func distinct(_ texts: [String], to width: Int) -> [String] {
        let cut = texts.map { elided($0, to: width) }
        return texts.indices.map { index in
            let text = Array(texts[index])
            guard text.count > width, width > 2,
                texts.indices.contains(where: { $0 != index && cut[$0] == cut[index] && texts[$0] != texts[index] })
            else { return cut[index] }
            let differs =
                texts.filter { $0 != texts[index] }.map { other in
                    zip(text, other).prefix { $0 == $1 }.count
                }.max() ?? 0
            // The end, from just before where it differs, when that fits; else a window around that place.
            if text.count - differs <= width - 1 { return "…" + String(text.suffix(width - 1)) }
            let start = max(1, differs - (width - 2) / 4)
            return "…" + String(text[start..<min(text.count, start + width - 2)]) + "…"
        }
    }
}
