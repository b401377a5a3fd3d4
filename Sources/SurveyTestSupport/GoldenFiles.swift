import Foundation

/// Comparing produced files with a committed directory, so that a failing golden test says
/// *where* the bytes differ instead of only "differs".
package enum GoldenFiles {
    /// Set `PRST_RECORD_GOLDEN=1` to rewrite the committed files on purpose.
    package static var isRecording: Bool { ProcessInfo.processInfo.environment["PRST_RECORD_GOLDEN"] == "1" }

    /// One problem per differing file: missing, unexpected, or a line diff of the first changes.
    package static func differences(_ files: [String: String], against directory: String, ignoring ignored: Set<String> = ["README.md"]) -> [String] {
        let committed = Set((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [])
            .filter { !$0.hasPrefix(".") && !ignored.contains($0) }
        var problems: [String] = []
        for name in committed.subtracting(files.keys).sorted() {
            problems.append("\(directory)/\(name) is committed but no longer produced")
        }
        for (name, content) in files.sorted(by: { $0.key < $1.key }) {
            guard let data = FileManager.default.contents(atPath: directory + "/" + name) else {
                problems.append("\(name) is produced but not committed in \(directory)")
                continue
            }
            if data == Data(content.utf8) { continue }
            let stored = String(decoding: data, as: UTF8.self)
            problems.append("\(directory)/\(name) differs (- committed, + produced):\n" + lineDiff(stored, content))
        }
        return problems
    }

    /// Writes `files` into `directory`, removing committed files no longer produced.
    package static func record(_ files: [String: String], into directory: String, keeping kept: Set<String> = ["README.md"]) throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        for name in (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [] where !kept.contains(name) && !name.hasPrefix(".") {
            try FileManager.default.removeItem(atPath: directory + "/" + name)
        }
        for (name, content) in files { try Data(content.utf8).write(to: URL(fileURLWithPath: directory + "/" + name)) }
    }

    /// The changed region (between the common first and last lines) with two lines of context,
    /// at most `shown` lines each side: enough to see what moved without printing a whole report.
    package static func lineDiff(_ old: String, _ new: String, shown: Int = 40) -> String {
        let a = old.components(separatedBy: "\n"), b = new.components(separatedBy: "\n")
        var prefix = 0
        while prefix < a.count, prefix < b.count, a[prefix] == b[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < a.count - prefix, suffix < b.count - prefix, a[a.count - 1 - suffix] == b[b.count - 1 - suffix] { suffix += 1 }
        let removed = Array(a[prefix..<(a.count - suffix)]), added = Array(b[prefix..<(b.count - suffix)])
        var text = "@@ line \(prefix + 1) @@\n"
        for line in a[max(0, prefix - 2)..<prefix] { text += "  \(line)\n" }
        for line in removed.prefix(shown) { text += "- \(line)\n" }
        if removed.count > shown { text += "- … \(removed.count - shown) more lines\n" }
        for line in added.prefix(shown) { text += "+ \(line)\n" }
        if added.count > shown { text += "+ … \(added.count - shown) more lines\n" }
        return text
    }
}
