import Foundation

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
        var text = label
        self = text.withUTF8 { EntryType.known(utf8: $0) } ?? .unknown(label)
    }

    /// The known type a label's UTF-8 bytes spell (as `init(label:)` reads them), nil for
    /// an unknown one. Works on the bytes so that the reader makes no string for the
    /// 100,000 types of a large log, nearly all of them known.
    static func known(utf8 label: UnsafeBufferPointer<UInt8>) -> EntryType? {
        // The snapshot's own spelling first, byte for byte.
        if let type = match(label, among: EntryType.knownIDs) { return type }
        // Lowering by hand is only right for ASCII; others go the slow, general way.
        guard label.allSatisfy({ $0 < 0x80 }) else {
            return EntryType.byNormalizedLabel[EntryType.normalized(String(decoding: label, as: UTF8.self))]
        }
        // `normalized` over ASCII bytes, into a buffer on the stack.
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: label.count) { buffer in
            var count = 0
            for byte in label where byte != UInt8(ascii: " ") && byte != UInt8(ascii: "-") && byte != UInt8(ascii: "_") {
                buffer[count] = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte
                count += 1
            }
            return match(UnsafeBufferPointer(rebasing: buffer[..<count]), among: EntryType.normalizedIDs)
        }
    }

    /// The known type whose spelling in `spellings` (in the order of `known`) is `bytes`.
    private static func match(_ bytes: UnsafeBufferPointer<UInt8>, among spellings: [[UInt8]]) -> EntryType? {
        for (index, spelling) in spellings.enumerated() where spelling.count == bytes.count {
            if spelling.withUnsafeBufferPointer({ memcmp($0.baseAddress!, bytes.baseAddress!, bytes.count) }) == 0 {
                return known[index]
            }
        }
        return nil
    }

    /// The ids of `known`, and their normalized forms, as UTF-8.
    private static let knownIDs: [[UInt8]] = known.map { Array($0.id.utf8) }
    private static let normalizedIDs: [[UInt8]] = known.map { Array(normalized($0.id).utf8) }

    /// Known types by their normalized id, for labels that are not ASCII.
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
    /// (Literals: facts give every entry of a long log its label.)
    public var label: String {
        switch self {
        case .submission: "Submission"
        case .submissionRefund: "Submission refund"
        case .showcaseOverage: "Showcase overage"
        case .planAllocation: "Plan allocation"
        case .midCycleProration: "Mid cycle proration"
        case .manualTopUp: "Manual top up"
        case .autoReload: "Auto reload"
        case .adminAdjustment: "Admin adjustment"
        case .imageGeneration: "Image generation"
        case .unknown(let written): written
        }
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
