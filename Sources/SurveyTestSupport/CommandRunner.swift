import Foundation

/// Runs the built `prst` binary as a person would, with real stdin, stdout and exit code.
package struct CommandResult: Sendable {
    package var status: Int32
    package var stdout: String
    package var stderr: String
}

package enum PrstBinary {
    /// `.build/debug/prst`, built by `swift build` (and by `swift test`) before the tests run.
    package static var path: String { built("prst") }

    /// `.build/debug/prst-bench`, the store benchmark that tests use as a concurrent writer.
    package static var benchPath: String { built("prst-bench") }

    /// A product of this package, debug build first.
    package static func built(_ product: String) -> String {
        let root = packageRoot()
        for candidate in [".build/debug/", ".build/release/"] where FileManager.default.isExecutableFile(atPath: root + "/" + candidate + product) {
            return root + "/" + candidate + product
        }
        return root + "/.build/debug/" + product
    }

    package static func run(
        _ arguments: [String], stdin: String? = nil, environment: [String: String] = [:], directory: String? = nil
    ) throws -> CommandResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        for (key, value) in environment { env[key] = value }
        process.environment = env
        process.currentDirectoryURL = URL(fileURLWithPath: directory ?? packageRoot())
        let input = Pipe(), output = Pipe(), error = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = error
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try? input.fileHandleForWriting.close()
        // Read both pipes before waiting so that a large output cannot block the child.
        let group = DispatchGroup()
        nonisolated(unsafe) var outData = Data()
        nonisolated(unsafe) var errData = Data()
        group.enter()
        DispatchQueue.global().async {
            outData = output.fileHandleForReading.readDataToEndOfFile(); group.leave()
        }
        group.enter()
        DispatchQueue.global().async {
            errData = error.fileHandleForReading.readDataToEndOfFile(); group.leave()
        }
        group.wait()
        process.waitUntilExit()
        return CommandResult(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self))
    }
}
