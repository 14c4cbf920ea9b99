/// Long paths cut in the middle (`/media/disc/…/photos/2024`): their start says where, their end says what.
public enum MiddleElision {
    public static func elided(_ text: String, to width: Int) -> String {
        guard text.count > width, width > 1 else { return text }
        let tail = (width - 1) / 2
        return text.prefix(width - 1 - tail) + "…" + text.suffix(tail)
    }
}
