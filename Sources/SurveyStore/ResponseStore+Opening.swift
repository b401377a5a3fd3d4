import Foundation
import GRDB
import SurveyCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension ResponseStore {
    // MARK: - Opening

    /// Opens (creating and migrating when missing) the store file.
    package static func open(at path: String) throws(StoreError) -> ResponseStore {
        try checkLocation(path)
        try createPrivately(path)
        try checkHeader(path)
        try inspect(path)
        var lastError: StoreError?
        // Several processes may create the same new file at once: the losers of the race to
        // migrate fail on "table already exists", then find the schema complete.
        for attempt in 0..<5 {
            do {
                let pool = try storeCall(path) { try DatabasePool(path: path, configuration: configuration) }
                try migrate(pool, path: path)
                try storeCall(path) {
                    try pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA synchronous = FULL") }
                }
                return ResponseStore(writer: pool, path: path)
            } catch {
                if error.kind == .newerSchema || error.kind == .notAStore || error.kind == .readOnly || error.kind == .diskFull { throw error }
                lastError = error
                usleep(useconds_t(20_000 * (attempt + 1)))
            }
        }
        throw lastError ?? StoreError(.openFailed(path: path))
    }

    /// A store in memory, for tests and dry runs.
    package static func inMemory() throws(StoreError) -> ResponseStore {
        let queue = try storeCall(nil) { try DatabaseQueue(configuration: configuration) }
        try migrate(queue, path: nil)
        return ResponseStore(writer: queue, path: nil)
    }

    private static func migrate(_ writer: any DatabaseWriter, path: String?) throws(StoreError) {
        let migrator = Schema.migrator
        do {
            try migrator.migrate(writer)
        } catch {
            let complete = (try? writer.read { db in try migrator.hasCompletedMigrations(db) }) ?? false
            if !complete { throw StoreError.wrap(error, path: path) }
        }
        let (applicationID, userVersion, superseded) = try storeCall(path) {
            try writer.read { db in
                (
                    try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0,
                    try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0,
                    try migrator.hasBeenSuperseded(db)
                )
            }
        }
        if applicationID != Schema.applicationID { throw StoreError(.notAStore(path: path)) }
        if superseded || userVersion > Schema.schemaVersion { throw StoreError(.newerSchema(path: path)) }
    }

    /// The directory must exist and be writable (SQLite creates -wal and -shm files next to the store).
    private static func checkLocation(_ path: String) throws(StoreError) {
        let manager = FileManager.default
        let directory = (path as NSString).deletingLastPathComponent.isEmpty ? "." : (path as NSString).deletingLastPathComponent
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw StoreError(.folderMissing(directory: directory))
        }
        if manager.fileExists(atPath: path, isDirectory: &isDirectory) {
            if isDirectory.boolValue {
                throw StoreError(.storeIsAFolder(path: path))
            }
            if access(path, R_OK | W_OK) != 0 {
                throw StoreError(.fileNotWritable(path: path))
            }
        }
        if access(directory, W_OK) != 0 {
            throw StoreError(.folderNotWritable(directory: directory))
        }
    }

    /// Creates the file readable by its owner only, before SQLite does (the -wal and -shm files
    /// take the database file's permissions).
    private static func createPrivately(_ path: String) throws(StoreError) {
        let descriptor = Glibc_open(path, O_CREAT | O_RDWR | O_CLOEXEC, 0o600)
        if descriptor < 0 {
            switch errno {
            case EACCES, EROFS, EPERM:
                throw StoreError(.cannotCreate(path: path))
            case ENOSPC:
                throw StoreError(.diskFullCreating(path: path))
            default:
                throw StoreError(.cannotOpenFile(path: path, systemError: errno))
            }
        }
        close(descriptor)
    }

    /// Refuses a non-empty file that is not SQLite before SQLite touches it.
    private static func checkHeader(_ path: String) throws(StoreError) {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw StoreError(.cannotRead(path: path))
        }
        defer { try? handle.close() }
        let header = (try? handle.read(upToCount: 16)) ?? Data()
        if !header.isEmpty && header != Data("SQLite format 3\0".utf8) { throw StoreError(.notAStore(path: path)) }
    }

    /// Looks at an existing SQLite file without changing it: empty (to be created), a prst store,
    /// a newer prst store, or something else.
    private static func inspect(_ path: String) throws(StoreError) {
        let (applicationID, userVersion, objects) = try storeCall(path) {
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            defer { try? queue.close() }
            return try queue.read { db in
                (
                    try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0,
                    try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0,
                    // GRDB creates its migrations table just before the first migration's transaction:
                    // another process may be between the two.
                    try Int.fetchOne(
                        db,
                        sql: """
                            SELECT COUNT(*) FROM sqlite_master
                            WHERE name NOT IN ('grdb_migrations', 'sqlite_autoindex_grdb_migrations_1')
                            """) ?? 0
                )
            }
        }
        if applicationID == Schema.applicationID {
            if userVersion > Schema.schemaVersion { throw StoreError(.newerSchema(path: path)) }
        } else if applicationID != 0 || objects > 0 {
            throw StoreError(.notAStore(path: path))
        }
    }

    // MARK: - Permissions

    /// `.readableByOthers` when the store or its -wal/-shm files can be read by other users than
    /// their owner (answers are confidential), nil otherwise or in memory.
    package func permissionProblem() -> StoreProblem? {
        guard let path else { return nil }
        var wide: [StoreProblem.FileMode] = []
        for file in [path, path + "-wal", path + "-shm"] {
            var info = stat()
            guard stat(file, &info) == 0 else { continue }
            let mode = Int(info.st_mode) & 0o777
            if mode & 0o077 != 0 { wide.append(StoreProblem.FileMode(path: file, mode: mode)) }
        }
        return wide.isEmpty ? nil : .readableByOthers(wide)
    }

    /// `permissionProblem()` in French, as the commands print it.
    package func permissionWarning() -> String? {
        permissionProblem().map { Problem.store($0).message(in: .fr) }
    }
}

/// `open(2)`, named apart from `ResponseStore.open(at:)`.
private func Glibc_open(_ path: String, _ flags: Int32, _ mode: mode_t) -> Int32 {
    #if canImport(Glibc)
        return Glibc.open(path, flags, mode)
    #else
        return Darwin.open(path, flags, mode)
    #endif
}
