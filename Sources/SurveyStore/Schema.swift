import GRDB
import SurveyCore

/// The store's schema. Migrations are registered by name and never edited once shipped: a
/// change is a new migration ("v2", …) that also raises `schemaVersion`.
///
/// Dates are stored as Unix seconds (REAL, UTC); `datetime(started_at, 'unixepoch')` shows them
/// in the sqlite3 shell. A prst store is recognised by `PRAGMA application_id` = `applicationID`
/// ("PRST"); `PRAGMA user_version` holds the schema version.
enum Schema {
    static let applicationID: Int32 = 0x5052_5354  // "PRST"
    static let schemaVersion = 3

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(
                sql: """
                    CREATE TABLE definitions (
                        id INTEGER PRIMARY KEY,
                        questionnaire_id TEXT NOT NULL,
                        version INTEGER NOT NULL,
                        population TEXT NOT NULL,
                        content_hash TEXT NOT NULL UNIQUE,
                        main_file TEXT NOT NULL,
                        sources_json TEXT NOT NULL,
                        created_at REAL NOT NULL
                    );
                    CREATE INDEX definitions_questionnaire ON definitions(questionnaire_id, version);

                    CREATE TABLE sessions (
                        id TEXT NOT NULL PRIMARY KEY,
                        resume_code TEXT NOT NULL UNIQUE,
                        definition_id INTEGER NOT NULL REFERENCES definitions(id),
                        status TEXT NOT NULL CHECK (status IN ('in_progress', 'completed')),
                        origin TEXT NOT NULL CHECK (origin IN ('respondent', 'simulated', 'imported')),
                        started_at REAL NOT NULL,
                        completed_at REAL,
                        CHECK ((status = 'completed') = (completed_at IS NOT NULL))
                    ) WITHOUT ROWID;
                    CREATE INDEX sessions_definition_status ON sessions(definition_id, status);
                    CREATE INDEX sessions_origin ON sessions(origin);

                    CREATE TABLE answers (
                        session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
                        variable TEXT NOT NULL,
                        repetition TEXT NOT NULL DEFAULT '',
                        kind TEXT NOT NULL CHECK (kind IN ('choice', 'choices', 'number', 'text', 'non_substantive', 'skipped', 'not_asked')),
                        value_text TEXT,
                        value_number REAL,
                        updated_at REAL NOT NULL,
                        PRIMARY KEY (session_id, variable, repetition)
                    ) WITHOUT ROWID;
                    """)
            try db.execute(sql: "PRAGMA application_id = \(applicationID)")
            try db.execute(sql: "PRAGMA user_version = 1")
        }
        // v2: invitation tokens (see ResponseStore+Tokens.swift). Only a hash of each token is
        // kept, never a name or an address; the link to a session exists only while it is in
        // progress: the triggers drop it when the session is completed (whichever API completes
        // it) and free the token when its unfinished session is deleted.
        migrator.registerMigration("v2") { db in
            try db.execute(
                sql: """
                    CREATE TABLE tokens (
                        token_hash TEXT NOT NULL PRIMARY KEY,
                        prefix TEXT NOT NULL,
                        questionnaire_id TEXT NOT NULL,
                        version INTEGER NOT NULL,
                        state TEXT NOT NULL CHECK (state IN ('unused', 'in_progress', 'completed', 'revoked')),
                        session_id TEXT UNIQUE REFERENCES sessions(id),
                        created_at REAL NOT NULL,
                        CHECK ((state = 'in_progress') = (session_id IS NOT NULL))
                    ) WITHOUT ROWID;
                    CREATE INDEX tokens_questionnaire ON tokens(questionnaire_id, version, state);

                    CREATE TRIGGER tokens_unlink_completed_session
                    AFTER UPDATE OF status ON sessions WHEN NEW.status = 'completed'
                    BEGIN
                        UPDATE tokens SET state = 'completed', session_id = NULL WHERE session_id = NEW.id;
                    END;

                    CREATE TRIGGER tokens_free_deleted_session
                    BEFORE DELETE ON sessions
                    BEGIN
                        UPDATE tokens SET state = 'unused', session_id = NULL WHERE session_id = OLD.id;
                    END;
                    """)
            try db.execute(sql: "PRAGMA user_version = 2")
        }
        // v3: the unit × period a monitoring response is given for (`ReportingKey`), both NULL
        // for the surveys of people. One response per questionnaire id, version, unit and
        // period: the id and version live in `definitions` (several compatible snapshots may
        // share them), which a unique index on `sessions` cannot reach, so the triggers refuse
        // a second session for the key. SQLite runs one writer at a time and the triggers run
        // inside the writing statement, so two concurrent `prst run` cannot both get in.
        migrator.registerMigration("v3") { db in
            try db.execute(
                sql: """
                    ALTER TABLE sessions ADD COLUMN unit TEXT;
                    ALTER TABLE sessions ADD COLUMN period TEXT;
                    CREATE INDEX sessions_reporting ON sessions(unit, period) WHERE unit IS NOT NULL;

                    CREATE TRIGGER sessions_reporting_unique_insert
                    BEFORE INSERT ON sessions WHEN NEW.unit IS NOT NULL OR NEW.period IS NOT NULL
                    BEGIN
                        SELECT RAISE(ABORT, 'prst: reporting key already taken')
                        WHERE NEW.unit IS NULL OR NEW.period IS NULL OR EXISTS (
                            SELECT 1 FROM sessions s
                            JOIN definitions d ON d.id = s.definition_id
                            JOIN definitions n ON n.id = NEW.definition_id
                            WHERE s.unit = NEW.unit AND s.period = NEW.period
                              AND d.questionnaire_id = n.questionnaire_id AND d.version = n.version);
                    END;

                    CREATE TRIGGER sessions_reporting_unique_update
                    BEFORE UPDATE OF unit, period, definition_id ON sessions WHEN NEW.unit IS NOT NULL OR NEW.period IS NOT NULL
                    BEGIN
                        SELECT RAISE(ABORT, 'prst: reporting key already taken')
                        WHERE NEW.unit IS NULL OR NEW.period IS NULL OR EXISTS (
                            SELECT 1 FROM sessions s
                            JOIN definitions d ON d.id = s.definition_id
                            JOIN definitions n ON n.id = NEW.definition_id
                            WHERE s.id <> NEW.id AND s.unit = NEW.unit AND s.period = NEW.period
                              AND d.questionnaire_id = n.questionnaire_id AND d.version = n.version);
                    END;
                    """)
            try db.execute(sql: "PRAGMA user_version = 3")
        }
        return migrator
    }

    /// The text the v3 triggers abort with (also when only one of unit and period is set), so
    /// that the store tells this refusal from other constraint failures. Written out in the
    /// migration, which must never change once shipped.
    static let reportingKeyTaken = "prst: reporting key already taken"
}

/// A stored definition snapshot.
struct DefinitionRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "definitions"
    enum Columns {
        static let id = Column(CodingKeys.id)
        static let questionnaireID = Column(CodingKeys.questionnaireID)
        static let version = Column(CodingKeys.version)
        static let population = Column(CodingKeys.population)
        static let contentHash = Column(CodingKeys.contentHash)
        static let mainFile = Column(CodingKeys.mainFile)
        static let sourcesJSON = Column(CodingKeys.sourcesJSON)
        static let createdAt = Column(CodingKeys.createdAt)
    }
    enum CodingKeys: String, CodingKey {
        case id, version, population
        case questionnaireID = "questionnaire_id", contentHash = "content_hash", mainFile = "main_file"
        case sourcesJSON = "sources_json", createdAt = "created_at"
    }

    var id: Int64?
    var questionnaireID: String
    var version: Int
    var population: String
    var contentHash: String
    var mainFile: String
    var sourcesJSON: String
    /// Unix seconds.
    var createdAt: Double
}

/// A session row, as inserted. Decoding a row whose status or origin no prst writes throws
/// GRDB's `RowDecodingError`, which `StoreError.wrap` tells as a hand-edited file.
struct SessionRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "sessions"
    enum Columns {
        static let id = Column(CodingKeys.id)
        static let resumeCode = Column(CodingKeys.resumeCode)
        static let definitionID = Column(CodingKeys.definitionID)
        static let status = Column(CodingKeys.status)
        static let origin = Column(CodingKeys.origin)
        static let startedAt = Column(CodingKeys.startedAt)
        static let completedAt = Column(CodingKeys.completedAt)
        static let unit = Column(CodingKeys.unit)
        static let period = Column(CodingKeys.period)
    }
    enum CodingKeys: String, CodingKey {
        case id, status, origin, unit, period
        case resumeCode = "resume_code", definitionID = "definition_id", startedAt = "started_at", completedAt = "completed_at"
    }

    var id: String
    /// Stored without the dash.
    var resumeCode: String
    var definitionID: Int64
    var status: SessionStatus
    var origin: SessionOrigin
    var startedAt: Double
    var completedAt: Double?
    /// The `ReportingKey` of a monitoring response (schema v3); nil for the surveys of people.
    var unit: String? = nil
    var period: String? = nil

    var reporting: ReportingKey? {
        guard let unit, let period else { return nil }
        return ReportingKey(unit: unit, period: period)
    }
}
