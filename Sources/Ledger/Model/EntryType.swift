/// The kind of a credits log entry (SPEC section 3), read from the snapshot's
/// `type` or from the credits page's own label.
public enum EntryType: Hashable, Sendable, CustomStringConvertible {
    case submission, submissionRefund, showcaseOverage, planAllocation, midCycleProration,
         manualTopUp, autoReload, adminAdjustment, imageGeneration
    /// A type this tool does not know: kept as written, replayed, reported; never dropped.
    case unknown(String)

    /// Every known type, in the order SPEC section 3 lists them.
    public static let known: [EntryType] = [
        .submission, .submissionRefund, .showcaseOverage, .planAllocation, .midCycleProration,
        .manualTopUp, .autoReload, .adminAdjustment, .imageGeneration,
    ]

    /// Reads a snapshot id (`submission_refund`) or a credits page label
    /// (`Submission refund`, `submission-refund`, `SUBMISSION REFUND`): case,
    /// spaces, hyphens and underscores do not matter. Anything else is `.unknown`
    /// with the label exactly as written.
    public init(label: String) {
        // The snapshot's own spelling first, without hashing or normalizing: a large
        // log has 100,000 of these.
        switch label {
        case "submission": self = .submission
        case "submission_refund": self = .submissionRefund
        case "showcase_overage": self = .showcaseOverage
        case "plan_allocation": self = .planAllocation
        case "mid_cycle_proration": self = .midCycleProration
        case "manual_top_up": self = .manualTopUp
        case "auto_reload": self = .autoReload
        case "admin_adjustment": self = .adminAdjustment
        case "image_generation": self = .imageGeneration
        default: self = EntryType.byNormalizedLabel[EntryType.normalized(label)] ?? .unknown(label)
        }
    }

    /// Known types by their normalized id, so that reading a large log does one lookup per entry.
    private static let byNormalizedLabel: [String: EntryType] =
        Dictionary(uniqueKeysWithValues: known.map { (normalized($0.id), $0) })

    /// The snapshot's spelling: `submission_refund`; for an unknown type, the label as written.
    public var id: String {
        switch self {
        case .submission: "submission"
        case .submissionRefund: "submission_refund"
        case .showcaseOverage: "showcase_overage"
        case .planAllocation: "plan_allocation"
        case .midCycleProration: "mid_cycle_proration"
        case .manualTopUp: "manual_top_up"
        case .autoReload: "auto_reload"
        case .adminAdjustment: "admin_adjustment"
        case .imageGeneration: "image_generation"
        case .unknown(let written): written
        }
    }

    /// The credits page's label: `Submission refund`, `Mid cycle proration`;
    /// for an unknown type, the label as written.
    public var label: String {
        if case .unknown(let written) = self { return written }
        let words = id.split(separator: "_").joined(separator: " ")
        return words.prefix(1).uppercased() + words.dropFirst()
    }

    /// True for a type this tool does not know.
    public var isUnknown: Bool {
        if case .unknown = self { return true }
        return false
    }

    public var description: String { id }

    /// Lower case without spaces, hyphens or underscores: the form labels are compared in.
    static func normalized(_ label: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in label.unicodeScalars where scalar != " " && scalar != "-" && scalar != "_" {
            if scalar.isASCII {
                // Most labels are ASCII; lowering them by hand keeps a 100,000-entry read fast.
                let value = scalar.value
                scalars.append(Unicode.Scalar(UInt8(value >= 65 && value <= 90 ? value + 32 : value)))
            } else {
                scalars.append(contentsOf: String(scalar).lowercased().unicodeScalars)
            }
        }
        return String(scalars)
    }
}
