import Foundation
import SurveyCore

/// A YAML fixture in which `⟦` marks where a diagnostic must land.
///
/// The marker is removed from the text; its line and column (1-based, counted in Unicode
/// scalars as libyaml does) become `expected`.
package struct MarkedFixture {
    package static let marker: Character = "⟦"
    package var text: String
    package var expected: [(line: Int, column: Int)]

    package init(_ marked: String) {
        var text = ""
        var expected: [(Int, Int)] = []
        var line = 1
        var column = 1
        for character in marked {
            if character == Self.marker {
                expected.append((line, column))
                continue
            }
            text.append(character)
            if character == "\n" {
                line += 1
                column = 1
            } else {
                column += character.unicodeScalars.count
            }
        }
        self.text = text
        self.expected = expected
    }
}

/// A scratch directory for definition files, removed when the value is released.
package final class TemporaryDirectory {
    package let path: String

    package init() throws {
        path = NSTemporaryDirectory() + "prst-test-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    @discardableResult
    package func write(_ name: String, _ text: String) throws -> String {
        let file = path + "/" + name
        try FileManager.default.createDirectory(atPath: Paths.directory(of: file), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: file))
        return file
    }

    package func writeData(_ name: String, _ data: Data) throws -> String {
        let file = path + "/" + name
        try data.write(to: URL(fileURLWithPath: file))
        return file
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}

/// The package's root directory, found from a test file's path.
package func packageRoot(from filePath: String = #filePath) -> String {
    var directory = Paths.directory(of: filePath)
    while directory != "/" {
        if FileManager.default.fileExists(atPath: directory + "/Package.swift") { return directory }
        directory = Paths.directory(of: directory)
    }
    return FileManager.default.currentDirectoryPath
}
