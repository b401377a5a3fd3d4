import Foundation

/// Where definition files are read from: the disk, or a stored snapshot of them.
package protocol DefinitionSource: Sendable {
    func read(_ path: String) throws -> Data
}

package struct FileSystemSource: DefinitionSource {
    package init() {}
    package func read(_ path: String) throws -> Data {
        try Data(contentsOf: URL(fileURLWithPath: path))
    }
}

package struct InMemorySource: DefinitionSource {
    package var files: [String: Data]
    package init(files: [String: Data]) { self.files = files }
    package init(texts: [String: String]) { self.files = texts.mapValues { Data($0.utf8) } }

    package func read(_ path: String) throws -> Data {
        guard let data = files[path] ?? files[Paths.normalize(path)] else {
            throw CocoaError(.fileReadNoSuchFile)
        }
        return data
    }
}

package enum Paths {
    /// `a/./b/../c` → `a/c`, without touching the disk.
    package static func normalize(_ path: String) -> String {
        let absolute = path.hasPrefix("/")
        var parts: [String] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == "..", let last = parts.last, last != ".." { parts.removeLast(); continue }
            parts.append(String(part))
        }
        let joined = parts.joined(separator: "/")
        return absolute ? "/" + joined : (joined.isEmpty ? "." : joined)
    }

    package static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        let directory = String(path[..<slash])
        return directory.isEmpty ? "/" : directory
    }

    package static func join(_ directory: String, _ relative: String) -> String {
        if relative.hasPrefix("/") { return normalize(relative) }
        return normalize(directory == "." ? relative : directory + "/" + relative)
    }

    /// `path` written relative to `base` (`../lib/x.yaml`), both relative to the same place or
    /// both absolute; falls back to the normalised path when it cannot be expressed.
    package static func relative(_ path: String, from base: String) -> String {
        let target = normalize(path), origin = normalize(base)
        guard target.hasPrefix("/") == origin.hasPrefix("/") else { return target }
        let targetParts = target.split(separator: "/").map(String.init)
        let originParts = origin == "." ? [] : origin.split(separator: "/").map(String.init)
        var common = 0
        while common < min(targetParts.count, originParts.count), targetParts[common] == originParts[common] { common += 1 }
        let up = originParts[common...]
        if up.contains("..") { return target }
        let parts = Array(repeating: "..", count: up.count) + targetParts[common...]
        return parts.isEmpty ? "." : parts.joined(separator: "/")
    }

    package static func fileName(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }
}

/// Reads a definition file's text, reporting what a person can fix: a missing, empty, binary or
/// non-UTF-8 file.
package func readDefinitionText(
    _ path: String, from source: DefinitionSource, reportAt location: SourceLocation? = nil, into diagnostics: inout DiagnosticCollector
) -> String? {
    let at = location ?? SourceLocation(file: path)
    let data: Data
    do {
        data = try source.read(path)
    } catch {
        diagnostics.error(at, .fileUnreadable(path: path))
        return nil
    }
    let fileStart = SourceLocation(file: path, line: 1, column: 1)
    if data.isEmpty || data.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
        diagnostics.error(fileStart, .emptyFile)
        return nil
    }
    if data.contains(0) {
        diagnostics.error(fileStart, .binaryFile)
        return nil
    }
    guard var text = String(data: data, encoding: .utf8) else {
        let line = firstInvalidUTF8Line(data)
        diagnostics.error(SourceLocation(file: path, line: line, column: 1), .notUTF8)
        return nil
    }
    if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
    return text
}

private func firstInvalidUTF8Line(_ data: Data) -> Int {
    var line = 1
    var start = data.startIndex
    for index in data.indices where data[index] == 0x0A {
        if String(data: data[start..<index], encoding: .utf8) == nil { return line }
        line += 1
        start = index + 1
    }
    return line
}
