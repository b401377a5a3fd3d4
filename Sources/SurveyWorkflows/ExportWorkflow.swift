import Foundation
import SurveyCore
import SurveyExchange
import SurveyStore

/// `prst export`: one wide CSV per questionnaire (and per stored version), the data dictionary
/// and the R script that reads them.
package enum ExportWorkflow {
    package struct Outcome: Sendable, Equatable {
        package struct File: Sendable, Equatable {
            package var path: String
            package var responses: Int
            package var columns: Int
        }
        package var files: [File]
    }

    package static func run(
        definition: String, storePath path: String, directory out: String, style: CSVStyle, includeIncomplete: Bool, output: WorkflowOutput
    ) throws -> Outcome {
        let fromFiles = try questionnaires(in: definition)
        var stored: [Questionnaire] = []
        var reader: ResponseStore?
        if FileManager.default.fileExists(atPath: path) {
            let opened = try ExistingStore.open(path, output: output)
            do { stored = try opened.definitions() } catch { throw Refusal(error) }
            reader = opened
        } else {
            output.error(.exportWithoutStore(path: path))
        }
        // What the responses were answered with, as stored; the file's own definition when the
        // store has none yet (an empty template).
        var exports: [(file: String, questionnaire: Questionnaire, stored: Bool)] = []
        for questionnaire in fromFiles {
            let versions = stored.filter { $0.id == questionnaire.id }
            if versions.isEmpty {
                exports.append(("\(questionnaire.id).csv", questionnaire, false))
            } else {
                for version in versions {
                    exports.append((versions.count == 1 ? "\(version.id).csv" : "\(version.id)-v\(version.version).csv", version, true))
                }
            }
        }
        do {
            try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        } catch {
            throw Refusal(.cannotCreateFolder(path: out))
        }
        var outcome = Outcome(files: [])
        var dictionary: [[String]] = []
        var scriptEntries: [RImportScript.Entry] = []
        for entry in exports {
            let layout = ExchangeLayout(entry.questionnaire, includeStatus: includeIncomplete)
            let exporter = WideExporter(layout: layout, style: style)
            let target = (out as NSString).appendingPathComponent(entry.file)
            let writer = try OutputFile(target)
            writer.write(exporter.header())
            var count = 0
            if entry.stored, let reader {
                do {
                    try reader.forEachResponse(questionnaireID: entry.questionnaire.id, version: entry.questionnaire.version) { record in
                        guard exporter.includes(record) else { return }
                        exporter.write(record, to: &writer.buffer)
                        writer.flushIfFull()
                        count += 1
                    }
                } catch let error as StoreError {
                    throw Refusal(error)
                }
            }
            try writer.close()
            output.error(.exportFileWritten(path: target, responses: count, columns: layout.columns.count))
            outcome.files.append(Outcome.File(path: target, responses: count, columns: layout.columns.count))
            dictionary += DataDictionary.rows(file: entry.file, layout: layout)
            scriptEntries.append(RImportScript.Entry(file: entry.file, layout: layout))
        }
        try write(style.table(DataDictionary.header, dictionary), to: (out as NSString).appendingPathComponent("dictionnaire.csv"))
        try write(RImportScript.make(scriptEntries, style: style), to: (out as NSString).appendingPathComponent("import.R"))
        output.error(.exportDictionaryWritten(directory: out))
        return outcome
    }

    /// The questionnaires a campaign names, or the single questionnaire given.
    package static func questionnaires(in path: String) throws(Refusal) -> [Questionnaire] {
        guard FileManager.default.fileExists(atPath: path) else {
            throw Refusal(.definitionFileMissing(path: path))
        }
        switch DefinitionValidator.kind(of: path) {
        case .campaign:
            return try DefinitionFiles.campaign(path).loaded.questionnaires.compactMap(\.questionnaire)
        case .questionnaire:
            return [try DefinitionFiles.questionnaire(path).questionnaire]
        default:
            throw Refusal(.notADefinition(path: path))
        }
    }

    static func write(_ text: String, to path: String) throws(Refusal) {
        do { try Data(text.utf8).write(to: URL(fileURLWithPath: path)) } catch {
            throw Refusal(.cannotWrite(path: path))
        }
    }
}

/// A file written through a buffer, so that 100,000 rows do not mean 100,000 system calls.
package final class OutputFile {
    private let handle: FileHandle
    private let path: String
    /// Filled by the caller (the exporter appends rows to it), then `flushIfFull()`.
    package var buffer: [UInt8] = []
    /// Bytes kept in memory before they are written out.
    package let capacity: Int
    private var failed = false

    /// Creates (or empties) the file, readable by its owner only.
    package convenience init(_ path: String, capacity: Int = 1 << 20) throws(Refusal) {
        // The answers leave the store: owner-only, like the store itself.
        guard FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]),
            let handle = FileHandle(forWritingAtPath: path)
        else {
            throw Refusal(.cannotWrite(path: path))
        }
        try? FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
        self.init(handle: handle, path: path, capacity: capacity)
    }

    /// Writes to an open handle; `path` names it in messages.
    package init(handle: FileHandle, path: String, capacity: Int = 1 << 20) {
        self.handle = handle
        self.path = path
        self.capacity = capacity
        buffer.reserveCapacity(capacity)
    }

    package func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        flushIfFull()
    }

    package func flushIfFull() {
        if buffer.count >= capacity { flush() }
    }

    // A failed write is remembered and reported by `close()`, where the command can still say
    // that the export is incomplete.
    private func flush() {
        do { try handle.write(contentsOf: Data(buffer)) } catch { failed = true }
        buffer.removeAll(keepingCapacity: true)
    }

    package func close() throws(Refusal) {
        do {
            if failed { throw CocoaError(.fileWriteUnknown) }
            try handle.write(contentsOf: Data(buffer))
            buffer.removeAll()
            try handle.close()
        } catch {
            throw Refusal(.diskFullWhileExporting(path: path))
        }
    }
}
