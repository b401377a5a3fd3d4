import Foundation

/// Where the response store lives when a command is not told: `--store`, then `$PRST_STORE`,
/// then `prst.sqlite` in the current directory.
package enum StoreLocation {
    package static let defaultFileName = "prst.sqlite"
    package static let environmentVariable = "PRST_STORE"

    package static func resolve(_ option: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let option, !option.isEmpty { return option }
        if let path = environment[environmentVariable], !path.isEmpty { return path }
        return defaultFileName
    }
}

/// Durations as the status table shows them: "45 s", "12 min 30 s", "1 h 05 min".
package func frenchDuration(_ seconds: Double) -> String {
    let total = Int(seconds.rounded())
    if total < 60 { return "\(total) s" }
    if total < 3600 {
        let (minutes, rest) = total.quotientAndRemainder(dividingBy: 60)
        return rest == 0 ? "\(minutes) min" : "\(minutes) min \(rest) s"
    }
    let minutes = (total + 30) / 60
    let (hours, rest) = minutes.quotientAndRemainder(dividingBy: 60)
    return rest == 0 ? "\(hours) h" : "\(hours) h " + (rest < 10 ? "0\(rest)" : "\(rest)") + " min"
}
