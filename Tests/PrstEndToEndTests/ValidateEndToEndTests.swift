import Foundation
import SurveyTestSupport
import Testing

/// `prst validate` and `prst preview` run as the built binary on the shipped questionnaires.
@Suite("prst validate and preview, end to end")
struct ValidateEndToEndTests {
    @Test func shippedSurveysAreValid() throws {
        let result = try PrstBinary.run(["validate", "--strict", "surveys"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("valide"))
    }

    /// Copies `surveys/` to a scratch directory, applies `mutate` to one file's lines and
    /// returns the validator's output.
    private func validateMutated(_ file: String, _ mutate: (inout [String]) throws -> Int) throws -> (result: CommandResult, line: Int, path: String) {
        let directory = try TemporaryDirectory()
        let surveys = packageRoot() + "/surveys"
        for name in try FileManager.default.contentsOfDirectory(atPath: surveys) where name.hasSuffix(".yaml") {
            try directory.write(name, try String(contentsOfFile: surveys + "/" + name, encoding: .utf8))
        }
        let path = directory.path + "/" + file
        var lines = try String(contentsOfFile: path, encoding: .utf8).components(separatedBy: "\n")
        let line = try mutate(&lines)
        try lines.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
        let result = try PrstBinary.run(["validate", directory.path])
        _ = directory
        return (result, line, path)
    }

    private func firstIndex(_ lines: [String], _ predicate: (String) -> Bool) throws -> Int {
        let index = lines.firstIndex(where: predicate)
        return try #require(index, "the shipped questionnaire has changed shape")
    }

    @Test func misspeltTypeIsReportedOnItsLine() throws {
        let (result, line, path) = try validateMutated("pilotes.yaml") { lines in
            let index = try firstIndex(lines) { $0.contains("type: matrix") }
            lines[index] = lines[index].replacingOccurrences(of: "type: matrix", with: "type: matrice")
            return index + 1
        }
        #expect(result.status == 1)
        #expect(result.stderr.contains("\(path):\(line):"), "\(result.stderr)")
        #expect(result.stderr.contains("valeur inconnue « matrice »"))
    }

    @Test func duplicatedIdIsReportedOnItsLine() throws {
        let (result, line, path) = try validateMutated("contributeurs.yaml") { lines in
            let ids = lines.indices.filter { lines[$0].contains("- {id: ") }
            try #require(ids.count >= 2)
            let firstID = lines[ids[0]].components(separatedBy: "{id: ")[1].components(separatedBy: ",")[0]
            let secondID = lines[ids[1]].components(separatedBy: "{id: ")[1].components(separatedBy: ",")[0]
            lines[ids[1]] = lines[ids[1]].replacingOccurrences(of: "{id: \(secondID),", with: "{id: \(firstID),")
            return ids[1] + 1
        }
        #expect(result.status == 1)
        #expect(result.stderr.contains("\(path):\(line):"), "\(result.stderr)")
        #expect(result.stderr.contains("en double"))
    }

    @Test func brokenIndentationIsReportedAtItsLine() throws {
        let (result, line, path) = try validateMutated("destinataires.yaml") { lines in
            let index = try firstIndex(lines) { $0.hasPrefix("    title:") }
            lines[index] = " " + lines[index]
            return index + 1
        }
        #expect(result.status == 1)
        #expect(result.stderr.contains("\(path):\(line):") || result.stderr.contains("\(path):\(line + 1):"), "\(result.stderr)")
        #expect(result.stderr.contains("syntaxe YAML"))
    }

    @Test func unknownIdInAConditionIsReportedOnItsLine() throws {
        let (result, line, path) = try validateMutated("pilotes.yaml") { lines in
            let index = try firstIndex(lines) { $0.contains("when: ") }
            let after = lines[index].components(separatedBy: "when: ")[1]
            let quote = after.first == "'" || after.first == "\"" ? 1 : 0
            let rest = after.dropFirst(quote)
            let identifier = rest.prefix { $0.isLetter || $0.isNumber || $0 == "_" }
            let start = after.prefix(quote)
            let replacement: String
            if identifier == "selected" || identifier == "count" || identifier == "answered" {
                replacement = start + rest.replacingOccurrences(of: "(", with: "(question_inconnue_", options: [], range: rest.range(of: "("))
            } else {
                replacement = start + "question_inconnue" + rest.dropFirst(identifier.count)
            }
            lines[index] = lines[index].components(separatedBy: "when: ")[0] + "when: " + replacement
            return index + 1
        }
        #expect(result.status == 1)
        #expect(result.stderr.contains("\(path):\(line):"), "\(result.stderr)")
        #expect(result.stderr.contains("question inconnue"))
    }

    @Test func usageErrorsKeepArgumentParsersCode() throws {
        let result = try PrstBinary.run(["validate"])
        #expect(result.status == 64)
        let missing = try PrstBinary.run(["validate", "nulle-part.yaml"])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("introuvable"))
    }

    @Test func previewHoldsEveryQuestionLabel() throws {
        let result = try PrstBinary.run(["preview", "surveys/destinataires.yaml"])
        #expect(result.status == 0, "\(result.stderr)")
        let text = try String(contentsOfFile: packageRoot() + "/surveys/destinataires.yaml", encoding: .utf8)
        // Every label written on one line in the YAML appears, escaped for Markdown, in the preview.
        let labels = text.components(separatedBy: "\n").compactMap { line -> String? in
            guard let range = line.range(of: "label: \"") else { return nil }
            let rest = line[range.upperBound...]
            guard let end = rest.firstIndex(of: "\"") else { return nil }
            return String(rest[..<end])
        }
        #expect(labels.count > 20)
        let unescaped = result.stdout.replacingOccurrences(of: "\\", with: "")
        for label in labels {
            let expected = label.replacingOccurrences(of: "{label}", with: "{label}")
            #expect(unescaped.contains(expected), "missing label: \(label)")
        }
    }
}
