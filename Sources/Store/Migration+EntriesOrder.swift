extension Migration {
    /// Version 2: a client's entries in log order straight from an index. Reading them
    /// orders by `seq` and then `id` (`seq` may repeat), and the index of version 1 had
    /// `seq` alone, so every page of the audit sorted its entries again in a temporary
    /// B-tree; this index gives the whole order, and replaces the shorter one.
    public static let entriesOrder = Migration(version: 2, summary: "entries index in log order (client, seq, id)") { _ in
        [
            "CREATE INDEX IF NOT EXISTS credits_entries_order ON entries (client_id, seq, id)",
            "DROP INDEX IF EXISTS credits_entries_log",
        ]
    }
}
