/// A compiled pattern: a Thompson NFA run as a Pike VM without captures. Every step keeps at
/// most one thread per instruction, so a match costs O(text length × program size) whatever
/// the pattern, as RE2 guarantees; there is no backtracking to blow up.
struct RegexProgram: Sendable {
    /// RE2 refuses patterns whose program outgrows its memory budget; this is ours.
    static let maximumInstructions = 100_000

    enum Instruction: Sendable {
        case scalar(UInt32)
        case charClass(Int)
        case split(Int, Int)
        case jump(Int)
        case assertion(RegexAssertion)
        case match
    }

    private(set) var instructions: [Instruction] = []
    private(set) var classes: [RegexCompiledClass] = []
    let isAnchoredAtStart: Bool
    /// RE2 searches UTF-8 bytes, so it also tries the positions inside a multi-byte scalar,
    /// where both neighbours are non-word bytes: there `\B` holds and nothing else can move.
    /// A pattern that can match by empty-width steps alone from such a place (`\B`, `\BA?`)
    /// therefore matches, in RE2, any text that has a non-ASCII scalar; so it does here.
    private(set) var matchesInsideMultibyteScalar = false

    init(_ node: RegexNode, pattern: String) throws(CELError) {
        isAnchoredAtStart = node.isAnchoredAtStart
        try emit(node, pattern: pattern)
        instructions.append(.match)
        var threads = RegexThreadSet(capacity: instructions.count)
        var stack: [Int] = []
        let continuationByte: UInt32 = 0x80  // stands for any byte that is neither a word character nor \n
        matchesInsideMultibyteScalar = !isAnchoredAtStart
            && follow(0, into: &threads, previous: continuationByte, next: continuationByte, stack: &stack)
    }

    // MARK: Compiling

    private mutating func emit(_ node: RegexNode, pattern: String) throws(CELError) {
        guard instructions.count <= Self.maximumInstructions else {
            throw CELError("invalid regular expression '\(pattern)': pattern too large (more than \(Self.maximumInstructions) instructions)")
        }
        switch node {
        case .empty:
            break
        case .scalar(let value):
            instructions.append(.scalar(value))
        case .charClass(let set):
            classes.append(RegexCompiledClass(set))
            instructions.append(.charClass(classes.count - 1))
        case .assertion(let assertion):
            instructions.append(.assertion(assertion))
        case .concatenation(let items):
            for item in items { try emit(item, pattern: pattern) }
        case .alternation(let branches):
            var exits: [Int] = []
            for branch in branches.dropLast() {
                let split = instructions.count
                instructions.append(.split(split + 1, -1))
                try emit(branch, pattern: pattern)
                exits.append(instructions.count)
                instructions.append(.jump(-1))
                instructions[split] = .split(split + 1, instructions.count)
            }
            if let last = branches.last { try emit(last, pattern: pattern) }
            for exit in exits { instructions[exit] = .jump(instructions.count) }
        case .repetition(let operand, let min, nil) where min >= 1:
            // x{3,} is xx then x+, and x+ is x with a way back: no copy for the loop.
            for _ in 1..<min { try emit(operand, pattern: pattern) }
            let loop = instructions.count
            try emit(operand, pattern: pattern)
            instructions.append(.split(loop, instructions.count + 1))
        case .repetition(let operand, let min, let max):
            for _ in 0..<min { try emit(operand, pattern: pattern) }
            if let max {
                // x{2,5} is xx then up to three optional x; skipping one skips the rest.
                var skips: [Int] = []
                for _ in min..<max {
                    skips.append(instructions.count)
                    instructions.append(.split(instructions.count + 1, -1))
                    try emit(operand, pattern: pattern)
                }
                for skip in skips { instructions[skip] = .split(skip + 1, instructions.count) }
            } else {
                let loop = instructions.count
                instructions.append(.split(loop + 1, -1))
                try emit(operand, pattern: pattern)
                instructions.append(.jump(loop))
                instructions[loop] = .split(loop + 1, instructions.count)
            }
        }
    }

    // MARK: Matching

    /// Whether some substring of `text` matches (an unanchored search).
    func matches(_ text: String) -> Bool {
        if matchesInsideMultibyteScalar, text.utf8.contains(where: { $0 >= 0x80 }) { return true }
        var current = RegexThreadSet(capacity: instructions.count)
        var next = RegexThreadSet(capacity: instructions.count)
        var stack: [Int] = []
        var scalars = text.unicodeScalars.makeIterator()
        var scalar = scalars.next()?.value
        if follow(0, into: &current, previous: nil, next: scalar, stack: &stack) { return true }
        while let consumed = scalar {
            let following = scalars.next()?.value
            next.removeAll()
            for index in 0..<current.count {
                let pc = current.members[index]
                let advances = switch instructions[pc] {
                case .scalar(let value): value == consumed
                case .charClass(let set): classes[set].contains(consumed)
                default: false  // empty-width instructions were followed when the thread was added
                }
                if advances, follow(pc + 1, into: &next, previous: consumed, next: following, stack: &stack) {
                    return true
                }
            }
            if !isAnchoredAtStart {
                // A match may also start here.
                if follow(0, into: &next, previous: consumed, next: following, stack: &stack) { return true }
            } else if next.count == 0 {
                return false
            }
            swap(&current, &next)
            scalar = following
        }
        return false
    }

    /// Adds the thread at `start` and everything reachable from it without consuming input;
    /// true as soon as one of them is the match.
    private func follow(
        _ start: Int, into set: inout RegexThreadSet, previous: UInt32?, next: UInt32?, stack: inout [Int]
    ) -> Bool {
        stack.append(start)
        while let pc = stack.popLast() {
            guard set.insert(pc) else { continue }
            switch instructions[pc] {
            case .match:
                stack.removeAll(keepingCapacity: true)
                return true
            case .jump(let target):
                stack.append(target)
            case .split(let first, let second):
                stack.append(second)
                stack.append(first)
            case .assertion(let assertion):
                if assertion.holds(previous: previous, next: next) { stack.append(pc + 1) }
            case .scalar, .charClass:
                break
            }
        }
        return false
    }
}
