/// Gradual type checking (placeholder until the full checker lands).
struct Checker {
    let environment: CELEnvironment
    var types: [CELType]
    var problems: [SyntaxError] = []

    init(environment: CELEnvironment, nodeCount: Int) {
        self.environment = environment
        types = Array(repeating: .dyn, count: nodeCount)
    }

    mutating func check(_ expr: Expr) {}
}
