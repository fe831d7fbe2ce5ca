extension Snapshot {
    /// The most tokens an amount or a balance may hold either way (a trillion): far
    /// beyond any real balance, and small enough that sums of the entries of the
    /// largest input read (`InputLimit`) cannot overflow.
    public static let largestTokenCount = Int(DocumentReader.largestWholeNumber)
}
