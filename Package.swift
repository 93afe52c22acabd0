// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "tonghop",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "tonghop", targets: ["tonghop"]),
        .library(name: "TonghopCore", targets: ["TonghopCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        // Unzips .xlsx files (a zip of XML parts): filled forms in inputs/, and workbooks read back in tests.
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        // The C library libxlsxwriter, the only writer of .xlsx files.
        .systemLibrary(
            name: "CXlsxWriter",
            pkgConfig: "xlsxwriter",
            providers: [.apt(["libxlsxwriter-dev"])]
        ),
        // OpenSSL's libcrypto, for the SHA-256 of every input file (hardware SHA instructions).
        .systemLibrary(
            name: "CLibCrypto",
            pkgConfig: "libcrypto",
            providers: [.apt(["libssl-dev"])]
        ),
        // FreeXL, the reader of Excel 97-2003 workbooks (.xls, BIFF) in inputs/; its one Swift
        // owner is Ingest/FreeXLWorkbook.swift.
        .systemLibrary(
            name: "CFreeXL",
            pkgConfig: "freexl",
            providers: [.apt(["libfreexl-dev"])]
        ),
        // The deflate level of the workbooks: libxlsxwriter's one call to minizip, passed on
        // with level 1 in place of zlib's default (Sources/CXlsxZipLevel/zip_level.c says why).
        .target(name: "CXlsxZipLevel", linkerSettings: [.linkedLibrary("dl")]),
        // The one Swift owner of every lxw_* call.
        .target(name: "Spreadsheet", dependencies: ["CXlsxWriter", "CXlsxZipLevel"]),
        // The pipeline: ingest → validate → store → aggregate → render.
        .target(
            name: "TonghopCore",
            dependencies: [
                "Spreadsheet",
                "CLibCrypto",
                "CFreeXL",
                .product(name: "GRDB", package: "GRDB.swift"),
                // SQLite's C interface as GRDB links it, for binding bulk inserts (Store/BulkInsert).
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        // The command line: a thin layer over TonghopCore. Linked with mimalloc (apt
        // libmimalloc-dev), which replaces glibc's malloc for the whole process: a national run
        // allocates and frees millions of small strings and arrays, and glibc's allocator cost
        // a sixth of its time (`make bench`, 2026-11-23).
        .executableTarget(
            name: "tonghop",
            dependencies: [
                "TonghopCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            linkerSettings: [.linkedLibrary("mimalloc")]
        ),
        // Inputs/ holds raw bytes (Windows-1258, UTF-16) the tests read by path.
        .testTarget(
            name: "TonghopCoreTests",
            dependencies: [
                "TonghopCore",
                "Spreadsheet",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            exclude: ["Inputs"]
        ),
        // References/ holds the reference workbook, read by path.
        .testTarget(
            name: "TonghopEndToEndTests",
            dependencies: [
                "TonghopCore",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            exclude: ["References"]
        ),
    ]
)
