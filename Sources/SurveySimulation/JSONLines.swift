import Foundation
import SurveyCore

/// One record as a JSON line (stand-in transport until the response store is wired).
struct RecordLine: Codable {
    var session: String
    var questionnaire: String
    var version: Int
    var population: String
    var status: SessionStatus
    var origin: SessionOrigin
    var started: Double
    var completed: Double?
    var answers: [AnswerEntry]

    struct AnswerEntry: Codable {
        var key: AnswerKey
        var value: AnswerValue
    }

    init(_ record: ResponseRecord) {
        session = record.sessionID
        questionnaire = record.questionnaireID
        version = record.questionnaireVersion
        population = record.population
        status = record.status
        origin = record.origin
        started = record.startedAt.timeIntervalSince1970
        completed = record.completedAt?.timeIntervalSince1970
        answers = record.answers.sorted { $0.key < $1.key }.map { AnswerEntry(key: $0.key, value: $0.value) }
    }

    var record: ResponseRecord {
        ResponseRecord(sessionID: session, questionnaireID: questionnaire, questionnaireVersion: version, population: population, status: status,
                       origin: origin, startedAt: Date(timeIntervalSince1970: started), completedAt: completed.map { Date(timeIntervalSince1970: $0) },
                       answers: Dictionary(uniqueKeysWithValues: answers.map { ($0.key, $0.value) }))
    }
}

/// Appends records as JSON lines to a file.
package final class JSONLinesSink: SimulationSink {
    let handle: FileHandle
    let encoder = JSONEncoder()
    package init(path: String) throws {
        FileManager.default.createFile(atPath: path, contents: nil)
        guard let handle = FileHandle(forWritingAtPath: path) else { throw CocoaError(.fileWriteNoPermission) }
        self.handle = handle
        encoder.outputFormatting = [.sortedKeys]
    }
    package func write(_ record: ResponseRecord, definition: Questionnaire) throws {
        var data = try encoder.encode(RecordLine(record))
        data.append(0x0A)
        handle.write(data)
    }
    package func close() { try? handle.close() }
}

/// Whether `needle` occurs in the `length` bytes at `bytes`.
func contains(_ bytes: UnsafePointer<UInt8>, _ length: Int, _ needle: [UInt8]) -> Bool {
    let n = needle.count
    guard n > 0, length >= n else { return false }
    let first = needle[0]
    var i = 0
    while i <= length - n {
        if bytes[i] == first {
            var j = 1
            while j < n && bytes[i + j] == needle[j] { j += 1 }
            if j == n { return true }
        }
        i += 1
    }
    return false
}

/// Reads a JSON-lines file of records, streaming, with the campaign's definitions.
package struct JSONLinesReader: ResponseReader {
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
        let decoder = JSONDecoder()
        var line: UnsafeMutablePointer<CChar>?
        var capacity = 0
        defer { free(line) }
        let needle = Array("\"questionnaire\":\"\(questionnaireID)\"".utf8)
        while true {
            let length = getline(&line, &capacity, file)
            guard length > 0, let line else { break }
            // Cheap filter before decoding.
            guard contains(UnsafeRawPointer(line).assumingMemoryBound(to: UInt8.self), length, needle) else { continue }
            let entry = try decoder.decode(RecordLine.self, from: Data(bytes: line, count: length))
            if entry.questionnaire == questionnaireID && entry.version == version { try body(entry.record) }
        }
    }
}
