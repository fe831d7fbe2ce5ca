extension Migration {
    /// Every migration of the store, in order: the one list. A part of the tool that
    /// needs tables of its own adds its migration (defined in a file of its own) here.
    public static let all: [Migration] = [
        .clientTables,
        .entriesOrder,
    ]
}
