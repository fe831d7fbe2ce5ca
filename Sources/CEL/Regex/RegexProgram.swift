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
    /// The scalars that some match can begin with, when every match consumes at least one:
    /// the search skips positions where no match can start without trying them.
    private(set) var firstScalars: RegexCompiledClass? = nil

    init(_ node: RegexNode, pattern: String) throws(CELError) {
        isAnchoredAtStart = node.isAnchoredAtStart
        try emit(node, pattern: pattern)
        instructions.append(.match)
        let continuationByte: UInt32 = 0x80  // stands for any byte that is neither a word character nor \n
        matchesInsideMultibyteScalar = !isAnchoredAtStart
            && RegexThreadSet.withThreadSets(capacity: instructions.count) { threads, _, stack in
                follow(0, into: &threads, previous: continuationByte, next: continuationByte, stack: &stack)
            }
        firstScalars = startingScalars()
    }

    /// The union of what the instructions reachable from the start without consuming can
    /// consume, taking every assertion as passable (so never too small); nil when a match
    /// can be reached without consuming anything.
    private func startingScalars() -> RegexCompiledClass? {
        var seen = Set<Int>()
        var pending = [0]
        var union = RegexCharClass()
        while let pc = pending.popLast() {
            guard seen.insert(pc).inserted else { continue }
            switch instructions[pc] {
            case .match: return nil
            case .jump(let target): pending.append(target)
            case .split(let first, let second): pending += [first, second]
            case .assertion: pending.append(pc + 1)
            case .scalar(let value): union = union.union(RegexCharClass([value...value]))
            case .charClass(let index): union = union.union(classes[index].set)
            }
        }
        return RegexCompiledClass(union)
    }

    // MARK: Compiling

    /// One piece of work for the compiler: a node to emit, or the bookkeeping that closes a
    /// construct once its operands are emitted (filling in the targets of forward jumps).
    private enum Step {
        case node(RegexNode)
        /// A split whose second target is filled in later; remembered on the marks stack.
        case openSplit
        /// Points the remembered split's second target here.
        case closeSplit
        /// Remembers where a loop body starts.
        case markLoop
        /// After a `+` body: a split back to its start or on.
        case closePlus
        /// After a `*` body: a jump back to its split, which now exits here.
        case closeStar
        /// Starts collecting the exit jumps of an alternation.
        case beginAlternation
        /// After an alternative: a jump to the end (filled in later); the next one starts here.
        case endAlternative
        /// Points the alternation's exit jumps here.
        case endAlternation
    }

    /// Thompson's construction, driven by an explicit stack of steps rather than recursion,
    /// so that deep nesting costs heap, not call stack.
    private mutating func emit(_ root: RegexNode, pattern: String) throws(CELError) {
        var work: [Step] = [.node(root)]
        var marks: [Int] = []
        var exits: [[Int]] = []
        while let step = work.popLast() {
            guard instructions.count <= Self.maximumInstructions else {
                throw CELError("invalid regular expression '\(pattern)': pattern too large (more than \(Self.maximumInstructions) instructions)")
            }
            switch step {
            case .node(let node):
                // Steps run last-in first-out: push a node's steps in reverse.
                work += steps(for: node).reversed()
            case .openSplit:
                marks.append(instructions.count)
                instructions.append(.split(instructions.count + 1, -1))
            case .closeSplit:
                let split = marks.removeLast()
                instructions[split] = .split(split + 1, instructions.count)
            case .markLoop:
                marks.append(instructions.count)
            case .closePlus:
                instructions.append(.split(marks.removeLast(), instructions.count + 1))
            case .closeStar:
                let split = marks.removeLast()
                instructions.append(.jump(split))
                instructions[split] = .split(split + 1, instructions.count)
            case .beginAlternation:
                exits.append([])
            case .endAlternative:
                exits[exits.count - 1].append(instructions.count)
                instructions.append(.jump(-1))
                let split = marks.removeLast()
                instructions[split] = .split(split + 1, instructions.count)
            case .endAlternation:
                for exit in exits.removeLast() { instructions[exit] = .jump(instructions.count) }
            }
        }
    }

    /// Emits a leaf now; returns the steps for a composite node.
    private mutating func steps(for node: RegexNode) -> [Step] {
        switch node {
        case .empty:
            return []
        case .scalar(let value):
            instructions.append(.scalar(value))
            return []
        case .charClass(let set):
            classes.append(RegexCompiledClass(set))
            instructions.append(.charClass(classes.count - 1))
            return []
        case .assertion(let assertion):
            instructions.append(.assertion(assertion))
            return []
        case .concatenation(let items):
            return items.map(Step.node)
        case .alternation(let branches):
            // split L1, L2; L1: a; jump end; L2: split ...; last branch; end.
            guard let last = branches.last else { return [] }
            return [.beginAlternation] + branches.dropLast().flatMap { [.openSplit, .node($0), .endAlternative] }
                + [.node(last), .endAlternation]
        case .repetition(let operand, let min, nil) where min >= 1:
            // x{3,} is xx then x+, and x+ is x with a way back: no copy for the loop.
            return Array(repeating: .node(operand), count: min - 1) + [.markLoop, .node(operand), .closePlus]
        case .repetition(let operand, _, nil):
            return [.openSplit, .node(operand), .closeStar]
        case .repetition(let operand, let min, let max?):
            // x{2,5} is xx then up to three optional x; skipping one skips the rest.
            let optional = max - min
            return Array(repeating: .node(operand), count: min)
                + Array(repeating: [Step.openSplit, .node(operand)], count: optional).flatMap { $0 }
                + Array(repeating: .closeSplit, count: optional)
        }
    }

    // MARK: Matching

    /// Whether some substring of `text` matches (an unanchored search).
    func matches(_ text: String) -> Bool {
        if matchesInsideMultibyteScalar, text.utf8.contains(where: { $0 >= 0x80 }) { return true }
        return RegexThreadSet.withThreadSets(capacity: instructions.count) { current, next, stack in
            search(text, current: &current, next: &next, stack: &stack)
        }
    }

    private func search(
        _ text: String, current: inout RegexThreadSet, next: inout RegexThreadSet, stack: inout RegexPCStack
    ) -> Bool {
        var scalars = text.unicodeScalars.makeIterator()
        var scalar = scalars.next()?.value
        if mayStart(before: scalar), follow(0, into: &current, previous: nil, next: scalar, stack: &stack) {
            return true
        }
        while let consumed = scalar {
            let following = scalars.next()?.value
            next.removeAll()
            for index in 0..<current.count {
                let pc = current[index]
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
                if mayStart(before: following), follow(0, into: &next, previous: consumed, next: following, stack: &stack) {
                    return true
                }
            } else if next.count == 0 {
                return false
            }
            swap(&current, &next)
            scalar = following
        }
        return false
    }

    /// Whether a match could start just before `scalar` (nil: the end of the text).
    private func mayStart(before scalar: UInt32?) -> Bool {
        guard let firstScalars else { return true }
        guard let scalar else { return false }
        return firstScalars.contains(scalar)
    }

    /// Adds the thread at `start` and everything reachable from it without consuming input;
    /// true as soon as one of them is the match.
    private func follow(
        _ start: Int, into set: inout RegexThreadSet, previous: UInt32?, next: UInt32?, stack: inout RegexPCStack
    ) -> Bool {
        stack.push(start)
        while let pc = stack.pop() {
            guard set.insert(pc) else { continue }
            switch instructions[pc] {
            case .match:
                stack.removeAll()
                return true
            case .jump(let target):
                stack.push(target)
            case .split(let first, let second):
                stack.push(second)
                stack.push(first)
            case .assertion(let assertion):
                if assertion.holds(previous: previous, next: next) { stack.push(pc + 1) }
            case .scalar, .charClass:
                break
            }
        }
        return false
    }
}
