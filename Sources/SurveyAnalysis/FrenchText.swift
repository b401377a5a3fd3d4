import Foundation
import SurveyCore

/// French text handling for open answers: folding, dictionary coding with negations kept,
/// word counts and anonymisation.
package enum FrenchText {
    /// NFD-normalises, removes combining accents, folds case and typographic apostrophes.
    package static func fold(_ text: String) -> String {
        latinFold(text) ?? unicodeFold(text)
    }

    /// Base letters of U+00C0…U+00FF once accents are removed and case folded, as NFD followed by
    /// `lowercased()` gives them (Æ and æ are handled apart; ×, ÷, Ð, Þ, Ø and ß keep a letter of
    /// their own).
    private static let latin1Folded: [UInt32: String] = {
        var table: [UInt32: String] = [:]
        let rows: [(ClosedRange<UInt32>, String)] = [
            (0xC0...0xC5, "a"), (0xC7...0xC7, "c"), (0xC8...0xCB, "e"), (0xCC...0xCF, "i"), (0xD1...0xD1, "n"), (0xD2...0xD6, "o"),
            (0xD9...0xDC, "u"), (0xDD...0xDD, "y"), (0xE0...0xE5, "a"), (0xE7...0xE7, "c"), (0xE8...0xEB, "e"), (0xEC...0xEF, "i"),
            (0xF1...0xF1, "n"), (0xF2...0xF6, "o"), (0xF9...0xFC, "u"), (0xFD...0xFD, "y"), (0xFF...0xFF, "y"),
        ]
        for (range, letter) in rows { for value in range { table[value] = letter } }
        for (value, letter) in [(0xD0, "ð"), (0xF0, "ð"), (0xD8, "ø"), (0xF8, "ø"), (0xDE, "þ"), (0xFE, "þ"), (0xDF, "ß"), (0xD7, "×"), (0xF7, "÷")] {
            table[UInt32(value)] = letter
        }
        return table
    }()

    /// The same folding for text made of ASCII, Latin-1 letters, French ligatures, apostrophes and
    /// combining accents — every French answer — without Foundation's normalisation, which cost
    /// a sixth of a 100,000-respondent report. Nil for anything else, folded by `unicodeFold`.
    static func latinFold(_ text: String) -> String? {
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            let value = scalar.value
            switch value {
            case 0x41...0x5A: result.append(Unicode.Scalar(UInt8(value + 0x20)))
            case 0...0x7F: result.append(scalar)
            case 0x0300...0x036F: continue
            case 0x2019, 0x2018, 0x02BC: result.append("'")
            case 0x0152, 0x0153: result.append(contentsOf: "oe".unicodeScalars)
            case 0x00C6, 0x00E6: result.append(contentsOf: "ae".unicodeScalars)
            // Latin-1 signs and controls have no canonical decomposition and no lower case.
            case 0x80...0xBF: result.append(scalar)
            case 0xC0...0xFF:
                guard let folded = latin1Folded[value] else { return nil }
                result.append(contentsOf: folded.unicodeScalars)
            default: return nil
            }
        }
        return String(result)
    }

    static func unicodeFold(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        for scalar in text.decomposedStringWithCanonicalMapping.unicodeScalars {
            switch scalar.value {
            case 0x0300...0x036F: continue
            case 0x2019, 0x2018, 0x02BC: result.append("'")
            case 0x0152: result.append(contentsOf: "oe".unicodeScalars)  // Œ
            case 0x0153: result.append(contentsOf: "oe".unicodeScalars)  // œ
            case 0x00C6, 0x00E6: result.append(contentsOf: "ae".unicodeScalars)
            default: result.append(scalar)
            }
        }
        return String(result).lowercased()
    }

    static func isWordCharacter(_ c: Character) -> Bool { c.isLetter || c.isNumber }

    /// Words that turn a mention into a difficulty ("pas assez de moyens", "manque de temps").
    package static let negations: Set<String> = [
        "pas", "ne", "n", "sans", "aucun", "aucune", "manque", "manquent", "manquait", "peu", "insuffisant", "insuffisante", "insuffisants", "insuffisance",
        "jamais", "faible", "faiblesse", "absence", "difficile", "difficulte", "difficultes",
    ]

    /// Words always removed from word counts; negations are kept on purpose.
    package static let stopwords: Set<String> = [
        "a", "au", "aux", "avec", "ce", "ces", "cet", "cette", "c", "d", "dans", "de", "des", "du", "elle", "elles", "en", "et", "eu", "il", "ils", "j", "je",
        "l", "la", "le", "les", "leur", "leurs", "lui", "m", "ma", "mais", "me", "meme", "mes", "moi", "mon", "nos", "notre", "nous", "on", "ou", "par", "pour",
        "qu", "que", "qui", "s", "sa", "se", "ses", "son", "sur", "t", "ta", "te", "tes", "toi", "ton", "tu", "un", "une", "vos", "votre", "vous", "y", "est",
        "sont", "ete", "etre", "avoir", "ont", "etait", "etaient", "fait", "tres", "bien", "aussi", "comme", "donc", "ainsi", "entre", "tout", "tous", "toutes",
        "toute", "cela", "ca", "lors", "dont", "ni", "si", "autres", "autre", "plutot",
    ]

    /// A word character of folded UTF-8: ASCII letters and digits, and any non-ASCII byte.
    @inline(__always) static func isWordByte(_ b: UInt8) -> Bool {
        (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || b >= 0x80
    }

    /// Splits folded text into words (letters and digits).
    package static func words(_ folded: String) -> [String] {
        // ASCII text (most folded answers) is split on bytes, without Unicode properties.
        if folded.utf8.allSatisfy({ $0 < 0x80 }) {
            return folded.utf8.split { !isWordByte($0) }.map { String(decoding: $0, as: UTF8.self) }
        }
        return folded.split { !isWordCharacter($0) }.map(String.init)
    }

    /// A codebook's folded UTF-8 patterns, prepared once for `code`: indexed by their first byte,
    /// so that each word start of an answer is compared only with the patterns that can match it.
    package struct PreparedCodebook: Sendable {
        package var themes: [String]
        var byFirstByte: [[(theme: Int, pattern: [UInt8])]]
    }

    package static func prepare(_ codebook: [(id: String, patterns: [String])]) -> PreparedCodebook {
        var byFirstByte = [[(theme: Int, pattern: [UInt8])]](repeating: [], count: 256)
        for (index, theme) in codebook.enumerated() {
            for pattern in theme.patterns {
                let bytes = Array(fold(pattern).utf8)
                guard let first = bytes.first else { continue }
                byFirstByte[Int(first)].append((index, bytes))
            }
        }
        return PreparedCodebook(themes: codebook.map(\.id), byFirstByte: byFirstByte)
    }

    /// The themes an answer mentions, sentence by sentence, each with whether a negation is among
    /// the three words before the mention in the same sentence ("pas assez de moyens"). Patterns
    /// match at word starts of the folded text. A theme mentioned in several sentences is listed
    /// once without negation and once with, if both occur; order: codebook order, plain first.
    package static func code(_ text: String, codebook: [(id: String, patterns: [String])]) -> [(theme: String, negated: Bool)] {
        code(text, prepared: prepare(codebook))
    }

    /// Ends a sentence or a clause for the negation window: `.`, `!`, `?`, `;`, `:` and line breaks
    /// (`…` is handled apart, being three bytes). A negation never reaches across one of them:
    /// « Aucune difficulté : la mobilisation a été constante » does not negate the mobilisation.
    @inline(__always) static func isSentenceBoundary(_ b: UInt8) -> Bool {
        b == 0x2E || b == 0x21 || b == 0x3F || b == 0x3B || b == 0x3A || b == 0x0A || b == 0x0D
    }

    /// How far back the negation window looks at most, in bytes: three words of any sensible length.
    static let negationWindowBytes = 240

    package static func code(_ text: String, prepared: PreparedCodebook) -> [(theme: String, negated: Bool)] {
        let bytes = Array(fold(text).utf8)
        let count = bytes.count
        var plain = [Bool](repeating: false, count: prepared.themes.count)
        var negated = plain
        var sentenceStart = 0
        for start in 0..<count {
            let byte = bytes[start]
            if isSentenceBoundary(byte) || (byte == 0xA6 && start >= 2 && bytes[start - 2] == 0xE2 && bytes[start - 1] == 0x80) {
                sentenceStart = start + 1
                continue
            }
            guard isWordByte(byte) && isWordStart(bytes, start) else { continue }
            for (theme, pattern) in prepared.byFirstByte[Int(byte)] where start + pattern.count <= count {
                var matches = true
                var j = 1
                while j < pattern.count {
                    if bytes[start + j] != pattern[j] {
                        matches = false
                        break
                    }
                    j += 1
                }
                // Once a theme is known both ways, further mentions change nothing.
                guard matches, !(plain[theme] && negated[theme]) else { continue }
                if isNegated(bytes, sentenceStart: sentenceStart, mention: start) { negated[theme] = true } else { plain[theme] = true }
            }
        }
        var result: [(theme: String, negated: Bool)] = []
        for index in prepared.themes.indices {
            if plain[index] { result.append((prepared.themes[index], false)) }
            if negated[index] { result.append((prepared.themes[index], true)) }
        }
        return result
    }

    /// Whether a word starts at `index`: the character before is not a letter or a digit. A
    /// non-ASCII character before is decoded, so that a no-break space or « counts as a space
    /// (« pas de\u{A0}moyens », «\u{A0}budget\u{A0}»).
    static func isWordStart(_ bytes: [UInt8], _ index: Int) -> Bool {
        guard index > 0 else { return true }
        let previous = bytes[index - 1]
        guard previous >= 0x80 else { return !isWordByte(previous) }
        var lead = index - 1
        while lead > 0 && bytes[lead] & 0xC0 == 0x80 { lead -= 1 }
        guard let scalar = String(decoding: bytes[lead..<index], as: UTF8.self).unicodeScalars.first else { return true }
        return !(scalar.properties.isAlphabetic || scalar.properties.numericType != nil)
    }

    /// Whether one of the three words before `mention`, in the sentence that starts at
    /// `sentenceStart`, is a negation.
    static func isNegated(_ bytes: [UInt8], sentenceStart: Int, mention: Int) -> Bool {
        var from = max(sentenceStart, mention - negationWindowBytes)
        // A window cut in the middle of a word starts at the next word.
        if from > sentenceStart { while from < mention && isWordByte(bytes[from - 1]) && isWordByte(bytes[from]) { from += 1 } }
        guard from < mention else { return false }
        let before = String(decoding: bytes[from..<mention], as: UTF8.self)
        return words(before).suffix(3).contains { negations.contains($0) }
    }

    /// Folded words without stopwords (negations kept), for the uncoded answers' vocabulary.
    package static func contentWords(_ text: String) -> [String] {
        words(fold(text)).filter { !stopwords.contains($0) && ($0.count > 1 || negations.contains($0)) }
    }

    /// Replaces e-mails, URLs, phone numbers and the campaign's names with placeholders.
    package static func anonymise(_ text: String, names: [String]) -> String {
        var result = text
        if result.utf8.contains(0x40) {
            result = replace(#"[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}"#, in: result, with: "[courriel]")
        }
        if containsLink(result) {
            result = replace(#"(https?://|www\.)[^\s<>\"]+[^\s<>\".,;:!?)]"#, in: result, with: "[lien]")
        }
        if digitCount(result) >= 9 {
            result = replace(#"(\+33\s?|0033\s?|\b0)[1-9](?:[\s.\-]?\d{2}){4}\b"#, in: result, with: "[téléphone]")
        }
        for name in names where !name.isEmpty {
            let escaped = NSRegularExpression.escapedPattern(for: name)
            result = replace("(?<![\\p{L}\\p{N}])" + escaped + "(?![\\p{L}\\p{N}])", in: result, with: "[nom]", caseInsensitive: true)
        }
        return result
    }

    /// How many digits the text holds (bytes for ASCII text, Unicode properties otherwise).
    static func digitCount(_ text: String) -> Int {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text.utf8.filter { $0 >= 0x30 && $0 <= 0x39 }.count }
        return text.filter(\.isNumber).count
    }

    /// A cheap pre-check for "http" or "www." (any case) before running the URL expression.
    static func containsLink(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count >= 4 else { return false }
        for i in 0...(bytes.count - 4) {
            let a = bytes[i] | 0x20, b = bytes[i + 1] | 0x20, c = bytes[i + 2] | 0x20, d = bytes[i + 3]
            if a == 0x68, b == 0x74, c == 0x74, d | 0x20 == 0x70 { return true }  // http
            if a == 0x77, b == 0x77, c == 0x77, d == 0x2E { return true }  // www.
        }
        return false
    }

    static func replace(_ pattern: String, in text: String, with replacement: String, caseInsensitive: Bool = false) -> String {
        guard let regex = try? NSRegularExpression(pattern: pattern, options: caseInsensitive ? [.caseInsensitive] : []) else { return text }
        let range = NSRange(text.startIndex..., in: text)
        return regex.stringByReplacingMatches(in: text, range: range, withTemplate: NSRegularExpression.escapedTemplate(for: replacement))
    }
}
