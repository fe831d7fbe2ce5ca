import ArgumentParser
import Diagnostics

/// "Did you mean": a misspelt subcommand or option gets the nearest one, found by the
/// same rule as every other suggestion (`Diagnostics.Suggestion`).
extension Credits {
    /// The message for a usage error, with a suggestion when a word on the command line
    /// is a typo of a subcommand or of an option of the command it was given to.
    static func usageMessage(for error: Error, arguments: [String]) -> String {
        let message = fullMessage(for: error)
        let (command, rest) = subcommand(of: arguments)
        let usage = message.split(separator: "\n").drop { !$0.hasPrefix("Usage:") }.joined(separator: "\n")
        // A misspelt subcommand first: the options after it belong to the command meant.
        let subcommands = command.configuration.subcommands.map { $0._commandName }
        if let word = rest.first, !word.hasPrefix("-"), !subcommands.isEmpty {
            let hint = Suggestion.hint(for: word, among: subcommands)
            if !hint.isEmpty { return "Error: Unexpected argument '\(word)'" + hint + (usage.isEmpty ? "" : "\n" + usage) }
        }
        // Then an unknown option: ArgumentParser may report a missing one instead
        // (`--snapshto` leaves `--snapshot` missing).
        let options = optionNames(of: command)
        for word in rest.prefix(while: { $0 != "--" }) where word.hasPrefix("--") {
            let name = String(word.split(separator: "=", maxSplits: 1)[0])
            guard !options.contains(name) else { continue }
            return "Error: Unknown option '\(name)'" + Suggestion.hint(for: name, among: options) + (usage.isEmpty ? "" : "\n" + usage)
        }
        return message
    }

    /// The subcommand the arguments name (the deepest), and the arguments after its name.
    static func subcommand(of arguments: [String]) -> (ParsableCommand.Type, ArraySlice<String>) {
        var command: ParsableCommand.Type = Credits.self
        var rest = arguments[...]
        while let word = rest.first, let next = command.configuration.subcommands.first(where: { $0._commandName == word }) {
            command = next
            rest = rest.dropFirst()
        }
        return (command, rest)
    }

    /// The long options a command takes, read from its help (ArgumentParser has no other
    /// public list of them), with `--help` and `--version`.
    static func optionNames(of command: ParsableCommand.Type) -> [String] {
        var names: Set<String> = ["--help", "--version"]
        let help = helpMessage(for: command)
        var index = help.startIndex
        while let range = help[index...].range(of: "--") {
            let name = help[range.upperBound...].prefix { $0.isLetter || $0.isNumber || $0 == "-" }
            if let first = name.first, first.isLetter { names.insert("--" + name) }
            index = range.upperBound
        }
        return names.sorted()
    }
}
