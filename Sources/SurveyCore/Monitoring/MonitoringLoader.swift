import Foundation
import Yams

extension QuestionnaireLoader {
    static let unitReferentialKeys = ["kind", "label", "items"]
    static let unitKeys = ["code", "label", "group"]
    static let reportingKeys = ["units", "periods"]
    static let periodRangeKeys = ["from", "to"]
    static let repeatKeys = ["min", "max", "item", "add"]
    /// Years outside this range are typing mistakes (`20219`), not periods.
    static let acceptedYears = 1900...2200
}

/// A named period: letters without accents, digits, `-` or `_`, 32 characters at most (`PRST3`).
private func isValidPeriodCode(_ text: String) -> Bool {
    guard let first = text.unicodeScalars.first, text.unicodeScalars.count <= 32, first.properties.isAlphabetic || ("0"..."9").contains(first) else {
        return false
    }
    return text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "_" || $0 == "-" }
}

extension LoadContext {
    /// The `units:` referentials of one file, merged into the questionnaire's.
    mutating func loadUnits(_ entries: [String: (key: Node, value: Node)], reader: inout YAMLReader) {
        guard let node = entries["units"]?.value else { return }
        guard case .mapping(let mapping) = node else {
            reader.diagnostics.error(reader.location(node), MonitoringProblem.unitsNotAMapping)
            return
        }
        for (key, value) in mapping {
            guard let id = reader.identifier(key, .unitsIdentifier) else { continue }
            if let previous = units[id] {
                reader.diagnostics.error(reader.location(key), MonitoringProblem.unitReferentialDefinedTwice(id: id, previous: previous.1))
                continue
            }
            if let referential = decodeUnitReferential(id, value, at: reader.location(key), reader: &reader) {
                units[id] = (referential, reader.location(key))
            }
        }
    }

    mutating func decodeUnitReferential(_ id: String, _ node: Node, at location: SourceLocation, reader: inout YAMLReader) -> UnitReferential? {
        guard
            let entries = reader.mapping(
                node, what: .unitReferential(id), allowed: QuestionnaireLoader.unitReferentialKeys,
                required: ["kind", "items"])
        else { return nil }
        let kind = reader.text(entries["kind"]?.value, "kind") ?? ""
        let label = entries["label"].flatMap { reader.text($0.value, "label") }
        let itemNodes = reader.sequence(entries["items"]?.value, "items")
        if let itemNodes, itemNodes.isEmpty, let itemsNode = entries["items"]?.value {
            reader.diagnostics.error(reader.location(itemsNode), MonitoringProblem.emptyUnitReferential(id: id))
        }
        var seen: [String: SourceLocation] = [:]
        var units: [ReportingUnit] = []
        for itemNode in itemNodes ?? [] {
            guard let item = reader.mapping(itemNode, what: .unit, allowed: QuestionnaireLoader.unitKeys, required: ["code", "label"]),
                let codeNode = item["code"]?.value, let rawCode = reader.string(codeNode, "code")
            else { continue }
            let at = reader.location(codeNode)
            if rawCode.trimmingCharacters(in: .whitespaces).isEmpty {
                reader.diagnostics.error(at, MonitoringProblem.emptyUnitCode)
                continue
            }
            guard let code = reader.identifier(codeNode, "code") else { continue }
            if let previous = seen[code.lowercased()] {
                reader.diagnostics.error(at, MonitoringProblem.duplicateUnitCode(code: code, previousLine: previous.line))
            }
            seen[code.lowercased()] = at
            units.append(
                ReportingUnit(
                    code: code, label: reader.text(item["label"]?.value, "label") ?? code,
                    group: item["group"].flatMap { reader.text($0.value, "group") }, location: at))
        }
        return UnitReferential(id: id, kind: kind, label: label, units: units, location: location)
    }

    /// The questionnaire's `reporting:` block; whether its referential exists is checked once
    /// every include is loaded.
    mutating func decodeReporting(_ node: Node?, reader: inout YAMLReader) -> Reporting? {
        guard let node else { return nil }
        guard let entries = reader.mapping(node, what: .reporting, allowed: QuestionnaireLoader.reportingKeys, required: ["units", "periods"])
        else { return nil }
        guard let unitsNode = entries["units"]?.value, let unitsID = reader.identifier(unitsNode, "units") else { return nil }
        let periods = decodePeriods(entries["periods"]?.value, reader: &reader)
        return Reporting(unitsID: unitsID, periods: periods, location: reader.location(unitsNode))
    }

    /// `[PRST3, PRST4]`, `[2019, 2020]`, `PRST3`, or `{from: 2019, to: 2021}`.
    mutating func decodePeriods(_ node: Node?, reader: inout YAMLReader) -> [ReportingPeriod] {
        guard let node else { return [] }
        if case .mapping = node {
            guard let entries = reader.mapping(node, what: .periodRange, allowed: QuestionnaireLoader.periodRangeKeys, required: ["from", "to"]),
                let fromNode = entries["from"]?.value, let toNode = entries["to"]?.value,
                let from = reader.int(fromNode, "from"), let to = reader.int(toNode, "to")
            else { return [] }
            var valid = true
            for (year, yearNode) in [(from, fromNode), (to, toNode)] where !QuestionnaireLoader.acceptedYears.contains(year) {
                reader.diagnostics.error(reader.location(yearNode), MonitoringProblem.yearOutOfRange(year))
                valid = false
            }
            guard valid else { return [] }
            if from > to {
                reader.diagnostics.error(reader.location(fromNode), MonitoringProblem.periodRangeReversed(from: from, to: to))
                return []
            }
            return (from...to).map(ReportingPeriod.year)
        }
        let items: [Node]
        if case .scalar = node { items = [node] } else { items = reader.sequence(node, "periods") ?? [] }
        if items.isEmpty, case .sequence = node {
            reader.diagnostics.error(reader.location(node), MonitoringProblem.noPeriods)
        }
        var periods: [ReportingPeriod] = []
        var seen: [String: SourceLocation] = [:]
        for item in items {
            guard let text = reader.text(item, "periods") else { continue }
            let at = reader.location(item)
            let period: ReportingPeriod
            if let year = Int(text) {
                guard QuestionnaireLoader.acceptedYears.contains(year) else {
                    reader.diagnostics.error(at, MonitoringProblem.yearOutOfRange(year))
                    continue
                }
                period = .year(year)
            } else {
                guard isValidPeriodCode(text) else {
                    reader.diagnostics.error(at, MonitoringProblem.invalidPeriodCode(text))
                    continue
                }
                period = ReportingPeriod(code: text)
            }
            // `prst3` and `PRST3` would be two store values for one wave.
            if let previous = seen[period.code.lowercased()] {
                reader.diagnostics.error(at, MonitoringProblem.duplicatePeriod(code: period.code, previousLine: previous.line))
                continue
            }
            seen[period.code.lowercased()] = at
            periods.append(period)
        }
        return periods
    }

    /// A section's `repeat:` block.
    mutating func decodeRepeat(_ entries: [String: (key: Node, value: Node)], reader: inout YAMLReader) -> OpenRepeat? {
        guard let entry = entries["repeat"] else { return nil }
        if entries["foreach"] != nil {
            reader.diagnostics.error(reader.location(entry.key), MonitoringProblem.repeatWithForeach)
        }
        guard let block = reader.mapping(entry.value, what: .repeatBlock, allowed: QuestionnaireLoader.repeatKeys, required: ["max", "item", "add"])
        else { return nil }
        let minNode = block["min"]?.value, maxNode = block["max"]?.value
        let min = minNode.map { reader.int($0, "min") } ?? 0
        let max = maxNode.flatMap { reader.int($0, "max") }
        let item = reader.text(block["item"]?.value, "item")
        let add = reader.text(block["add"]?.value, "add")
        var valid = true
        if let min, min < 0, let minNode {
            reader.diagnostics.error(reader.location(minNode), MonitoringProblem.repeatMinNegative(min))
            valid = false
        }
        if let max, max < 1, let maxNode {
            reader.diagnostics.error(reader.location(maxNode), MonitoringProblem.repeatMaxBelowOne(max))
            valid = false
        }
        if valid, let min, let max, min > max, let minNode {
            reader.diagnostics.error(reader.location(minNode), MonitoringProblem.repeatMinAboveMax(min: min, max: max))
            valid = false
        }
        guard valid, let min, let max, let item, let add else { return nil }
        return OpenRepeat(min: min, max: max, item: item, add: add)
    }

    /// A number's `unit`, `provider` and `part_of`; that they sit on a number is checked with
    /// every other type-specific key.
    mutating func decodeIndicator(_ entries: [String: (key: Node, value: Node)], into question: inout Question, reader: inout YAMLReader) {
        question.unit = entries["unit"].flatMap { reader.text($0.value, "unit") }
        question.provider = entries["provider"].flatMap { reader.text($0.value, "provider") }
        question.partOf = entries["part_of"].flatMap { reader.identifier($0.value, "part_of") }
    }
}
