// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "credits",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "credits", targets: ["credits"]),
        .executable(name: "cel-conformance", targets: ["cel-conformance"]),
        .library(name: "CEL", targets: ["CEL"]),
        .library(name: "Ledger", targets: ["Ledger"]),
        .library(name: "Explainer", targets: ["Explainer"]),
        .library(name: "Store", targets: ["Store"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.0.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.5.0"),
        .package(url: "https://github.com/vapor/sqlite-nio.git", from: "1.13.2"),
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.33.2"),
        // The support console (Sources/Server): HTTP, bcrypt for agents' passwords, SHA-256 for tokens.
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth.git", from: "2.5.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "3.12.3"),
    ],
    targets: [
        // Source text, locations and diagnostics shared by every stage.
        .target(name: "Diagnostics"),

        // The CEL expression language: no dependency on the ledger.
        .target(name: "CEL", dependencies: ["Diagnostics"], exclude: ["README.md"]),

        // Client snapshots, policy and the replayed ledger.
        .target(name: "Ledger", dependencies: ["Diagnostics", .product(name: "Yams", package: "Yams")]),

        // Rules, facts, hypothesis search, rendering and tickets.
        .target(name: "Explainer", dependencies: ["CEL", "Ledger", "Diagnostics", .product(name: "Yams", package: "Yams")]),

        // The client store (SPEC section 9): SQLite and PostgreSQL behind one interface,
        // snapshots in and out as rows, and the audit's paged read of every client.
        .target(name: "Store", dependencies: [
            "Ledger", "Diagnostics",
            .product(name: "SQLiteNIO", package: "sqlite-nio"),
            .product(name: "PostgresNIO", package: "postgres-nio"),
        ]),

        // `credits audit`: every finding rule over every client of a store, a page at a time.
        .target(name: "Audit", dependencies: ["Store", "Explainer", "Ledger", "Diagnostics"]),

        // The built-in rule pack (Rules/), embedded as source by scripts/embed-rules so that an
        // installed binary needs no resource bundle; a test fails when it drifts from Rules/.
        .target(name: "BuiltinRules"),

        // The support console and its JSON API (SPEC section 10): pages rendered in Swift, over the store.
        // Sources/Server/Assets/ is embedded by scripts/embed-console; a test fails when it drifts.
        .target(name: "Server", dependencies: [
            "Explainer", "Ledger", "Diagnostics", "BuiltinRules", "Store",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
            .product(name: "Crypto", package: "swift-crypto"),
        ], exclude: ["Assets"]),

        // The command-line tools: thin layers over the libraries.
        .executableTarget(name: "credits", dependencies: [
            "Explainer", "Ledger", "CEL", "Diagnostics", "BuiltinRules", "Store", "Audit", "Server",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(name: "cel-conformance", dependencies: [
            "CEL", .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        // Fuzz targets: `scripts/fuzz TARGET SECONDS` builds this with libFuzzer (Fuzz/README.md);
        // built normally, `fuzz TARGET FILE...` replays inputs through a target.
        .executableTarget(name: "fuzz", dependencies: ["Explainer", "Ledger", "Diagnostics", "BuiltinRules"]),

        // Benchmarks: programs that print figures (`swift run -c release bench-NAME`), never timed tests.
        .executableTarget(name: "bench-cel", dependencies: ["CEL"]),
        .executableTarget(name: "bench-ledger", dependencies: ["Ledger", "BuiltinRules"]),
        .executableTarget(name: "bench-explain", dependencies: ["Explainer", "Ledger", "BuiltinRules"]),

        .testTarget(name: "DiagnosticsTests", dependencies: ["Diagnostics"]),
        .testTarget(name: "CELTests", dependencies: ["CEL"], exclude: ["Conformance"]),
        .testTarget(name: "LedgerTests", dependencies: ["Ledger", "BuiltinRules"]),
        .testTarget(name: "StoreTests", dependencies: ["Store", "Audit", "Explainer", "Ledger", "Diagnostics", "BuiltinRules"]),
        .testTarget(name: "BuiltinRulesTests", dependencies: ["BuiltinRules"]),
        .testTarget(name: "ExplainerTests", dependencies: ["Explainer", "Ledger", "CEL", "BuiltinRules"]),
        .testTarget(name: "ServerTests", dependencies: [
            "Server", "Store", "Ledger", "Explainer", "BuiltinRules",
            .product(name: "HummingbirdTesting", package: "hummingbird"),
        ]),
        .testTarget(name: "EndToEndTests", dependencies: ["credits", .product(name: "Yams", package: "Yams")], exclude: ["Expected", "Scenarios"]),
    ]
)
