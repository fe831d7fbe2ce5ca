import Foundation

extension String {
    /// Equality by code points, without the Unicode normalisation of Swift's `==` (CEL does not normalise):
    /// a byte comparison of the UTF-8 forms.
    @inline(__always)
    func hasSameCodePoints(as other: String) -> Bool {
        let count = utf8.count
        guard count == other.utf8.count else { return false }
        var left = self
        var right = other
        return left.withUTF8 { a in
            right.withUTF8 { b in count == 0 || memcmp(a.baseAddress!, b.baseAddress!, count) == 0 }
        }
    }
}
