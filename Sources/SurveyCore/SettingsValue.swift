import Foundation
import Yams

/// A free-form YAML value kept as data (the campaign's `simulation:` block, the simulation's
/// phrase bank), interpreted by the module that owns it.
package indirect enum SettingsValue: Sendable, Hashable {
    case scalar(String)
    case list([SettingsValue])
    case map([(String, SettingsValue)])

    package static func == (lhs: SettingsValue, rhs: SettingsValue) -> Bool {
        switch (lhs, rhs) {
        case (.scalar(let a), .scalar(let b)): return a == b
        case (.list(let a), .list(let b)): return a == b
        case (.map(let a), .map(let b)): return a.count == b.count && zip(a, b).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: return false
        }
    }

    package func hash(into hasher: inout Hasher) {
        switch self {
        case .scalar(let s): hasher.combine(0); hasher.combine(s)
        case .list(let l): hasher.combine(1); hasher.combine(l)
        case .map(let m): hasher.combine(2); for (k, v) in m { hasher.combine(k); hasher.combine(v) }
        }
    }

    package init(node: Node) {
        switch node {
        case .scalar(let scalar): self = .scalar(scalar.string)
        case .sequence(let sequence): self = .list(sequence.map { SettingsValue(node: $0) })
        case .mapping(let mapping): self = .map(mapping.map { ($0.key.scalar?.string ?? "", SettingsValue(node: $0.value)) })
        case .alias: self = .scalar("")
        }
    }

    /// Parses a YAML text; nil when it is not valid YAML.
    package static func parse(_ text: String) -> SettingsValue? {
        guard let node = try? Yams.compose(yaml: text) else { return nil }
        return SettingsValue(node: node)
    }

    package subscript(_ key: String) -> SettingsValue? {
        if case .map(let entries) = self { return entries.first { $0.0 == key }?.1 }
        return nil
    }

    package var string: String? { if case .scalar(let s) = self { return s } else { return nil } }
    package var double: Double? { string.flatMap { Double($0) } }
    package var int: Int? { string.flatMap { Int($0) } }
    package var list: [SettingsValue] { if case .list(let l) = self { return l } else { return [] } }
    package var entries: [(String, SettingsValue)] { if case .map(let m) = self { return m } else { return [] } }
    /// A map of numbers, e.g. `{pilotes: 0.7, destinataires: 0.5}`.
    package var numbers: [String: Double] {
        var result: [String: Double] = [:]
        for (key, value) in entries { if let number = value.double { result[key] = number } }
        return result
    }
}
