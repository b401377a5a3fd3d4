import Foundation
import SurveyCore

/// A compact, fast line format for records (`.tsv`): one session per line, tab-separated,
/// `\\`, tab and newline escaped. Header: session, questionnaire, version, population, status,
/// origin, started, completed; then per answer: variable, repetition, kind, value. Kinds:
/// c choice, m choices (codes separated by U+001F), n number, t text, z non-substantive,
/// s skipped, a not asked. A stand-in transport until the response store is wired.
package enum CompactLines {
    static func escape(_ text: String) -> String {
        guard text.contains(where: { $0 == "\t" || $0 == "\n" || $0 == "\\" || $0 == "\r" }) else { return text }
        var out = ""
        for c in text {
            switch c {
            case "\\": out += "\\\\"
            case "\t": out += "\\t"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            default: out.append(c)
            }
        }
        return out
    }

    static func unescape(_ text: Substring) -> String {
        guard text.contains("\\") else { return String(text) }
        var out = ""
        var escaping = false
        for c in text {
            if escaping {
                switch c { case "t": out.append("\t"); case "n": out.append("\n"); case "r": out.append("\r"); default: out.append(c) }
                escaping = false
            } else if c == "\\" { escaping = true } else { out.append(c) }
        }
        return out
    }

    package static func encode(_ record: ResponseRecord) -> String {
        var fields = [record.sessionID, record.questionnaireID, String(record.questionnaireVersion), record.population, record.status.rawValue,
                      record.origin.rawValue, String(record.startedAt.timeIntervalSince1970), record.completedAt.map { String($0.timeIntervalSince1970) } ?? ""]
        for (key, value) in record.answers.sorted(by: { $0.key < $1.key }) {
            fields.append(key.variable)
            fields.append(key.repetition ?? "")
            switch value {
            case .choice(let code): fields += ["c", code]
            case .choices(let codes): fields += ["m", codes.joined(separator: "\u{1F}")]
            case .number(let number): fields += ["n", String(number)]
            case .text(let text): fields += ["t", text]
            case .nonSubstantive(let code): fields += ["z", code]
            case .skipped: fields += ["s", ""]
            case .notAsked: fields += ["a", ""]
            }
        }
        return fields.map(escape).joined(separator: "\t")
    }

    package static func decode(_ line: Substring) -> ResponseRecord? {
        let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
        guard fields.count >= 8, (fields.count - 8) % 4 == 0, let version = Int(fields[2]),
              let status = SessionStatus(rawValue: String(fields[4])), let origin = SessionOrigin(rawValue: String(fields[5])),
              let started = Double(fields[6]) else { return nil }
        var answers: [AnswerKey: AnswerValue] = [:]
        answers.reserveCapacity((fields.count - 8) / 4)
        var i = 8
        while i + 3 < fields.count {
            let key = AnswerKey(String(fields[i]), repetition: fields[i + 1].isEmpty ? nil : String(fields[i + 1]))
            let raw = fields[i + 3]
            let value: AnswerValue
            switch fields[i + 2] {
            case "c": value = .choice(String(raw))
            case "m": value = .choices(raw.isEmpty ? [] : raw.split(separator: "\u{1F}", omittingEmptySubsequences: false).map(String.init))
            case "n": value = .number(Double(raw) ?? 0)
            case "t": value = .text(unescape(raw))
            case "z": value = .nonSubstantive(String(raw))
            case "s": value = .skipped
            default: value = .notAsked
            }
            answers[key] = value
            i += 4
        }
        return ResponseRecord(sessionID: unescape(fields[0]), questionnaireID: String(fields[1]), questionnaireVersion: version, population: String(fields[3]),
                              status: status, origin: origin, startedAt: Date(timeIntervalSince1970: started),
                              completedAt: Double(fields[7]).map { Date(timeIntervalSince1970: $0) }, answers: answers)
    }
}

package final class CompactLinesSink: SimulationSink {
    let handle: FileHandle
    var buffer = ""
    package init(path: String) throws {
        FileManager.default.createFile(atPath: path, contents: nil)
        guard let handle = FileHandle(forWritingAtPath: path) else { throw CocoaError(.fileWriteNoPermission) }
        self.handle = handle
    }
    package func write(_ record: ResponseRecord, definition: Questionnaire) throws {
        buffer += CompactLines.encode(record) + "\n"
        if buffer.utf8.count > 1 << 20 { flush() }
    }
    func flush() { handle.write(Data(buffer.utf8)); buffer = "" }
    package func close() { flush(); try? handle.close() }
}

package struct CompactLinesReader: ResponseReader {
    package var path: String
    package var questionnaires: [Questionnaire]
    package init(path: String, questionnaires: [Questionnaire]) {
        self.path = path
        self.questionnaires = questionnaires
    }
    package func definitions() throws -> [Questionnaire] { questionnaires }
    package func forEachResponse(questionnaireID: String, version: Int, _ body: (ResponseRecord) throws -> Void) throws {
        guard let file = fopen(path, "r") else { throw CocoaError(.fileReadNoSuchFile) }
        defer { fclose(file) }
        var line: UnsafeMutablePointer<CChar>?
        var capacity = 0
        defer { free(line) }
        let needle = Array("\t\(questionnaireID)\t\(version)\t".utf8)
        while true {
            var length = getline(&line, &capacity, file)
            guard length > 0, let line else { break }
            let bytes = UnsafeRawPointer(line).assumingMemoryBound(to: UInt8.self)
            // The questionnaire and version follow the session id: check them before decoding.
            guard contains(bytes, min(length, 200), needle) else { continue }
            if bytes[length - 1] == 0x0A { length -= 1 }
            let text = String(decoding: UnsafeBufferPointer(start: bytes, count: length), as: UTF8.self)
            guard let record = CompactLines.decode(text[...]), record.questionnaireID == questionnaireID, record.questionnaireVersion == version else { continue }
            try body(record)
        }
    }
}
