import Crypto
import Foundation
import HummingbirdBcrypt

/// The one place secrets are made and checked: passwords (bcrypt, slow and salted),
/// API tokens and session ids (long random values, kept as SHA-256).
public enum Secrets {
    /// bcrypt's cost: about a quarter of a second a check on this machine, which is what
    /// makes a stolen hash slow to attack and is why sign-in is also rate limited.
    public static let bcryptCost: UInt8 = 12

    /// A password's bcrypt hash, to keep.
    public static func hashPassword(_ password: String) -> String {
        Bcrypt.hash(password, cost: bcryptCost)
    }

    /// Whether `password` is the one `hash` was made from.
    public static func verify(_ password: String, hash: String) -> Bool {
        Bcrypt.verify(password, hash: hash)
    }

    /// A new random value of 32 bytes as 64 hex digits (a token, a session id, a form token).
    public static func randomToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<32).map { _ in hex(UInt8.random(in: .min ... .max, using: &generator)) }.joined()
    }

    /// A fresh password for a demo agent: 20 letters and digits, without look-alikes.
    public static func randomPassword() -> String {
        let alphabet = Array("abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ23456789")
        var generator = SystemRandomNumberGenerator()
        return String((0..<20).map { _ in alphabet.randomElement(using: &generator)! })
    }

    /// SHA-256 of a token or session id, in hex: what the store keeps.
    public static func digest(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).map(hex).joined()
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789abcdef")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 15)]])
    }
}
