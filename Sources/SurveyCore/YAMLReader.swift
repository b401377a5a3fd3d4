import Foundation
import Yams

/// Reads Yams' composed nodes, which keep line and column, into typed values while collecting
/// located diagnostics. `YAMLDecoder` would lose the positions.
struct YAMLReader {
    let file: String
    var diagnostics = DiagnosticCollector()

    init(file: String) { self.file = file }

    func location(_ node: Node?) -> SourceLocation {
        guard let mark = node?.mark else { return SourceLocation(file: file, line: 1, column: 1) }
        return SourceLocation(file: file, line: mark.line, column: mark.column)
    }

    /// The entries of a mapping, with unknown keys reported (with a did-you-mean hint) and
    /// missing required keys reported at the mapping itself.
    mutating func mapping(
        _ node: Node?, what: String, allowed: [String], required: [String] = [],
        reportUnknown: Bool = true
    ) -> [String: (key: Node, value: Node)]? {
        guard let node else { return nil }
        guard case .mapping(let mapping) = node else {
            diagnostics.error(location(node), "\(what) doit être un dictionnaire de clés (clé: valeur)")
            return nil
        }
        var entries: [String: (key: Node, value: Node)] = [:]
        for (key, value) in mapping {
            guard let name = key.scalar?.string else {
                diagnostics.error(location(key), "clé invalide dans \(what)")
                continue
            }
            if reportUnknown, !allowed.contains(name) {
                let hint = closestMatch(to: name, in: allowed).map { "vouliez-vous dire « \($0) » ?" }
                    ?? "clés possibles : \(allowed.joined(separator: ", "))"
                diagnostics.error(location(key), "clé inconnue « \(name) » dans \(what)", hint: hint)
            }
            entries[name] = (key, value)
        }
        for name in required where entries[name] == nil {
            diagnostics.error(location(node), "clé obligatoire « \(name) » manquante dans \(what)")
        }
        return entries
    }

    mutating func string(_ node: Node?, _ key: String) -> String? {
        guard let node else { return nil }
        guard case .scalar(let scalar) = node else {
            diagnostics.error(location(node), "« \(key) » doit être un texte")
            return nil
        }
        return scalar.string
    }

    /// A non-empty text; an empty one is reported.
    mutating func text(_ node: Node?, _ key: String) -> String? {
        guard let value = string(node, key) else { return nil }
        if value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            diagnostics.error(location(node), "« \(key) » ne doit pas être vide")
            return nil
        }
        return value
    }

    mutating func identifier(_ node: Node?, _ key: String) -> String? {
        guard let value = string(node, key) else { return nil }
        if !Identifier.isValid(value) {
            diagnostics.error(location(node), "identifiant invalide « \(value) »",
                              hint: Identifier.rule + (Identifier.suggestion(for: value).map { " ; par exemple « \($0) »" } ?? ""))
        }
        return value
    }

    mutating func int(_ node: Node?, _ key: String) -> Int? {
        guard let node else { return nil }
        guard case .scalar(let scalar) = node, scalar.style == .plain, let value = Int(scalar.string) else {
            diagnostics.error(location(node), "« \(key) » doit être un nombre entier")
            return nil
        }
        return value
    }

    mutating func number(_ node: Node?, _ key: String) -> Double? {
        guard let node else { return nil }
        guard case .scalar(let scalar) = node, scalar.style == .plain,
              let value = Double(scalar.string.replacingOccurrences(of: ",", with: "."))
        else {
            diagnostics.error(location(node), "« \(key) » doit être un nombre")
            return nil
        }
        return value
    }

    mutating func bool(_ node: Node?, _ key: String) -> Bool? {
        guard let node else { return nil }
        guard case .scalar(let scalar) = node, scalar.style == .plain else {
            diagnostics.error(location(node), "« \(key) » doit valoir true ou false")
            return nil
        }
        switch scalar.string.lowercased() {
        case "true", "yes", "oui": return true
        case "false", "no", "non": return false
        default:
            diagnostics.error(location(node), "« \(key) » doit valoir true ou false (lu : « \(scalar.string) »)")
            return nil
        }
    }

    /// A value among fixed words, reported with the list of possible words.
    mutating func word<T: RawRepresentable>(_ node: Node?, _ key: String, as type: T.Type, words: [String]) -> T? where T.RawValue == String {
        guard let value = string(node, key) else { return nil }
        if let result = T(rawValue: value) { return result }
        let hint = closestMatch(to: value, in: words).map { "vouliez-vous dire « \($0) » ?" } ?? "valeurs possibles : \(words.joined(separator: ", "))"
        diagnostics.error(location(node), "valeur inconnue « \(value) » pour « \(key) »", hint: hint)
        return nil
    }

    mutating func sequence(_ node: Node?, _ key: String) -> [Node]? {
        guard let node else { return nil }
        guard case .sequence(let sequence) = node else {
            diagnostics.error(location(node), "« \(key) » doit être une liste (éléments précédés de « - » ou entre crochets)")
            return nil
        }
        return Array(sequence)
    }

    /// A scalar's text, whatever its YAML type: choice codes may be written 4 or "4".
    mutating func code(_ node: Node?, _ key: String) -> String? {
        string(node, key)
    }

    /// Where the text of a scalar begins, accounting for an opening quote.
    func contentLocation(_ node: Node) -> SourceLocation {
        let start = location(node)
        if case .scalar(let scalar) = node, scalar.style == .singleQuoted || scalar.style == .doubleQuoted {
            return start.offset(by: 1)
        }
        return start
    }
}

package enum Identifier {
    package static let rule = "un identifiant commence par une lettre minuscule, suivie de lettres minuscules sans accent, de chiffres ou de « _ », 32 caractères au plus"

    package static func isValid(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, text.unicodeScalars.count <= 32,
              ("a"..."z").contains(first)
        else { return false }
        return text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
    }

    /// A valid identifier close to an invalid one: lowercase, accents folded, other characters as `_`.
    package static func suggestion(for text: String) -> String? {
        let folded = text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: Locale(identifier: "fr_FR")).lowercased()
        var result = String(folded.unicodeScalars.map { ("a"..."z").contains($0) || ("0"..."9").contains($0) ? Character($0) : "_" })
        while result.contains("__") { result = result.replacingOccurrences(of: "__", with: "_") }
        result = result.trimmingCharacters(in: CharacterSet(charactersIn: "_"))
        if let first = result.unicodeScalars.first, !("a"..."z").contains(first) { result = "q_" + result }
        result = String(result.prefix(32))
        return isValid(result) && result != text ? result : nil
    }
}

extension Node {
    var scalar: Node.Scalar? {
        if case .scalar(let scalar) = self { return scalar }
        return nil
    }
}
