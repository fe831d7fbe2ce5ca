// Generated from Rules/ by scripts/embed-rules. Do not edit: edit Rules/ and run the script.

extension BuiltinRules {
    /// Every file of `Rules/`, sorted by path.
    public static let files: [BuiltinFile] = [
        BuiltinFile(path: "policy.yaml", base64: "IyBQcmljZXMgYW5kIGxlZGdlciBwb2xpY3kgKFNQRUMgc2VjdGlvbiAyKS4gQSBwcmljZSBjaGFuZ2UgaXMgYSBvbmUtbGluZSBlZGl0IGhlcmUuCnZlcnNpb246IDEK"),
    ]
}
