/// Lays out rows of cells as aligned columns for a terminal: the credits log's table
/// and the entries under each cause of `credits explain` line up the same way.
public enum TextColumns {
    /// Columns padded to their widest cell (counted in characters) and joined by two
    /// spaces; the `rightAligned` columns (amounts) are padded on the left. Trailing
    /// spaces are trimmed.
    public static func aligned(_ table: [[String]], rightAligned: Set<Int> = []) -> [String] {
        let columns = table.map(\.count).max() ?? 0
        let widths = (0..<columns).map { column in table.map { column < $0.count ? $0[column].count : 0 }.max() ?? 0 }
        return table.map { cells in
            var line = ""
            for (column, cell) in cells.enumerated() {
                let padding = String(repeating: " ", count: widths[column] - cell.count)
                if column > 0 { line += "  " }
                line += rightAligned.contains(column) ? padding + cell : cell + padding
            }
            while line.hasSuffix(" ") { line.removeLast() }
            return line
        }
    }
}
