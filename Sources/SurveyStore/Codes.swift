/// Random session ids and resume codes.
///
/// Both use the 31 characters of `alphabet`: digits and capital letters without the look-alikes
/// 0/O and 1/I/L. Eight characters give 31^8 ≈ 8.5 × 10^11 codes (39.6 bits). Generated with
/// `SystemRandomNumberGenerator` (getrandom/arc4random: cryptographically secure).
package enum Codes {
    package static let alphabet: [Character] = Array("23456789ABCDEFGHJKMNPQRSTUVWXYZ")
    package static let length = 8

    package static func random() -> String {
        var generator = SystemRandomNumberGenerator()
        return String((0..<length).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] })
    }

    /// "K7F39QXM" → "K7F3-9QXM".
    package static func formatResumeCode(_ code: String) -> String {
        guard code.count == length else { return code }
        return String(code.prefix(length / 2)) + "-" + String(code.suffix(length / 2))
    }

    /// What the respondent typed ("k7f3 9qxm", "K7F3-9QXM", "k7f39qxm") as stored, or nil when it
    /// cannot be a code (wrong length or a character outside the alphabet).
    package static func normalizeResumeCode(_ typed: String) -> String? {
        let kept = typed.uppercased().filter { !$0.isWhitespace && $0 != "-" && $0 != "–" && $0 != "_" && $0 != "." }
        guard kept.count == length, kept.allSatisfy({ alphabet.contains($0) }) else { return nil }
        return kept
    }
}
