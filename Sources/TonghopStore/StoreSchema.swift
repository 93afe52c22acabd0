import GRDB
import TonghopBase
import TonghopCatalog

/// The store's schema: every migration, in the order it was made, named and forward-only.
extension Store {
    /// Named, forward-only schema migrations.
    package static var migrator: DatabaseMigrator {
        var m = DatabaseMigrator()
        m.registerMigration("v1: files, submissions, problems, runs") { db in
            try db.execute(sql: """
                CREATE TABLE run (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    command TEXT NOT NULL,
                    startedAt TEXT NOT NULL,
                    finishedAt TEXT,
                    summary TEXT
                );
                CREATE TABLE inputFile (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    runId INTEGER NOT NULL REFERENCES run(id),
                    path TEXT NOT NULL,
                    size INTEGER NOT NULL,
                    modifiedAt DOUBLE NOT NULL,
                    sha256 TEXT NOT NULL,
                    layout TEXT,
                    encoding TEXT,
                    status TEXT NOT NULL,
                    ingestedAt TEXT NOT NULL
                );
                CREATE INDEX inputFile_path ON inputFile(path, id);
                CREATE TABLE submission (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    fileId INTEGER NOT NULL REFERENCES inputFile(id),
                    unitCode TEXT NOT NULL,
                    period TEXT NOT NULL,
                    form TEXT NOT NULL,
                    line INTEGER NOT NULL,
                    preparedOn TEXT,
                    version INTEGER NOT NULL,
                    active INTEGER NOT NULL,
                    supersededBy INTEGER REFERENCES submission(id),
                    payload TEXT NOT NULL
                );
                CREATE INDEX submission_active ON submission(period, active);
                CREATE INDEX submission_unit ON submission(unitCode, period, form);
                CREATE TABLE problem (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    fileId INTEGER NOT NULL REFERENCES inputFile(id),
                    severity INTEGER NOT NULL,
                    code TEXT NOT NULL,
                    line INTEGER,
                    col INTEGER,
                    found TEXT,
                    expected TEXT,
                    detail TEXT,
                    unitCode TEXT,
                    period TEXT
                );
                CREATE INDEX problem_file ON problem(fileId);
                """)
        }
        m.registerMigration("v2: reports written per period, exit code of each run") { db in
            // What `tonghop run` needs to tell stale reports from up-to-date ones (Store+WrittenReports).
            try db.execute(sql: """
                CREATE TABLE writtenPeriod (
                    period TEXT PRIMARY KEY,
                    dataGeneration INTEGER NOT NULL,
                    madeWith TEXT NOT NULL,
                    files TEXT NOT NULL,
                    writtenAt TEXT NOT NULL
                );
                ALTER TABLE run ADD COLUMN exitCode INTEGER;
                """)
        }
        m.registerMigration("v3: problem wording in English") { db in
            // `expected` and `detail` keep the Vietnamese; these the English (see Wording).
            try db.execute(sql: """
                ALTER TABLE problem ADD COLUMN expectedEn TEXT;
                ALTER TABLE problem ADD COLUMN detailEn TEXT;
                """)
        }
        m.registerMigration("v4: plain row ids for files, reports and problems") { db in
            // Nothing is ever deleted from these tables, so a plain row id (the largest so far
            // plus one) is never used twice either; AUTOINCREMENT only added a write to
            // sqlite_sequence for every row, a fifth of the time of storing a national batch.
            // Rebuilt as SQLite's documentation says, ids kept; GRDB checks the foreign keys
            // before the migration commits.
            try db.execute(sql: """
                CREATE TABLE inputFile_new (
                    id INTEGER PRIMARY KEY,
                    runId INTEGER NOT NULL REFERENCES run(id),
                    path TEXT NOT NULL,
                    size INTEGER NOT NULL,
                    modifiedAt DOUBLE NOT NULL,
                    sha256 TEXT NOT NULL,
                    layout TEXT,
                    encoding TEXT,
                    status TEXT NOT NULL,
                    ingestedAt TEXT NOT NULL
                );
                INSERT INTO inputFile_new (id, runId, path, size, modifiedAt, sha256, layout, encoding, status, ingestedAt)
                    SELECT id, runId, path, size, modifiedAt, sha256, layout, encoding, status, ingestedAt FROM inputFile;
                DROP TABLE inputFile;
                ALTER TABLE inputFile_new RENAME TO inputFile;
                CREATE INDEX inputFile_path ON inputFile(path, id);

                CREATE TABLE submission_new (
                    id INTEGER PRIMARY KEY,
                    fileId INTEGER NOT NULL REFERENCES inputFile(id),
                    unitCode TEXT NOT NULL,
                    period TEXT NOT NULL,
                    form TEXT NOT NULL,
                    line INTEGER NOT NULL,
                    preparedOn TEXT,
                    version INTEGER NOT NULL,
                    active INTEGER NOT NULL,
                    supersededBy INTEGER REFERENCES submission(id),
                    payload TEXT NOT NULL
                );
                INSERT INTO submission_new (id, fileId, unitCode, period, form, line, preparedOn, version, active, supersededBy, payload)
                    SELECT id, fileId, unitCode, period, form, line, preparedOn, version, active, supersededBy, payload FROM submission;
                DROP TABLE submission;
                ALTER TABLE submission_new RENAME TO submission;
                CREATE INDEX submission_active ON submission(period, active);
                CREATE INDEX submission_unit ON submission(unitCode, period, form);

                CREATE TABLE problem_new (
                    id INTEGER PRIMARY KEY,
                    fileId INTEGER NOT NULL REFERENCES inputFile(id),
                    severity INTEGER NOT NULL,
                    code TEXT NOT NULL,
                    line INTEGER,
                    col INTEGER,
                    found TEXT,
                    expected TEXT,
                    detail TEXT,
                    unitCode TEXT,
                    period TEXT,
                    expectedEn TEXT,
                    detailEn TEXT
                );
                INSERT INTO problem_new (id, fileId, severity, code, line, col, found, expected, detail, unitCode, period, expectedEn, detailEn)
                    SELECT id, fileId, severity, code, line, col, found, expected, detail, unitCode, period, expectedEn, detailEn FROM problem;
                DROP TABLE problem;
                ALTER TABLE problem_new RENAME TO problem;
                CREATE INDEX problem_file ON problem(fileId);
                """)
        }
        m.registerMigration("v5: the sheet or record of a problem") { db in
            // A workbook's sheets and an XML or JSON file's records (see Problem.sheet,
            // Problem.element); empty in the rows stored before.
            try db.execute(sql: """
                ALTER TABLE problem ADD COLUMN sheet TEXT;
                ALTER TABLE problem ADD COLUMN element TEXT;
                """)
        }
        m.registerMigration("v6: portal accounts, API tokens, sessions, login attempts, audit") { db in
            // `tonghop serve` and `tonghop user`. Secrets are kept only as hashes: passwords by
            // bcrypt, API tokens and session cookies (random, 256 bits) by SHA-256, so that a
            // copy of the store opens no account. The CSRF token of a session is no secret
            // without its cookie.
            try db.execute(sql: """
                CREATE TABLE account (
                    id INTEGER PRIMARY KEY,
                    login TEXT NOT NULL UNIQUE,
                    unitCode TEXT NOT NULL,
                    role TEXT NOT NULL,
                    passwordHash TEXT NOT NULL,
                    disabled INTEGER NOT NULL DEFAULT 0,
                    createdAt TEXT NOT NULL,
                    passwordChangedAt TEXT NOT NULL
                );
                CREATE TABLE apiToken (
                    id INTEGER PRIMARY KEY,
                    accountId INTEGER NOT NULL REFERENCES account(id),
                    tokenHash TEXT NOT NULL UNIQUE,
                    createdAt TEXT NOT NULL
                );
                CREATE TABLE session (
                    tokenHash TEXT PRIMARY KEY,
                    accountId INTEGER NOT NULL REFERENCES account(id),
                    csrfToken TEXT NOT NULL,
                    createdAt TEXT NOT NULL,
                    expiresAt DOUBLE NOT NULL,
                    address TEXT NOT NULL
                );
                CREATE INDEX session_account ON session(accountId);
                CREATE TABLE loginAttempt (
                    id INTEGER PRIMARY KEY,
                    login TEXT NOT NULL,
                    address TEXT NOT NULL,
                    at DOUBLE NOT NULL,
                    succeeded INTEGER NOT NULL
                );
                CREATE INDEX loginAttempt_login ON loginAttempt(login, at);
                CREATE INDEX loginAttempt_address ON loginAttempt(address, at);
                CREATE TABLE auditEvent (
                    id INTEGER PRIMARY KEY,
                    at TEXT NOT NULL,
                    login TEXT,
                    unitCode TEXT,
                    action TEXT NOT NULL,
                    object TEXT NOT NULL,
                    outcome TEXT NOT NULL,
                    address TEXT NOT NULL
                );
                """)
        }
        m.registerMigration("v7: the day the portal received a file") { db in
            // yyyymmdd, for a file sent through `tonghop serve`; null for files read from
            // inputs/. A report that came this way was received that day, whatever its date line.
            // The partial index keeps the list of uploaded files (read with every period's
            // figures) from scanning a national year's files.
            try db.execute(sql: """
                ALTER TABLE inputFile ADD COLUMN uploadedOn INTEGER;
                CREATE INDEX inputFileUploaded ON inputFile(id, uploadedOn) WHERE uploadedOn IS NOT NULL;
                """)
        }
        return m
    }
}
