import Foundation

extension UnsafeRawBufferPointer {
    /// Whether two runs of bytes are the same, compared with `memcmp`: the generic
    /// `elementsEqual` goes through the collection protocols byte by byte, and a store's
    /// ids and keys are compared millions of times (a clip's creative with the last one,
    /// a row's client with the last one, a long key with the allowed ones).
    public func hasSameBytes(as other: UnsafeRawBufferPointer) -> Bool {
        count == other.count && (count == 0 || memcmp(baseAddress!, other.baseAddress!, count) == 0)
    }
}
