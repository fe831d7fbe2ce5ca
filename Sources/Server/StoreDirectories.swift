import Foundation
import Ledger
import Store

/// The store as the console reads clients: opened read-only, each client's rows
/// checked as a snapshot file is (SPEC section 9).
public struct StoreClients: ClientDirectory {
    public let store: Store
    public let policy: Policy

    public init(store: Store, policy: Policy) {
        self.store = store
        self.policy = policy
    }

    public func clients(matching text: String, limit: Int) async throws -> [ClientSummary] {
        try await store.clients(matching: text.isEmpty ? nil : text, limit: limit)
    }

    public func snapshot(of id: String) async throws -> Snapshot? {
        try await store.snapshot(client: id, policy: policy)
    }
}

/// The agents' tables are the store's (`Store+Agents.swift`).
extension Store: AgentDirectory {}

/// `credits serve --demo`: a store of the example clients (`seeds/examples`, embedded)
/// in a temporary folder, with a demo agent.
public enum DemoStore {
    /// The demo agent's name; its password is made fresh each time.
    public static let agent = "demo"

    /// Creates the tables and imports the example snapshots.
    public static func fill(_ url: StoreURL, policy: Policy) async throws {
        var snapshots: [Snapshot] = []
        for example in ConsoleAssets.demoSnapshots {
            snapshots.append(try SnapshotReader.read(text: example.text, name: example.name, policy: policy))
        }
        try await Store.withStore(url) { store in
            try await store.migrate()
            try await store.importSnapshots(snapshots, reloadDefault: policy.reloadDefault)
        }
    }
}
