extension CELValue {
    /// CEL equality: numbers compare by value across int, uint and double; values of different kinds are unequal;
    /// strings compare by code point, without normalisation.
    public func celEquals(_ other: CELValue) -> Bool {
        switch (self, other) {
        case (.null, .null): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.int(let a), .int(let b)): return a == b
        case (.string(let a), .string(let b)): return a.hasSameCodePoints(as: b)
        case (.uint(let a), .uint(let b)): return a == b
        case (.double(let a), .double(let b)): return a == b
        case (.int, .uint), (.int, .double), (.uint, .int), (.uint, .double), (.double, .int), (.double, .uint):
            return CELValue.compareNumbers(self, other) == 0
        case (.bytes(let a), .bytes(let b)): return a == b
        case (.list(let a), .list(let b)):
            guard a.count == b.count else { return false }
            for index in a.indices where !a[index].celEquals(b[index]) { return false }
            return true
        case (.map(let a), .map(let b)):
            guard a.count == b.count else { return false }
            for (key, value) in a.pairs {
                guard let found = b[key], found.celEquals(value) else { return false }
            }
            return true
        case (.object(let a), .object(let b)): return a == b
        case (.timestamp(let a), .timestamp(let b)): return a == b
        case (.duration(let a), .duration(let b)): return a == b
        case (.type(let a), .type(let b)): return a.runtimeType == b.runtimeType
        default: return false
        }
    }

    /// CEL ordering: -1, 0 or 1; nil when the values are unordered (a NaN is involved).
    /// Throws the kind pair when the kinds have no ordering.
    func celCompare(_ other: CELValue) -> ComparisonResult {
        switch (self, other) {
        case (.int(let a), .int(let b)): return a < b ? .less : (a == b ? .equal : .greater)
        case (.uint(let a), .uint(let b)): return a < b ? .less : (a == b ? .equal : .greater)
        case (.double(let a), .double(let b)):
            if a < b { return .less }
            if a > b { return .greater }
            return a == b ? .equal : .unordered
        case (.int, .uint), (.int, .double), (.uint, .int), (.uint, .double), (.double, .int), (.double, .uint):
            switch CELValue.compareNumbers(self, other) {
            case -1: return .less
            case 0: return .equal
            case 1: return .greater
            default: return .unordered
            }
        case (.string(let a), .string(let b)):
            if a.hasSameCodePoints(as: b) { return .equal }
            return a.utf8.lexicographicallyPrecedes(b.utf8) ? .less : .greater
        case (.bytes(let a), .bytes(let b)):
            if a == b { return .equal }
            return a.lexicographicallyPrecedes(b) ? .less : .greater
        case (.bool(let a), .bool(let b)): return a == b ? .equal : (!a ? .less : .greater)
        case (.timestamp(let a), .timestamp(let b)): return a < b ? .less : (a == b ? .equal : .greater)
        case (.duration(let a), .duration(let b)): return a < b ? .less : (a == b ? .equal : .greater)
        default: return .incomparable
        }
    }

    /// The outcome of comparing two values.
    enum ComparisonResult {
        case less, equal, greater, unordered, incomparable
    }

    /// Compares two numbers of different kinds: -1, 0, 1, or 2 when a NaN makes them unordered.
    /// Int and uint compare exactly; a double compares with an integer converted to double, as cel-go does.
    static func compareNumbers(_ a: CELValue, _ b: CELValue) -> Int {
        switch (a, b) {
        case (.int(let x), .uint(let y)): return x < 0 ? -1 : compare(UInt64(x), y)
        case (.uint(let x), .int(let y)): return y < 0 ? 1 : compare(x, UInt64(y))
        case (.int(let x), .double(let y)): return compare(Double(x), y)
        case (.uint(let x), .double(let y)): return compare(Double(x), y)
        case (.double(let x), .int(let y)): return compare(x, Double(y))
        case (.double(let x), .uint(let y)): return compare(x, Double(y))
        case (.double(let x), .double(let y)): return compare(x, y)
        case (.int(let x), .int(let y)): return compare(x, y)
        case (.uint(let x), .uint(let y)): return compare(x, y)
        default: return 2
        }
    }

    @inline(__always)
    private static func compare<T: Comparable>(_ a: T, _ b: T) -> Int {
        a < b ? -1 : (a == b ? 0 : (a > b ? 1 : 2))
    }
}
