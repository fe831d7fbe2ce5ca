import CEL

/// The types and names of the facts rule expressions see (documented for rule
/// authors in `Rules/README.md`), declared once so that a misspelt field is an
/// error when the rules load, not when they run.
enum FactSchema {
    /// The object types, by name, with their fields in the order `FactBuilder` writes them
    /// (fields an object may lack last).
    static let objectTypes: [(name: String, fields: KeyValuePairs<String, CELType>)] = [
        ("Client", [
            "id": .string, "name": .string, "timezone": .string, "plan": .string, "allocation": .int,
            "billing_anchor": .string, "billing_day": .int, "auto_reload": .bool, "reload_amount": .int,
            "balance": .int, "outstanding": .int, "credits_url": .string,
        ]),
        ("Query", [
            "expected": .int, "actual": .int, "delta": .int,
            "since": .timestamp, "until": .timestamp, "now": .timestamp,
        ]),
        ("Entry", [
            "id": .string, "at": .timestamp, "local": .string, "day": .string, "type": .string, "label": .string,
            "known": .bool, "amount": .int, "creative": .string, "note": .string, "index": .int,
            "plan_before": .int, "plan_after": .int, "rollover_before": .int, "rollover_after": .int,
            "balance_before": .int, "balance_after": .int, "outstanding_before": .int, "outstanding_after": .int,
            "plan": .string, "plan_allocation": .int, "on_anniversary": .bool, "paired_charge": .string,
            "paired_reloads": .list(.string),
        ]),
        ("Creative", [
            "id": .string, "title": .string, "status": .string, "in_flight": .bool, "delivered": .bool,
            "clips": .list(.int), "clip_seconds": .list(.int), "showcase_seconds": .int, "clips_text": .string,
            "deposit": .int, "expected_cost": .int, "delivered_seconds": .int, "has_delivered_seconds": .bool,
            "reconciliation": .int, "hours_since_delivery": .int, "charges": .list(.string), "charged": .int,
            "refunds": .list(.string), "refunded": .int, "overages": .list(.string), "overage_charged": .int,
            "submitted_at": .timestamp, "delivered_at": .timestamp,
        ]),
        ("Movement", [
            "id": .string, "kind": .string, "at": .timestamp, "local": .string, "day": .string,
            "amount": .int, "entries": .list(.string),
        ]),
        ("Replay", [
            "balance": .int, "shown": .int, "matches": .bool,
            "plan_tokens": .int, "rollover_tokens": .int, "outstanding": .int,
        ]),
        ("BalanceSince", [
            "found": .bool, "at": .timestamp, "local": .string, "balance": .int, "after_entry": .string,
            "rest": .map(key: .string, value: .bool),
        ]),
        ("OtherClient", ["id": .string, "name": .string, "balance": .int]),
        ("PlanChange", [
            "at": .timestamp, "local": .string, "from": .string, "to": .string,
            "from_allocation": .int, "to_allocation": .int,
        ]),
        ("Report", [
            "id": .string, "opened_at": .timestamp, "local": .string, "expected": .int, "actual": .int,
            "delta": .int, "note": .string, "adjustments_since": .list(.string),
        ]),
        ("Policy", [
            "submission_base": .int, "showcase_per_second": .int, "clip_min_seconds": .int, "clip_max_seconds": .int,
            "reload_default": .int, "page_size": .int, "images_per_batch": .int, "reroll_cost": .int,
            "refund_grace_hours": .int, "plans": .map(key: .string, value: .int),
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
