/// Rows of cells printed in aligned columns, each cell optionally coloured (colour never counts as width).
public struct TextTable {
    public struct Cell {
        public let text: String
        public let colour: Style.Colour?

        public init(_ text: String, _ colour: Style.Colour? = nil) {
            self.text = text
            self.colour = colour
        }
    }

    public var rows: [[Cell]] = []

    public init() {}

    public func lines(style: Style, indent: String = "  ") -> [String] {
        let columns = rows.map(\.count).max() ?? 0
        let widths = (0..<columns).map { column in rows.map { column < $0.count ? $0[column].text.count : 0 }.max()! }
        return rows.map { row in
            let cells = row.enumerated().map { column, cell in
                let padding = column == row.count - 1 ? 0 : widths[column] - cell.text.count
                return (cell.colour.map { style(cell.text, $0) } ?? cell.text) + String(repeating: " ", count: padding)
            }
            var line = indent + cells.joined(separator: "  ")
            while line.last == " " { line.removeLast() }
            return line
        }
    }
}
