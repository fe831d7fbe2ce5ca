#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How wide text output may be: `COLUMNS` when set, else the terminal's width when
/// standard output is one, else `TextReport.defaultWidth` (100: a file or a pipe).
enum TerminalWidth {
    static func current(environment: [String: String], defaultWidth: Int) -> Int {
        if let text = environment["COLUMNS"], let columns = Int(text), columns > 0 { return columns }
        guard isatty(STDOUT_FILENO) == 1 else { return defaultWidth }
        var size = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return defaultWidth }
        return Int(size.ws_col)
    }
}
