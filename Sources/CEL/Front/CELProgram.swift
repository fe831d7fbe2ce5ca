import Diagnostics

/// A compiled expression: parsed, checked and planned once, evaluated many times, from any thread.
public struct CELProgram: Sendable {
    let root: Node
    /// The name of each slot: first the variables the expression reads, then comprehension variables.
    let slotNames: [String]
    let slotsByName: [String: Int]
    /// The slots bindings fill (comprehension variables excluded), for `evaluate(_:)` by name.
    let bindableSlots: [(slot: Int, name: String)]
    let source: SourceFile
    let costLimit: Int
    /// What `tracking()` plans again: the parsed tree and what the checker found.
    let syntax: Syntax

    /// The parsed and checked expression a program was planned from.
    final class Syntax: Sendable {
        let root: Expr
        /// The UTF-8 range of each expression's text, by id.
        let ranges: [Range<Int>]
        let types: [CELType]?
        let environment: CELEnvironment

        init(root: Expr, ranges: [Range<Int>], types: [CELType]?, environment: CELEnvironment) {
            self.root = root
            self.ranges = ranges
            self.types = types
            self.environment = environment
        }
    }

    /// The checked result type (dyn when unknown or unchecked).
    public let resultType: CELType

    init(root: Node, slotNames: [String], source: SourceFile, resultType: CELType, costLimit: Int, syntax: Syntax) {
        self.root = root
        self.syntax = syntax
        self.slotNames = slotNames
        self.source = source
        self.resultType = resultType
        self.costLimit = costLimit
        var byName: [String: Int] = [:]
        for (slot, name) in slotNames.enumerated() where byName[name] == nil { byName[name] = slot }
        slotsByName = byName
        bindableSlots = slotNames.enumerated().filter { !$0.element.hasPrefix("@") }.map { (slot: $0.offset, name: $0.element) }
    }

    /// The variables the expression reads, by their declared names.
    public var variables: [String] {
        slotsByName.keys.filter { !$0.hasPrefix("@") }.sorted()
    }

    /// Evaluates against bindings by name. Safe from several threads at once.
    public func evaluate(_ bindings: [String: CELValue]) throws(CELError) -> CELValue {
        var slots = [CELValue?](repeating: nil, count: slotNames.count)
        for (slot, name) in bindableSlots {
            if let value = bindings[name] { slots[slot] = value }
        }
        var frame = Frame(slots: slots, remainingCost: costLimit)
        return try run(&frame)
    }

    /// A reusable set of bindings for this program, resolved to slots: the fast path for evaluating
    /// one program over many inputs. Use one activation per thread.
    public func makeActivation() -> CELActivation {
        CELActivation(slotCount: slotNames.count, slotsByName: slotsByName, program: ObjectIdentifier(root))
    }

    /// The slot of a variable, for `CELActivation.subscript(slot:)`; nil when the expression does not read it.
    public func slot(of variable: String) -> CELSlot? {
        slotsByName[variable].map(CELSlot.init)
    }

    /// Evaluates against an activation's bindings, without allocating for the bindings.
    public func evaluate(_ activation: inout CELActivation) throws(CELError) -> CELValue {
        guard activation.program == ObjectIdentifier(root) else {
            throw CELError("this activation was made by another program; use this program's makeActivation()")
        }
        var frame = Frame(slots: [], remainingCost: costLimit)
        swap(&frame.slots, &activation.slots)
        defer { swap(&frame.slots, &activation.slots) }
        return try run(&frame)
    }

    @inline(__always)
    func run(_ frame: inout Frame) throws(CELError) -> CELValue {
        do {
            return try root.evaluate(&frame)
        } catch {
            throw CELError(error.message, location: source.location(ofUTF8Offset: error.offset))
        }
    }
}
