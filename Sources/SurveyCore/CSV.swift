import Foundation

/// Fixed number formatting: the same bytes on every machine, no locale.
package enum Numbers {
    /// One decimal, decimal point (CSV in RFC 4180 style).
    package static func point(_ value: Double, decimals: Int = 1) -> String {
        let factor = pow(10.0, Double(decimals))
        let rounded = (value * factor).rounded() / factor
        let text = String(format: "%.\(decimals)f", rounded == 0 ? 0 : rounded)
        return text
    }
    /// One decimal with a French decimal comma.
    package static func comma(_ value: Double, decimals: Int = 1) -> String { point(value, decimals: decimals).replacingOccurrences(of: ".", with: ",") }
    /// A median or a number without useless decimals: "3", "2,5".
    package static func compact(_ value: Double, comma: Bool) -> String {
        // Past 2^53 every double is whole, and past Int's range `Int(value)` would trap.
        let text = value.rounded() == value && abs(value) < 9e15 ? String(Int(value)) : point(value, decimals: 1)
        return comma ? text.replacingOccurrences(of: ".", with: ",") : text
    }
    /// p-values: 3 significant digits or "< 0,001".
    package static func pValue(_ p: Double, comma: Bool) -> String {
        let text = p < 0.001 ? "< 0.001" : point(p, decimals: 3)
        return comma ? text.replacingOccurrences(of: ".", with: ",") : text
    }
}

/// CSV conventions: RFC 4180 (`,`, decimal point, `\n`) or French Excel (`;`, decimal comma, BOM, `\r\n`).
package enum CSVStyle: String, Sendable {
    case rfc4180
    case excel

    package var separator: String { self == .excel ? ";" : "," }
    package var lineEnd: String { self == .excel ? "\r\n" : "\n" }

    package func number(_ value: Double?, decimals: Int = 1) -> String {
        guard let value else { return "" }
        let text = Numbers.point(value, decimals: decimals)
        return self == .excel ? text.replacingOccurrences(of: ".", with: ",") : text
    }
    package func compact(_ value: Double?) -> String {
        guard let value else { return "" }
        return Numbers.compact(value, comma: self == .excel)
    }

    package func field(_ text: String) -> String {
        // Quote when the text holds a separator of either style, a quote or a line break.
        guard needsQuotes(text) else { return text }
        return "\"" + (text.utf8.contains(0x22) ? text.replacingOccurrences(of: "\"", with: "\"\"") : text) + "\""
    }

    package func needsQuotes(_ text: String) -> Bool {
        text.utf8.contains(where: { $0 == 0x2C || $0 == 0x3B || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D })
    }

    /// Appends the field to a byte buffer, quoted when needed: exports write millions of cells.
    package func append(_ text: String, to buffer: inout [UInt8]) {
        guard needsQuotes(text) else {
            buffer.append(contentsOf: text.utf8)
            return
        }
        buffer.append(0x22)
        for byte in text.utf8 {
            buffer.append(byte)
            if byte == 0x22 { buffer.append(0x22) }
        }
        buffer.append(0x22)
    }

    /// One data row with its line end.
    package func row(_ fields: [String]) -> String { fields.map(field).joined(separator: separator) + lineEnd }

    package func table(_ header: [String], _ rows: [[String]]) -> String {
        var out = self == .excel ? "\u{FEFF}" : ""
        out += header.map(field).joined(separator: separator) + lineEnd
        for row in rows { out += row.map(field).joined(separator: separator) + lineEnd }
        return out
    }
}
