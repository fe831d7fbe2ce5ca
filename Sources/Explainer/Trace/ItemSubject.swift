import CEL

/// How a trace names the things a rule looks at, the way the credits page and the client's page
/// show them: `entry e-7866 (Auto reload +50, Nov 23, 2:22 PM EST)`, `creative cr-77 'Summer Promo'`.
enum ItemSubject {
    static func words(_ value: CELValue) -> String {
        guard case .object(let object) = value else { return value.description }
        func text(_ field: String) -> String {
            switch object[field: field] {
            case .string(let text)?: text
            case .int(let number)?: number > 0 ? "+\(number)" : "\(number)"
            case let other?: other.description
            case nil: ""
            }
        }
        switch object.typeName {
        case "Entry": return "entry \(text("id")) (\(text("label")) \(text("amount")), \(text("local")))"
        case "Creative": return text("id").isEmpty ? "the entry's creative (it names none)" : "creative \(text("id")) '\(text("title"))'"
        case "Movement": return "movement \(text("id")) (\(text("amount")), \(text("local")))"
        case "OtherClient": return "other client \(text("name")) (\(text("id")), balance \(text("balance").replacingOccurrences(of: "+", with: "")))"
        case "Report": return "report \(text("id")) (opened \(text("local")))"
        case "Client": return "client \(text("name")) (\(text("id")))"
        default: return object.typeName
        }
    }
}
