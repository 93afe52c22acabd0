import XCTest
import GRDB
@testable import TonghopBase
@testable import TonghopCatalog
@testable import TonghopIngest
@testable import TonghopValidate
@testable import TonghopStore
@testable import TonghopAggregate
@testable import TonghopRender
@testable import TonghopPipeline
import TonghopTestSupport

final class StoreTests: XCTestCase {
    func incoming(_ path: String, _ text: String, modified: Double = 1000) -> Store.IncomingFile {
        let outcome = Fixtures.read(text, path: path)
        return Store.IncomingFile(outcome: outcome, size: Int64(text.utf8.count), modifiedAt: modified, sha256: SHA256.hex(Array(text.utf8)))
    }

    func testSubmissionsRoundTripThroughThePayload() throws {
        let store = try Fixtures.memoryStore()
        let run = try store.beginRun(command: "test")
        let file = incoming("a.csv", Fixtures.communeForm(rows: ["NN01,,duoi_18,,2,", "MT10,,,,12.25,", "XA01,,,,trong_diem,"]))
        let result = try store.store([file], runId: run)
        XCTAssertEqual(result.submissionsStored, 1)
        let back = try store.activeSubmissions(periods: [.quarter(2024, 1)])
        XCTAssertEqual(back.map(\.values), [[StoredValue("NN01", "duoi_18", 2), StoredValue("MT10", "", 12.25), StoredValue("XA01", "trong_diem", 1)]])
    }

    func testNewerFileInOneBatchWinsAndTheLoserIsNamed() throws {
        let store = try Fixtures.memoryStore()
        let run = try store.beginRun(command: "test")
        let old = Fixtures.communeForm(rows: ["TT01,,,,1,"]).replacingOccurrences(of: "bieu_mau,XA", with: "bieu_mau,XA\nngay_lap,2024-03-10")
        let new = Fixtures.communeForm(rows: ["TT01,,,,5,"]).replacingOccurrences(of: "bieu_mau,XA", with: "bieu_mau,XA\nngay_lap,12/03/2024")
        // The newer report comes first in path order: its own date decides, not the order.
        let result = try store.store([incoming("a-new.csv", new, modified: 5), incoming("b-old.csv", old, modified: 9)], runId: run)
        XCTAssertEqual(try store.activeSubmissions(periods: [.quarter(2024, 1)]).map(\.values), [[StoredValue("TT01", "", 5)]])
        XCTAssertEqual(result.problems.map(\.code), [.lostToNewerFile])
        XCTAssertEqual(result.problems.first?.file, "b-old.csv")
    }

    func testAnOlderReportArrivingLaterDoesNotReplaceTheNewer() throws {
        let store = try Fixtures.memoryStore()
        let old = Fixtures.communeForm(rows: ["TT01,,,,3,"]).replacingOccurrences(of: "bieu_mau,XA", with: "bieu_mau,XA\nngay_lap,2024-03-10")
        let new = Fixtures.communeForm(rows: ["TT01,,,,4,"]).replacingOccurrences(of: "bieu_mau,XA", with: "bieu_mau,XA\nngay_lap,2024-03-12")
        // The supplement first, the original after it (two uploads, or two cron runs, in that order).
        _ = try store.store([incoming("bo-sung.csv", new, modified: 5)], runId: try store.beginRun(command: "1"))
        let later = try store.store([incoming("goc.csv", old, modified: 9)], runId: try store.beginRun(command: "2"))
        XCTAssertEqual(try store.activeSubmissions(periods: [.quarter(2024, 1)]).map(\.values), [[StoredValue("TT01", "", 4)]],
                       "the report dated later stays in use, whatever the order the files came in")
        XCTAssertEqual(later.problems.map(\.code), [.lostToNewerFile], "the older one is told it lost to a newer file")
        XCTAssertEqual(later.superseded, 0)
        let versions = try store.submissionVersions(unit: "13285")
        XCTAssertEqual(versions.map(\.active), [true, false], "the older report is kept as a version")
        XCTAssertEqual(versions.last?.supersededBy, versions.first?.submissionId, "superseded by the report in use")
        // A newer one still replaces it.
        let newest = Fixtures.communeForm(rows: ["TT01,,,,6,"]).replacingOccurrences(of: "bieu_mau,XA", with: "bieu_mau,XA\nngay_lap,2024-03-14")
        _ = try store.store([incoming("sua.csv", newest, modified: 11)], runId: try store.beginRun(command: "3"))
        XCTAssertEqual(try store.activeSubmissions(periods: [.quarter(2024, 1)]).map(\.values), [[StoredValue("TT01", "", 6)]])
    }

    func testTwoCopiesOfTheSameDayWithOtherFiguresWarnTheLoser() throws {
        let store = try Fixtures.memoryStore()
        let dated = { (v: Int) in
            Fixtures.communeForm(rows: ["TT01,,,,\(v),"]).replacingOccurrences(of: "bieu_mau,XA", with: "bieu_mau,XA\nngay_lap,2024-03-10")
        }
        let result = try store.store([incoming("a.csv", dated(2), modified: 9), incoming("b.csv", dated(9), modified: 5)],
                                     runId: try store.beginRun(command: "1"))
        XCTAssertEqual(try store.activeSubmissions(periods: [.quarter(2024, 1)]).map(\.values), [[StoredValue("TT01", "", 2)]],
                       "same date: the file saved later wins")
        XCTAssertEqual(result.problems.map(\.code), [.sameDateOtherFigures])
        XCTAssertEqual(result.problems.first?.severity, .warning, "which copy was meant cannot be told: the loser is warned")
        XCTAssertEqual(result.problems.first?.file, "b.csv")
    }

    func testACopyOfTheSameDaySavedEarlierArrivingLaterWarnsToo() throws {
        let store = try Fixtures.memoryStore()
        let dated = { (v: Int) in
            Fixtures.communeForm(rows: ["TT01,,,,\(v),"]).replacingOccurrences(of: "bieu_mau,XA", with: "bieu_mau,XA\nngay_lap,2024-03-10")
        }
        _ = try store.store([incoming("a.csv", dated(2), modified: 9)], runId: try store.beginRun(command: "1"))
        let later = try store.store([incoming("b.csv", dated(9), modified: 5)], runId: try store.beginRun(command: "2"))
        XCTAssertEqual(try store.activeSubmissions(periods: [.quarter(2024, 1)]).map(\.values), [[StoredValue("TT01", "", 2)]],
                       "what one run of both gives, whatever the order")
        XCTAssertEqual(later.problems.map(\.code), [.sameDateOtherFigures])
        XCTAssertEqual(later.problems.first?.severity, .warning)
        // The same figures again under another name: a copy, noted only.
        let copy = try store.store([incoming("c.csv", dated(2), modified: 4)], runId: try store.beginRun(command: "3"))
        XCTAssertEqual(copy.problems.map(\.code), [.lostToNewerFile])
    }

    func testChangedFileSupersedesAndKeepsTheOldVersion() throws {
        let store = try Fixtures.memoryStore()
        _ = try store.store([incoming("a.csv", Fixtures.communeForm(rows: ["TT01,,,,1,"]))], runId: try store.beginRun(command: "1"))
        let second = try store.store([incoming("a.csv", Fixtures.communeForm(rows: ["TT01,,,,2,"]), modified: 2000)],
                                     runId: try store.beginRun(command: "2"))
        XCTAssertEqual(second.superseded, 1)
        XCTAssertEqual(try store.activeSubmissions(periods: [.quarter(2024, 1)]).map(\.values), [[StoredValue("TT01", "", 2)]])
        let versions = try store.db.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM submission WHERE unitCode = '13285'") }
        XCTAssertEqual(versions, 2, "the superseded version is kept")
        XCTAssertEqual(try store.knownFiles()["a.csv"]?.modifiedAt, 2000)
    }

    static let table = """
        ma_don_vi,ky_bao_cao,TT01
        13285,2024-Q1,3
        13291,2024-Q1,4
        """

    func active(_ store: Store) throws -> [String: [StoredValue]] {
        Dictionary(uniqueKeysWithValues: try store.activeSubmissions(periods: [.quarter(2024, 1)]).map { ($0.unitCode, $0.values) })
    }

    func testATableSentAgainWithABadRowKeepsThatUnitsEarlierReport() throws {
        let store = try Fixtures.memoryStore()
        _ = try store.store([incoming("t.csv", Self.table)], runId: try store.beginRun(command: "1"))
        let resent = Self.table.replacingOccurrences(of: "13285,2024-Q1,3", with: "13285,2024-Q1,ba")
            .replacingOccurrences(of: "13291,2024-Q1,4", with: "13291,2024-Q1,6")
        let second = try store.store([incoming("t.csv", resent, modified: 2000)], runId: try store.beginRun(command: "2"))
        XCTAssertEqual(try active(store), ["13285": [StoredValue("TT01", "", 3)], "13291": [StoredValue("TT01", "", 6)]],
                       "the refused row does not withdraw the figures accepted before; the good row replaces its own")
        XCTAssertEqual(second.problems.map(\.code), [.earlierVersionKept])
        XCTAssertEqual(second.problems.first?.detail?.vi, "13285 2024-Q1")
        XCTAssertEqual(second.problems.first?.severity, .warning)
    }

    func testAFileSentAgainUnreadableWithdrawsNothing() throws {
        let store = try Fixtures.memoryStore()
        _ = try store.store([incoming("t.csv", Self.table)], runId: try store.beginRun(command: "1"))
        _ = try store.store([incoming("t.csv", "ma_don_vi;ky_bao_cao;TT0l\n13285;2024-Q1;3\n", modified: 2000)],
                            runId: try store.beginRun(command: "2"))
        XCTAssertEqual(try active(store).keys.sorted(), ["13285", "13291"])
        // Then accepted whole without 13291: the earlier versions' report of 13291 goes.
        let third = try store.store([incoming("t.csv", "ma_don_vi,ky_bao_cao,TT01\n13285,2024-Q1,5\n", modified: 3000)],
                                    runId: try store.beginRun(command: "3"))
        XCTAssertEqual(try active(store), ["13285": [StoredValue("TT01", "", 5)]],
                       "a version accepted whole replaces every earlier version of its path")
        XCTAssertEqual(third.problems, [], "replacing its own earlier version is the usual correction: no notice")
    }

    func testRejectedFilesAreRecordedWithTheirProblems() throws {
        let store = try Fixtures.memoryStore()
        _ = try store.store([incoming("bad.csv", Fixtures.communeForm(rows: ["TT01,,,,abc,"]))], runId: try store.beginRun(command: "1"))
        XCTAssertNotNil(try store.knownFiles()["bad.csv"])
        XCTAssertEqual(try store.problems(periods: [.quarter(2024, 1)]).map(\.code), [.notANumber])
        XCTAssertTrue(try store.activeSubmissions(periods: [.quarter(2024, 1)]).isEmpty)
    }

    /// A batch of more than ``Store/smallBatch`` files reads what the store holds once, not key by
    /// key; both ways keep the newest report and supersede the older one.
    func testALargeBatchAppliesLikeASmallOne() throws {
        for store in [try Fixtures.memoryStore(), try Fixtures.temporaryStore().0] {
            _ = try store.store([incoming("a.csv", Fixtures.communeForm(rows: ["TT01,,,,1,"]))], runId: try store.beginRun(command: "1"))
            let many = (0..<(Store.smallBatch + 1)).map { i in
                incoming("x\(i).csv", Fixtures.communeForm(unit: i == 0 ? "13285" : "13291", rows: ["TT01,,,,\(i + 2),"]), modified: 2000 + Double(i))
            }
            let result = try store.store(many, runId: try store.beginRun(command: "2"))
            XCTAssertEqual(result.superseded, 1, "13285's report of the earlier run is replaced")
            XCTAssertEqual(result.problems.filter { $0.code == .lostToNewerFile }.count, Store.smallBatch - 1,
                           "every 13291 report of the batch but the newest lost to a newer one")
            let active = try store.activeSubmissions(periods: [.quarter(2024, 1)])
            XCTAssertEqual(active.count, 2)
            XCTAssertEqual(active.first { $0.unitCode == "13291" }?.values, [StoredValue("TT01", "", Double(Store.smallBatch + 2))],
                           "the newest of the batch wins")
        }
    }

    /// A store made before v4 keeps its files, reports, problems and their ids when its tables
    /// lose AUTOINCREMENT, and new rows still get ids above every earlier one.
    func testPlainRowIdsMigrationKeepsAStoreAndItsIds() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tonghop-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("store.sqlite").path
        let old = try DatabaseQueue(path: path)
        try Store.migrator.migrate(old, upTo: "v3: problem wording in English")
        try old.write { db in
            try db.execute(sql: """
                INSERT INTO run (id, command, startedAt) VALUES (1, 'rollup', '2026-01-01T00:00:00Z');
                INSERT INTO inputFile (id, runId, path, size, modifiedAt, sha256, layout, encoding, status, ingestedAt)
                    VALUES (7, 1, 'a.csv', 10, 1000, 'x', 'form', 'UTF-8', 'partial', '2026-01-01T00:00:00Z');
                INSERT INTO submission (id, fileId, unitCode, period, form, line, preparedOn, version, active, payload)
                    VALUES (9, 7, '13285', '2024-Q1', 'XA', 1, NULL, 1, 1, 'TT01' || char(9) || char(9) || '3' || char(10));
                INSERT INTO problem (id, fileId, severity, code, line, found, expected, detail, expectedEn)
                    VALUES (11, 7, 0, 'notANumber', 8, 'abc', 'số', 'TT02', 'a number');
                """)
            // A second file: the largest id, which the next file version must pass.
            try db.execute(sql: "INSERT INTO inputFile SELECT 8, runId, 'gone.csv', size, modifiedAt, sha256, layout, encoding, status, ingestedAt FROM inputFile")
        }
        try old.close()

        let store = try Store(path: path)
        let schema = try store.db.read { db in try String.fetchAll(db, sql: "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL") }
        XCTAssertFalse(schema.joined().contains("inputFile_new") || schema.joined().contains("submission_new"))
        XCTAssertEqual(schema.filter { $0.contains("AUTOINCREMENT") }.count, 1, "only the run table keeps it")
        XCTAssertEqual(try store.activeSubmissions(periods: [.quarter(2024, 1)]).map(\.values), [[StoredValue("TT01", "", 3)]])
        XCTAssertEqual(try store.problems(periods: [.quarter(2024, 1)]).map(\.code), [.notANumber])
        XCTAssertEqual(try store.problems(periods: [.quarter(2024, 1)]).first?.expected?.en, "a number")
        XCTAssertEqual(try store.dataGeneration(), 8)
        let run = try store.beginRun(command: "rollup")
        _ = try store.store([incoming("b.csv", Fixtures.communeForm(unit: "13291", rows: ["TT01,,,,1,"]))], runId: run)
        XCTAssertEqual(try store.dataGeneration(), 9, "the next file version after every earlier one")
        let foreignKeys = try store.db.read { db in try Row.fetchAll(db, sql: "PRAGMA foreign_key_check") }
        XCTAssertEqual(foreignKeys.count, 0)
    }

    /// A national year holds a million values between reading and storing them.
    func testAValueKeepsItsPositionAndSlotInFortyEightBytes() {
        XCTAssertLessThanOrEqual(MemoryLayout<StoredValue>.stride, 48)
        let v = StoredValue("NN01", "duoi_18", 2, position: CellPosition(line: 70_000, column: 12), slot: 9)
        XCTAssertEqual(v.position, CellPosition(line: 70_000, column: 12))
        XCTAssertEqual(v.slot, 9)
        XCTAssertNil(StoredValue("NN01", "", 2).position)
        XCTAssertEqual(StoredValue("NN01", "", 2).slot, -1)
        XCTAssertEqual(StoredValue("NN01", "", 2, slot: 40_000).slot, -1, "a slot past Int16 is simply not remembered")
    }

    func testSHA256KnownVectors() {
        XCTAssertEqual(SHA256.hex([]), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        XCTAssertEqual(SHA256.hex(Array("abc".utf8)), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        XCTAssertEqual(SHA256.hex(Array(repeating: UInt8(ascii: "a"), count: 1000)),
                       "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
    }
}
