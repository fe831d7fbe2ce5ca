/// "Did you mean": the one helper every layer uses (CEL names, YAML and JSON keys,
/// plan names, subcommands and options), so that a typo is caught by the same rule
/// everywhere and worded the same way.
public enum Suggestion {
    /// The candidate nearest to `word` (Levenshtein distance, case ignored) when it is
    /// near enough to be a typo: at most one edit per three characters, at least one.
    /// Ties go to the candidate first in alphabetical order.
    public static func closest(to word: String, among candidates: [String]) -> String? {
        let limit = max(1, word.count / 3)
        let lowered = word.lowercased()
        var best: (candidate: String, distance: Int)?
        for candidate in candidates where candidate != word {
            let distance = editDistance(lowered, candidate.lowercased())
            guard distance <= limit else { continue }
            if best == nil || (distance, candidate) < (best!.distance, best!.candidate) { best = (candidate, distance) }
        }
        return best?.candidate
    }

    /// ` (did you mean 'since'?)`, or nothing when no candidate is near: to append to a message.
    public static func hint(for word: String, among candidates: [String]) -> String {
        closest(to: word, among: candidates).map { " (did you mean '\($0)'?)" } ?? ""
    }

    /// Levenshtein distance over characters.
    public static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = previous
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}

/// The wording of the two problems every mapping reader finds (snapshot, policy, rule
/// files), written once.
public enum KeyProblem {
    /// `unknown key 'amout' in an entry (did you mean 'amount'?; allowed: amount, at, id)`.
    public static func unknown(_ key: String, in what: String, allowed: [String]) -> String {
        let hint = Suggestion.closest(to: key, among: allowed).map { "did you mean '\($0)'? " } ?? ""
        return "unknown key '\(key)' in \(what) (\(hint)allowed: \(allowed.sorted().joined(separator: ", ")))"
    }

    /// `duplicate key 'id' in an entry (first at line 4)`.
    public static func duplicate(_ key: String, in what: String, firstLine: Int?) -> String {
        "duplicate key '\(key)' in \(what)" + (firstLine.map { " (first at line \($0))" } ?? "")
    }
}
