import Foundation
import Testing

/// The built `prst-bench` next to the test bundle (SwiftPM builds every product before testing).
private let benchExecutable: String? = {
    let directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    let path = directory.appendingPathComponent("prst-bench").path
    return FileManager.default.isExecutableFile(atPath: path) ? path : nil
}()

@Suite struct MultiProcessTests {
    /// Twenty separate processes open a file that does not exist yet at the same moment, race to
    /// create and migrate it, register the same definition and save 30 answers each
    /// (`prst-bench --writers 20`, which then counts the answers and runs integrity_check).
    @Test(.enabled(if: benchExecutable != nil, "prst-bench not built"))
    func twentyProcessesOnANewFile() throws {
        let directory = temporaryDirectory()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(benchExecutable))
        process.arguments = ["--saves", "30", "--writers", "20", "--directory", directory]
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let errorText = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(text)\(errorText)")
        #expect(text.contains("20 sessions, 600 réponses stockées (attendu 600), integrity_check ok"), "\(text)\(errorText)")
    }
}
