import Ledger

extension Store {
    /// Writes checked snapshots as rows (SPEC section 9), all in one transaction: a
    /// client already in the store has its rows replaced; when anything fails, nothing
    /// is written. `reloadDefault` is the policy's auto reload amount, for snapshots
    /// that leave it out.
    public func importSnapshots(_ snapshots: [Snapshot], reloadDefault: Int) async throws {
        try await importSnapshots(count: snapshots.count, reloadDefault: reloadDefault) { snapshots[$0] }
    }

    /// Like `importSnapshots(_:reloadDefault:)`, with the snapshots made one at a time
    /// (`snapshot(0)`, `snapshot(1)`, ... up to `count`), inside the transaction, so that
    /// only one is in memory: ten thousand clients are a gigabyte of snapshots. An error
    /// `snapshot` throws rolls back everything and is thrown again as it was.
    public func importSnapshots(count: Int, reloadDefault: Int,
                                _ snapshot: @escaping @Sendable (Int) throws -> Snapshot) async throws {
        try await transaction { transaction in
            for index in 0..<count {
                try await Store.write(ClientRows(snapshot: try snapshot(index), reloadDefault: reloadDefault), in: transaction)
            }
        }
    }

    /// Deletes a client's rows from every table, the `clients` row last.
    static func delete(client id: String, in transaction: StoreTransaction) async throws {
        for table in StoreTable.allCases where table.isPerClient {
            try await transaction.execute("DELETE FROM \(table.rawValue) WHERE client_id = ?", [.text(id)])
        }
        try await transaction.execute("DELETE FROM clients WHERE id = ?", [.text(id)])
    }

    private static func write(_ rows: ClientRows, in transaction: StoreTransaction) async throws {
        let id = rows.clientID
        try await delete(client: id, in: transaction)
        if let account = rows.account {
            try await transaction.execute("""
                INSERT INTO accounts (id, name) VALUES (?, ?)
                ON CONFLICT (id) DO UPDATE SET name = excluded.name
                """, account)
        }
        try await insert(.clients, rows: [rows.client], clientID: nil, in: transaction)
        for table in StoreTable.allCases where table.isPerClient {
            let list = rows[table]
            try await insert(table, rows: (0..<list.count).map { list[$0] }, clientID: id, in: transaction)
        }
    }

    /// Inserts rows in statements of many rows each (a large log is a million rows).
    private static func insert(_ table: StoreTable, rows: [[RowValue]], clientID: String?,
                               in transaction: StoreTransaction) async throws {
        let count = rows.count
        guard count > 0 else { return }
        let columns = (clientID == nil ? [] : ["client_id"]) + table.columns
        let perStatement = max(1, 4000 / columns.count)
        let tuple = "(" + Array(repeating: "?", count: columns.count).joined(separator: ", ") + ")"
        var start = 0
        while start < count {
            let end = min(count, start + perStatement)
            var binds: [RowValue] = []
            binds.reserveCapacity((end - start) * columns.count)
            for row in start..<end {
                if let clientID { binds.append(.text(clientID)) }
                binds.append(contentsOf: rows[row])
            }
            let sql = "INSERT INTO \(table.rawValue) (\(columns.joined(separator: ", "))) VALUES "
                + Array(repeating: tuple, count: end - start).joined(separator: ", ")
            try await transaction.execute(sql, binds)
            start = end
        }
    }
}
