import Foundation
import GRDB

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension ResponseStore {
    // MARK: - Backup

    /// A consistent copy of the store (SQLite online backup, one step inside a read
    /// transaction: answers saved meanwhile are in the copy entirely or not at all), checked
    /// with `integrity_check`, readable by its owner only, in a single file (rollback journal).
    /// Refuses an existing destination unless `replacing`; written under a temporary name then
    /// renamed, so an interrupted backup never leaves a half file under the chosen name.
    package func backup(to destination: String, replacing: Bool = false) throws(StoreError) {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        if manager.fileExists(atPath: destination, isDirectory: &isDirectory) {
            if isDirectory.boolValue {
                throw StoreError(.backupIsAFolder(destination: destination))
            }
            if !replacing {
                throw StoreError(.backupExists(destination: destination))
            }
        }
        if let path, Self.sameFile(path, destination) {
            throw StoreError(.backupOverStore)
        }
        let directory = (destination as NSString).deletingLastPathComponent.isEmpty ? "." : (destination as NSString).deletingLastPathComponent
        guard manager.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw StoreError(.backupFolderMissing(directory: directory))
        }
        let temporary = directory + "/." + (destination as NSString).lastPathComponent + ".tmp-" + UUID().uuidString
        let descriptor = openPrivately(temporary)
        guard descriptor >= 0 else {
            throw StoreError(.backupFolderNotWritable(directory: directory))
        }
        close(descriptor)
        defer {
            for suffix in ["", "-journal", "-wal", "-shm"] { try? manager.removeItem(atPath: temporary + suffix) }
        }
        try storeCall(path) {
            let copy = try DatabaseQueue(path: temporary, configuration: Self.configuration)
            try writer.backup(to: copy)
            try copy.writeWithoutTransaction { db in
                _ = try String.fetchOne(db, sql: "PRAGMA journal_mode = DELETE")
            }
            let verdict = try copy.read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") }
            try copy.close()
            guard verdict == ["ok"] else {
                throw StoreError(.backupFailedIntegrity)
            }
        }
        _ = chmod(temporary, 0o600)
        if rename(temporary, destination) != 0 {
            throw StoreError(.backupNotRenamed(destination: destination, systemError: errno))
        }
    }

    static func sameFile(_ a: String, _ b: String) -> Bool {
        var first = stat(), second = stat()
        guard stat(a, &first) == 0, stat(b, &second) == 0 else { return false }
        return first.st_dev == second.st_dev && first.st_ino == second.st_ino
    }
}

/// Creates a new file readable by its owner only; fails if it exists.
func openPrivately(_ path: String) -> Int32 {
    #if canImport(Glibc)
        return Glibc.open(path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o600)
    #else
        return Darwin.open(path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o600)
    #endif
}
