import Crypto
import Foundation

/// The SHA-256 of some bytes as lowercase hex: how the build record names what a file held.
func sha256Hex(_ data: Data) -> String { hexString(SHA256.hash(data: data)) }

/// Lowercase hex of bytes, without `String(format:)`.
func hexString<S: Sequence>(_ bytes: S) -> String where S.Element == UInt8 {
    let digits = Array("0123456789abcdef".utf8)
    var result = [UInt8]()
    for byte in bytes {
        result.append(digits[Int(byte >> 4)])
        result.append(digits[Int(byte & 0x0F)])
    }
    return String(decoding: result, as: UTF8.self)
}
