import Foundation

/// External renderers (cmark-gfm, rsvg-convert) used to check outputs as a reader sees them.
package enum Renderers {
    package static func path(of tool: String) -> String? {
        for directory in ["/usr/bin", "/usr/local/bin", "/bin"] where FileManager.default.isExecutableFile(atPath: "\(directory)/\(tool)") {
            return "\(directory)/\(tool)"
        }
        return nil
    }

    package struct Missing: Error, CustomStringConvertible {
        package var tool: String
        package var description: String { "\(tool) is not installed: apt-get install cmark-gfm librsvg2-bin (.ci/run does it)" }
    }

    package static func run(_ tool: String, _ arguments: [String]) throws -> CommandResult {
        guard let path = path(of: tool) else { throw Missing(tool: tool) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let output = Pipe(), error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CommandResult(status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self), stderr: String(decoding: err, as: UTF8.self))
    }
}
