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
        _ node: Node?, what: DefinitionPart, allowed: [String], required: [String] = [],
        reportUnknown: Bool = true
    ) -> [String: (key: Node, value: Node)]? {
        guard let node else { return nil }
        guard case .mapping(let mapping) = node else {
            diagnostics.error(location(node), .notAMapping(what))
            return nil
        }
        var entries: [String: (key: Node, value: Node)] = [:]
        for (key, value) in mapping {
            guard let name = key.scalar?.string else {
                diagnostics.error(location(key), .invalidKey(in: what))
                continue
            }
            if reportUnknown, !allowed.contains(name) {
                diagnostics.error(location(key), .unknownKey(name, in: what, suggestion: closestMatch(to: name, in: allowed), allowed: allowed))
            }
            entries[name] = (key, value)
        }
        for name in required where entries[name] == nil {
            diagnostics.error(location(node), .missingKey(name, in: what))
        }
        return entries
    }

    mutating func string(_ node: Node?, _ key: DefinitionKey) -> String? {
        guard let node else { return nil }
        guard case .scalar(let scalar) = node else {
            diagnostics.error(location(node), .notText(key: key))
            return nil
        }
        return scalar.string
    }

    /// A non-empty text; an empty one is reported.
    mutating func text(_ node: Node?, _ key: DefinitionKey) -> String? {
        guard let value = string(node, key) else { return nil }
        if value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            diagnostics.error(location(node), .emptyText(key: key))
            return nil
        }
        return value
    }

    mutating func identifier(_ node: Node?, _ key: DefinitionKey) -> String? {
        guard let value = string(node, key) else { return nil }
        if !Identifier.isValid(value) {
            diagnostics.error(location(node), .invalidIdentifier(value, suggestion: Identifier.suggestion(for: value)))
        }
        return value
    }

    mutating func int(_ node: Node?, _ key: DefinitionKey) -> Int? {
        guard let node else { return nil }
        guard case .scalar(let scalar) = node, scalar.style == .plain, let value = Int(scalar.string) else {
            diagnostics.error(location(node), .notInteger(key: key))
            return nil
        }
        return value
    }

    mutating func number(_ node: Node?, _ key: DefinitionKey) -> Double? {
        guard let node else { return nil }
        guard case .scalar(let scalar) = node, scalar.style == .plain,
            let value = Double(scalar.string.replacingOccurrences(of: ",", with: "."))
        else {
            diagnostics.error(location(node), .notNumber(key: key))
            return nil
        }
        return value
    }

    mutating func bool(_ node: Node?, _ key: DefinitionKey) -> Bool? {
        guard let node else { return nil }
        guard case .scalar(let scalar) = node, scalar.style == .plain else {
            diagnostics.error(location(node), .notBoolean(key: key))
            return nil
        }
        switch scalar.string.lowercased() {
        case "true", "yes", "oui": return true
        case "false", "no", "non": return false
        default:
            diagnostics.error(location(node), .notBooleanWord(key: key, value: scalar.string))
            return nil
        }
    }

    /// A value among fixed words, reported with the list of possible words.
    mutating func word<T: RawRepresentable>(_ node: Node?, _ key: DefinitionKey, as type: T.Type, words: [String]) -> T? where T.RawValue == String {
        guard let value = string(node, key) else { return nil }
        if let result = T(rawValue: value) { return result }
        diagnostics.error(location(node), .unknownWord(value, key: key, suggestion: closestMatch(to: value, in: words), allowed: words))
        return nil
    }

    mutating func sequence(_ node: Node?, _ key: DefinitionKey) -> [Node]? {
        guard let node else { return nil }
        guard case .sequence(let sequence) = node else {
            diagnostics.error(location(node), .notList(key: key))
            return nil
        }
        return Array(sequence)
    }

    /// A scalar's text, whatever its YAML type: choice codes may be written 4 or "4".
    mutating func code(_ node: Node?, _ key: DefinitionKey) -> String? {
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
