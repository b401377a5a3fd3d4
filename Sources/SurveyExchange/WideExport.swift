import Foundation
import SurveyCore

/// Writes a questionnaire's responses as a wide CSV: one row per session, one column per
/// variable (and per choice of a `multiple` question, and per foreach repetition).
///
/// Cells tell apart what the analysis must tell apart:
/// - empty: the question was asked and left unanswered (or not reached in an unfinished session);
/// - `#NP`: not asked, because a condition was false or the deliverable was not selected;
/// - a non-substantive code such as `nsp`: answered "Ne sait pas".
package struct WideExporter: Sendable {
    package let layout: ExchangeLayout
    package let style: CSVStyle

    /// What each run of cells is read from, without the definitions the layout carries: the
    /// per-row loop then copies strings, not questions (a 100,000-row export spent a quarter
    /// of its time copying columns).
    private enum Source: Sendable {
        case session, unit, period, status, startedAt, completedAt
        case value(AnswerKey)
        /// The 0/1 cells of one `multiple` variable, one per choice code, read with one look-up.
        case options(AnswerKey, [String])
    }

    private let sources: [Source]

    package init(layout: ExchangeLayout, style: CSVStyle) {
        self.layout = layout
        self.style = style
        var sources: [Source] = []
        for column in layout.columns {
            switch column.content {
            case .session: sources.append(.session)
            case .unit: sources.append(.unit)
            case .period: sources.append(.period)
            case .status: sources.append(.status)
            case .startedAt: sources.append(.startedAt)
            case .completedAt: sources.append(.completedAt)
            case .value(let key): sources.append(.value(key))
            case .option(let key, let code):
                if case .options(let last, let codes) = sources.last, last == key {
                    sources[sources.count - 1] = .options(key, codes + [code])
                } else {
                    sources.append(.options(key, [code]))
                }
            }
        }
        self.sources = sources
    }

    /// The header line, preceded by the byte-order mark in the Excel dialect.
    package func header() -> String {
        (style == .excel ? "\u{FEFF}" : "") + style.row(layout.columns.map(\.name))
    }

    /// Whether the record belongs in the export (unfinished sessions only on request).
    package func includes(_ record: ResponseRecord) -> Bool {
        record.status == .completed || layout.includesStatus
    }

    package func row(_ record: ResponseRecord) -> String {
        var bytes: [UInt8] = []
        write(record, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends the record's line to a byte buffer (the export writes 100,000 of them).
    package func write(_ record: ResponseRecord, to buffer: inout [UInt8]) {
        let separator = UInt8(ascii: style == .excel ? ";" : ",")
        var first = true
        func append(_ cell: String) {
            if !first { buffer.append(separator) }
            first = false
            style.append(cell, to: &buffer)
        }
        for source in sources {
            switch source {
            case .session: append(record.sessionID)
            case .unit: append(record.reporting?.unit ?? "")
            case .period: append(record.reporting?.period ?? "")
            case .status: append(record.status == .completed ? ExchangeLayout.completedStatus : ExchangeLayout.inProgressStatus)
            case .startedAt: append(ExchangeTime.format(record.startedAt))
            case .completedAt: append(record.completedAt.map(ExchangeTime.format) ?? "")
            case .value(let key): append(valueCell(record.answers[key], record.status))
            case .options(let key, let codes):
                let value = record.answers[key]
                for code in codes {
                    switch value {
                    case .choices(let selected): append(selected.contains(code) ? "1" : "0")
                    case .skipped: append("")
                    case .none: append(record.status == .completed ? ExchangeLayout.notAskedMarker : "")
                    default: append(ExchangeLayout.notAskedMarker)
                    }
                }
            }
        }
        buffer.append(contentsOf: style.lineEnd.utf8)
    }

    /// A completed session has an answer for every step it planned: a missing one belongs to a
    /// foreach repetition that was never opened, so it was not asked. In an unfinished session
    /// it may simply not have been reached yet.
    private func valueCell(_ value: AnswerValue?, _ status: SessionStatus) -> String {
        switch value {
        case .none: return status == .completed ? ExchangeLayout.notAskedMarker : ""
        case .notAsked: return ExchangeLayout.notAskedMarker
        case .skipped: return ""
        case .choice(let code), .nonSubstantive(let code): return code
        case .choices(let codes): return codes.joined(separator: " ")
        case .number(let number): return ExchangeNumber.format(number, style: style)
        case .text(let text): return ExchangeText.protect(text, style: style)
        }
    }
}

/// Numbers written so that reading them back gives the same value: no rounding, integers
/// without decimals, a decimal comma in the Excel dialect.
package enum ExchangeNumber {
    package static func format(_ value: Double, style: CSVStyle) -> String {
        let text = value.rounded() == value && abs(value) < 1e15 ? String(Int64(value)) : "\(value)"
        return style == .excel ? text.replacingOccurrences(of: ".", with: ",") : text
    }

    /// "3,5", "3.5", " 12 " → the number; nil when the cell is not one number.
    package static func parse(_ cell: String) -> Double? {
        var trimmed = cell.trimmedSpaces
        if trimmed.utf8.contains(UInt8(ascii: ",")) { trimmed = trimmed.replacingOccurrences(of: ",", with: ".") }
        guard !trimmed.isEmpty, trimmed.allSatisfy({ $0.isASCII && ($0.isNumber || "+-.eE".contains($0)) }) else { return nil }
        return Double(trimmed).flatMap { $0.isFinite ? $0 : nil }
    }
}

/// Open answers in the Excel dialect: a text that a spreadsheet would run as a formula
/// (`=`, `+`, `-`, `@` first) is written after an apostrophe, and so is a text that starts with
/// an apostrophe, so that the import can remove exactly the one it added.
package enum ExchangeText {
    static let formulaStarts: Set<Character> = ["=", "+", "-", "@", "'"]

    package static func protect(_ text: String, style: CSVStyle) -> String {
        guard style == .excel, let first = text.first, formulaStarts.contains(first) else { return text }
        return "'" + text
    }

    package static func unprotect(_ cell: String, style: CSVStyle) -> String {
        guard style == .excel, cell.hasPrefix("'"), let second = cell.dropFirst().first, formulaStarts.contains(second) else { return cell }
        return String(cell.dropFirst())
    }
}

/// Times in ISO 8601, UTC, to the second: the same text on every machine.
package enum ExchangeTime {
    package static func format(_ date: Date) -> String {
        let seconds = Int64(date.timeIntervalSince1970.rounded(.down))
        var time = time_t(seconds)
        var parts = tm()
        gmtime_r(&time, &parts)
        return String(
            format: "%04d-%02d-%02dT%02d:%02d:%02dZ", Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1, Int(parts.tm_mday),
            Int(parts.tm_hour), Int(parts.tm_min), Int(parts.tm_sec))
    }

    /// `2026-11-30T08:25:27Z` (also with a space instead of `T`, or without `Z`, read as UTC).
    package static func parse(_ cell: String) -> Date? {
        let text = cell.trimmedSpaces
        let digits = text.split(whereSeparator: { "-T :Z".contains($0) }).map(String.init)
        guard digits.count == 6, text.count >= 19, let values = Optional(digits.compactMap { Int($0) }), values.count == 6 else { return nil }
        var parts = tm()
        parts.tm_year = Int32(values[0] - 1900)
        parts.tm_mon = Int32(values[1] - 1)
        parts.tm_mday = Int32(values[2])
        parts.tm_hour = Int32(values[3])
        parts.tm_min = Int32(values[4])
        parts.tm_sec = Int32(values[5])
        guard (1...12).contains(values[1]), (1...31).contains(values[2]), (0...23).contains(values[3]), (0...59).contains(values[4]),
            (0...60).contains(values[5])
        else { return nil }
        let seconds = timegm(&parts)
        return Date(timeIntervalSince1970: TimeInterval(seconds))
    }
}

extension String {
    /// Without the spaces and tabs around it; cheap when there are none (nearly every cell),
    /// unlike Foundation's `trimmingCharacters(in:)`, which dominated the import's profile.
    var trimmedSpaces: String {
        let utf8 = self.utf8
        guard let first = utf8.first, let last = utf8.last else { return self }
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }
        guard isSpace(first) || isSpace(last) else { return self }
        guard let start = utf8.firstIndex(where: { !isSpace($0) }), let end = utf8.lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[start...end])
    }
}
