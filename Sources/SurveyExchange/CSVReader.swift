import Foundation
import SurveyCore

/// A CSV record and where it starts, for messages a spreadsheet user can follow.
package struct CSVRecord: Sendable, Hashable {
    package var fields: [String]
    /// The record's row as a spreadsheet shows it: the header is row 1.
    package var row: Int
    /// The line of the file where the record starts (a quoted field may span several lines).
    package var line: Int
}

/// What can be wrong with a CSV file before any value is read.
package enum CSVProblem: Error, Sendable, Hashable {
    /// Bytes that are not UTF-8 (a Latin-1 or Windows-1252 export), at this line.
    case notUTF8(line: Int, byte: UInt8)
    /// A quoted field opened at this line is never closed.
    case unclosedQuote(row: Int, line: Int)
    /// A quote in the middle of an unquoted field, or text right after a closing quote.
    case strayQuote(row: Int, line: Int, column: Int)
    case empty
}

/// Reads RFC 4180 CSV as well as what French Excel and LibreOffice write: the separator (`,`,
/// `;` or tab) is detected from the header line, a UTF-8 byte-order mark is dropped, lines end
/// with `\n` or `\r\n`, quoted fields may hold separators, quotes and line breaks.
///
/// Works on bytes so that a file of several hundred thousand rows is read in seconds.
package struct CSVReader {
    private let bytes: [UInt8]
    private var position: Int
    private var line = 1
    private var row = 0
    package let separator: UInt8
    package let hadByteOrderMark: Bool

    package init(data: Data) throws(CSVProblem) {
        var bytes = [UInt8](data)
        hadByteOrderMark = bytes.starts(with: [0xEF, 0xBB, 0xBF])
        if hadByteOrderMark { bytes.removeFirst(3) }
        if let (line, byte) = Self.firstInvalidUTF8(bytes) { throw .notUTF8(line: line, byte: byte) }
        guard bytes.contains(where: { $0 != 0x0A && $0 != 0x0D && $0 != 0x20 }) else { throw .empty }
        self.bytes = bytes
        self.position = 0
        self.separator = Self.detectSeparator(bytes)
    }

    /// The separator as a character, for messages.
    package var separatorName: String {
        switch separator {
        case 0x3B: return ";"
        case 0x09: return "tab"
        default: return ","
        }
    }

    /// The next record, or nil at the end of the file. Blank lines are skipped.
    package mutating func next() throws(CSVProblem) -> CSVRecord? {
        while position < bytes.count, bytes[position] == 0x0A || bytes[position] == 0x0D {
            consumeLineEnd()
        }
        guard position < bytes.count else { return nil }
        row += 1
        let startLine = line
        var fields: [String] = []
        var field: [UInt8] = []
        var quoted = false
        var fieldStart = true
        var afterClosingQuote = false
        while position < bytes.count {
            let byte = bytes[position]
            if quoted {
                if byte == 0x22 {
                    if position + 1 < bytes.count, bytes[position + 1] == 0x22 {
                        field.append(0x22)
                        position += 2
                    } else {
                        quoted = false
                        afterClosingQuote = true
                        position += 1
                    }
                    continue
                }
                if byte == 0x0A { line += 1 }
                field.append(byte)
                position += 1
                continue
            }
            if byte == separator {
                fields.append(String(decoding: field, as: UTF8.self))
                field.removeAll(keepingCapacity: true)
                fieldStart = true
                afterClosingQuote = false
                position += 1
                continue
            }
            if byte == 0x0A || byte == 0x0D {
                consumeLineEnd()
                fields.append(String(decoding: field, as: UTF8.self))
                return CSVRecord(fields: fields, row: row, line: startLine)
            }
            if afterClosingQuote || (byte == 0x22 && !fieldStart) {
                throw .strayQuote(row: row, line: line, column: fields.count + 1)
            }
            if byte == 0x22 {
                quoted = true
                fieldStart = false
                position += 1
                continue
            }
            fieldStart = false
            field.append(byte)
            position += 1
        }
        if quoted { throw .unclosedQuote(row: row, line: startLine) }
        fields.append(String(decoding: field, as: UTF8.self))
        return CSVRecord(fields: fields, row: row, line: startLine)
    }

    private mutating func consumeLineEnd() {
        if bytes[position] == 0x0D, position + 1 < bytes.count, bytes[position + 1] == 0x0A { position += 1 }
        position += 1
        line += 1
    }

    /// The separator that occurs most often outside quotes on the first line (`,` on a tie).
    static func detectSeparator(_ bytes: [UInt8]) -> UInt8 {
        var counts: [UInt8: Int] = [0x2C: 0, 0x3B: 0, 0x09: 0]
        var quoted = false
        for byte in bytes {
            if byte == 0x22 { quoted.toggle() }
            if !quoted, byte == 0x0A || byte == 0x0D { break }
            if !quoted, counts[byte] != nil { counts[byte, default: 0] += 1 }
        }
        let best = [UInt8(0x2C), 0x3B, 0x09].max { (counts[$0] ?? 0) < (counts[$1] ?? 0) } ?? 0x2C
        return (counts[best] ?? 0) > (counts[0x2C] ?? 0) ? best : 0x2C
    }

    /// The line and value of the first byte that does not belong to valid UTF-8, if any.
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> (Int, UInt8)? {
        var index = 0
        var line = 1
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x80 {
                if byte == 0x0A { line += 1 }
                index += 1
                continue
            }
            let length: Int
            switch byte {
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return (line, byte)
            }
            guard index + length <= bytes.count else { return (line, byte) }
            for offset in 1..<length where bytes[index + offset] & 0xC0 != 0x80 { return (line, byte) }
            // Overlong forms and surrogates are invalid too.
            let second = bytes[index + 1]
            if (byte == 0xE0 && second < 0xA0) || (byte == 0xED && second > 0x9F) || (byte == 0xF0 && second < 0x90) || (byte == 0xF4 && second > 0x8F) {
                return (line, byte)
            }
            index += length
        }
        return nil
    }
}

package extension CSVProblem {
    /// Where the problem is, as a spreadsheet shows it: the row (or the file's line for bytes
    /// that are not UTF-8) and the column when known.
    var location: (row: Int, column: Int?) {
        switch self {
        case .notUTF8(let line, _): return (line, nil)
        case .unclosedQuote(let row, _): return (row, nil)
        case .strayQuote(let row, _, let column): return (row, column)
        case .empty: return (1, nil)
        }
    }

    /// What the problem is, without its location.
    var importProblem: ImportProblem {
        switch self {
        case .notUTF8(_, let byte): .csvNotUTF8(byte: byte)
        case .unclosedQuote(_, let line): .csvUnclosedQuote(line: line)
        case .strayQuote: .csvStrayQuote
        case .empty: .csvEmpty
        }
    }
}
