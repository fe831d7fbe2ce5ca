/// `contains`, `startsWith` and `endsWith` on strings, and regex compilation for `matches`,, comparing code points without
/// Unicode normalisation, as CEL requires.
enum StringFunctions {
    static func contains(_ text: CELValue, _ part: CELValue) throws(OperationFailure) -> CELValue {
        guard case .string(let haystack) = text, case .string(let needle) = part else {
            throw .noOverload("contains", text, part)
        }
        return .bool(utf8Contains(haystack, needle))
    }

    static func startsWith(_ text: CELValue, _ prefix: CELValue) throws(OperationFailure) -> CELValue {
        guard case .string(let whole) = text, case .string(let start) = prefix else {
            throw .noOverload("startsWith", text, prefix)
        }
        return .bool(whole.utf8.starts(with: start.utf8))
    }

    static func endsWith(_ text: CELValue, _ suffix: CELValue) throws(OperationFailure) -> CELValue {
        guard case .string(let whole) = text, case .string(let end) = suffix else {
            throw .noOverload("endsWith", text, suffix)
        }
        let wholeCount = whole.utf8.count
        let endCount = end.utf8.count
        guard endCount <= wholeCount else { return .bool(false) }
        return .bool(whole.utf8.dropFirst(wholeCount - endCount).elementsEqual(end.utf8))
    }

    /// A compiled pattern, or the failure naming it.
    static func compile(_ pattern: String) throws(OperationFailure) -> CELRegex {
        do {
            return try CELRegex(pattern: pattern)
        } catch {
            throw OperationFailure(error.message)
        }
    }

    private static func utf8Contains(_ haystack: String, _ needle: String) -> Bool {
        let needleBytes = Array(needle.utf8)
        guard !needleBytes.isEmpty else { return true }
        let bytes = Array(haystack.utf8)
        guard needleBytes.count <= bytes.count else { return false }
        let first = needleBytes[0]
        for start in 0...(bytes.count - needleBytes.count) where bytes[start] == first {
            var index = 1
            while index < needleBytes.count, bytes[start + index] == needleBytes[index] { index += 1 }
            if index == needleBytes.count { return true }
        }
        return false
    }
}
