import Foundation

extension String {
    /// Equality by code points, without the Unicode normalisation of Swift's `==` (CEL does not normalise):
    /// a byte comparison of the UTF-8 forms. Short strings, the usual field names and enum-like values,
    /// are compared in a loop, which beats calling `memcmp`.
    @inline(__always)
    func hasSameCodePoints(as other: String) -> Bool {
        let count = utf8.count
        guard count == other.utf8.count else { return false }
        let result = utf8.withContiguousStorageIfAvailable { a in
            other.utf8.withContiguousStorageIfAvailable { b in
                if count <= 32 {
                    for index in 0..<count where a[index] != b[index] { return false }
                    return true
                }
                return memcmp(a.baseAddress!, b.baseAddress!, count) == 0
            }
        }
        return result.flatMap { $0 } ?? utf8.elementsEqual(other.utf8)
    }
}
