import CEL

/// The types and names of the facts rule expressions see (documented for rule
/// authors in `Rules/README.md`), declared once so that a misspelt field is an
/// error when the rules load, not when they run.
enum FactSchema {
    /// The object types, by name, with their fields in code-point order: the order objects
    /// store them in, and `FactBuilder` writes them in.
    static let objectTypes: [(name: String, fields: KeyValuePairs<String, CELType>)] = [
        ("Client", [
            "allocation": .int, "auto_reload": .bool, "balance": .int, "billing_anchor": .string,
            "billing_day": .int, "credits_url": .string, "id": .string, "name": .string, "outstanding": .int,
            "plan": .string, "reload_amount": .int, "timezone": .string,
        ]),
        ("Query", [
            "actual": .int, "delta": .int, "expected": .int, "now": .timestamp, "since": .timestamp,
            "until": .timestamp,
        ]),
        ("Entry", [
            "amount": .int, "at": .timestamp, "balance_after": .int, "balance_before": .int,
            "creative": .string, "day": .string, "id": .string, "index": .int, "known": .bool, "label": .string,
            "local": .string, "note": .string, "on_anniversary": .bool, "outstanding_after": .int,
            "outstanding_before": .int, "paired_charge": .string, "paired_reloads": .list(.string),
            "plan": .string, "plan_after": .int, "plan_allocation": .int, "plan_before": .int,
            "rollover_after": .int, "rollover_before": .int, "type": .string,
        ]),
        ("Creative", [
            "charged": .int, "charges": .list(.string), "clip_seconds": .list(.int), "clips": .list(.int),
            "clips_text": .string, "delivered": .bool, "delivered_at": .timestamp, "delivered_seconds": .int,
            "deposit": .int, "expected_cost": .int, "has_delivered_seconds": .bool,
            "hours_since_delivery": .int, "id": .string, "in_flight": .bool, "overage_charged": .int,
            "overages": .list(.string), "reconciliation": .int, "refunded": .int, "refunds": .list(.string),
            "showcase_seconds": .int, "status": .string, "submitted_at": .timestamp, "title": .string,
        ]),
        ("Movement", [
            "amount": .int, "at": .timestamp, "day": .string, "entries": .list(.string), "id": .string,
            "kind": .string, "local": .string,
        ]),
        ("Replay", [
            "balance": .int, "matches": .bool, "outstanding": .int, "plan_tokens": .int,
            "rollover_tokens": .int, "shown": .int,
        ]),
        ("BalanceSince", [
            "after_entry": .string, "at": .timestamp, "balance": .int, "found": .bool, "local": .string,
            "rest": .map(key: .string, value: .bool),
        ]),
        ("OtherClient", [
            "balance": .int, "id": .string, "name": .string,
        ]),
        ("PlanChange", [
            "at": .timestamp, "from": .string, "from_allocation": .int, "local": .string, "to": .string,
            "to_allocation": .int,
        ]),
        ("Report", [
            "actual": .int, "adjustments_since": .list(.string), "delta": .int, "expected": .int, "id": .string,
            "local": .string, "note": .string, "opened_at": .timestamp,
        ]),
        ("Policy", [
            "clip_max_seconds": .int, "clip_min_seconds": .int, "images_per_batch": .int, "page_size": .int,
            "plans": .map(key: .string, value: .int), "refund_grace_hours": .int, "reload_default": .int,
            "reroll_cost": .int, "showcase_per_second": .int, "submission_base": .int,
        ]),
    ]

    /// The layout objects of type `name` are built with: its fields in order, but `omitting`
    /// (those an object lacks: a creative never submitted has no `submitted_at`).
    static func layout(of name: String, omitting: Set<String> = []) -> CELObject.Layout {
        guard let type = objectTypes.first(where: { $0.name == name }) else { preconditionFailure("no fact type \(name)") }
        return CELObject.Layout(typeName: name, names: type.fields.map(\.key).filter { !omitting.contains($0) })
    }

    /// The variables every expression sees.
    static let globals: [(name: String, type: CELType)] = [
        ("client", .object("Client")), ("query", .object("Query")), ("policy", .object("Policy")),
        ("replay", .object("Replay")), ("entries", .list(.object("Entry"))),
        ("movements", .list(.object("Movement"))), ("creatives", .list(.object("Creative"))),
        ("other_clients", .list(.object("OtherClient"))), ("reports", .list(.object("Report"))),
        ("plan_changes", .list(.object("PlanChange"))),
        ("entries_by_id", .map(key: .string, value: .object("Entry"))),
        ("creatives_by_id", .map(key: .string, value: .object("Creative"))),
        ("balance_since", .object("BalanceSince")),
    ]

    /// The names a rule sees for each item it looks at, besides the globals.
    static func itemVariables(_ iteration: Iteration) -> [(name: String, type: CELType)] {
        switch iteration {
        case .entries: [("entry", .object("Entry")), ("creative", .object("Creative"))]
        case .creatives: [("creative", .object("Creative"))]
        case .movements: [("movement", .object("Movement"))]
        case .otherClients: [("other_client", .object("OtherClient"))]
        case .reports: [("report", .object("Report"))]
        case .client: []
        }
    }

    /// The type of one item, for the `items` list of a group.
    static func itemType(_ iteration: Iteration) -> CELType {
        switch iteration {
        case .entries: .object("Entry")
        case .creatives: .object("Creative")
        case .movements: .object("Movement")
        case .otherClients: .object("OtherClient")
        case .reports: .object("Report")
        case .client: .object("Client")
        }
    }

    /// The names messages and advice see besides the item's: the group they describe.
    static func groupVariables(_ iteration: Iteration) -> [(name: String, type: CELType)] {
        [("items", .list(itemType(iteration))), ("count", .int), ("amount", .int)]
    }

    /// An environment with every fact type, the globals and the rule functions, and
    /// CEL's extensions: `cel.bind` to name a sub-expression once, the strings and the
    /// math functions (Rules/README.md lists them).
    static func baseEnvironment(functions: RuleFunctions) -> CELEnvironment {
        var environment = CELEnvironment(extensions: Set(CELExtension.allCases))
        for type in objectTypes {
            environment.declareObjectType(type.name, fields: Dictionary(uniqueKeysWithValues: type.fields.map { ($0.key, $0.value) }))
        }
        for variable in globals { environment.declareVariable(variable.name, type: variable.type) }
        functions.declare(in: &environment)
        return environment
    }
}
