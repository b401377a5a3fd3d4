import Foundation
import GRDB
import GRDBSQLite
import SurveyCore

/// How an `AnswerValue` is laid out in the `answers` table.
enum AnswerCoding {
    struct Encoded {
        var kind: String
        var text: String?
        var number: Double?
    }

    static func encode(_ value: AnswerValue) -> Encoded {
        switch value {
        case .choice(let code): return Encoded(kind: "choice", text: code)
        case .choices(let codes): return Encoded(kind: "choices", text: jsonArray(codes))
        case .number(let number): return Encoded(kind: "number", number: number)
        case .text(let text): return Encoded(kind: "text", text: text)
        case .nonSubstantive(let code): return Encoded(kind: "non_substantive", text: code)
        case .skipped: return Encoded(kind: "skipped")
        case .notAsked: return Encoded(kind: "not_asked")
        }
    }

    /// Reads variable, repetition, kind, value_text, value_number starting at `offset`.
    static func decode(_ row: Row, offset: Int, session: String) throws -> (AnswerKey, AnswerValue) {
        let variable: String = row[offset]
        let repetition: String = row[offset + 1]
        let kind: String = row[offset + 2]
        let text: String? = row[offset + 3]
        let number: Double? = row[offset + 4]
        return try decode(variable: variable, repetition: repetition, kind: kind, text: text, number: number, session: session)
    }

    /// The same from a statement being stepped through SQLite's C interface.
    static func decode(_ handle: OpaquePointer, offset: Int32, session: String) throws -> (AnswerKey, AnswerValue) {
        try decode(
            variable: RawColumn.text(handle, offset) ?? "", repetition: RawColumn.text(handle, offset + 1) ?? "",
            kind: RawColumn.text(handle, offset + 2) ?? "",
            text: RawColumn.text(handle, offset + 3),
            number: sqlite3_column_type(handle, offset + 4) == SQLITE_NULL ? nil : sqlite3_column_double(handle, offset + 4), session: session)
    }

    static func decode(variable: String, repetition: String, kind: String, text: String?, number: Double?, session: String) throws -> (AnswerKey, AnswerValue) {
        let key = AnswerKey(variable, repetition: repetition.isEmpty ? nil : repetition)
        var damaged: StoreError {
            StoreError(.unreadableAnswer(key: key.description, session: session))
        }
        let value: AnswerValue
        switch kind {
        case "choice": guard let text else { throw damaged }; value = .choice(text)
        case "choices":
            guard let text, let codes = codesArray(text) ?? (try? JSONDecoder().decode([String].self, from: Data(text.utf8))) else { throw damaged }
            value = .choices(codes)
        case "number": guard let number else { throw damaged }; value = .number(number)
        case "text": guard let text else { throw damaged }; value = .text(text)
        case "non_substantive": guard let text else { throw damaged }; value = .nonSubstantive(text)
        case "skipped": value = .skipped
        case "not_asked": value = .notAsked
        default: throw damaged
        }
        return (key, value)
    }

    /// The codes of `["a","b"]` when no code needs an escape (every code a questionnaire
    /// defines): reading a 100,000-session store decodes millions of these. Nil otherwise, for
    /// the JSON decoder to handle.
    static func codesArray(_ text: String) -> [String]? {
        var text = text
        return text.withUTF8 { bytes -> [String]? in
            let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), backslash = UInt8(ascii: "\\")
            guard bytes.count >= 2, bytes.first == UInt8(ascii: "["), bytes.last == UInt8(ascii: "]") else { return nil }
            var codes: [String] = []
            var index = 1
            let end = bytes.count - 1
            if index == end { return codes }
            while index < end {
                guard bytes[index] == quote else { return nil }
                var close = index + 1
                while close < end, bytes[close] != quote {
                    if bytes[close] == backslash { return nil }
                    close += 1
                }
                guard close < end else { return nil }
                codes.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[(index + 1)..<close]), as: UTF8.self))
                index = close + 1
                if index < end {
                    guard bytes[index] == comma else { return nil }
                    index += 1
                    guard index < end else { return nil }
                }
            }
            return codes
        }
    }

    /// `["a","b"]`, as JSONEncoder writes it (slashes unescaped), without its cost per call:
    /// bulk inserts write one per multiple-choice answer.
    static func jsonArray(_ strings: [String]) -> String {
        var out = "["
        for (index, string) in strings.enumerated() {
            if index > 0 { out += "," }
            out += "\""
            for scalar in string.unicodeScalars {
                switch scalar {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case "\n": out += "\\n"
                case "\r": out += "\\r"
                case "\t": out += "\\t"
                default:
                    if scalar.value < 0x20 {
                        out += String(format: "\\u%04x", scalar.value)
                    } else {
                        out.unicodeScalars.append(scalar)
                    }
                }
            }
            out += "\""
        }
        return out + "]"
    }
}
