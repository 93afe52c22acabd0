// swift-tools-version: 6.1
import PackageDescription

/// Cross-module optimisation for the stages: a national run calls across module boundaries
/// millions of times (a CSV cell read by the validator, a figure added by the rollup, a payload
/// number written by the store), and without it none of those small calls is inlined.
let stage: [SwiftSetting] = [.unsafeFlags(["-cross-module-optimization"], .when(configuration: .release))]

let package = Package(
    name: "tonghop",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "tonghop", targets: ["tonghop"]),
        .library(name: "TonghopPipeline", targets: ["TonghopPipeline"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        // Unzips .xlsx files (a zip of XML parts): filled forms in inputs/, and workbooks read back in tests.
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        // The web portal (`tonghop serve`): Hummingbird 2 is the HTTP server, router and test
        // client; its traits are off because swift-configuration, which they pull in, is not used.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: []),
        // Only its HummingbirdBcrypt product (OpenBSD's bcrypt in C): the portal's password hashes.
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        // Reads multipart/form-data bodies: the files a browser or a script uploads.
        .package(url: "https://github.com/vapor/multipart-kit", from: "4.7.1"),
        // The portal's HTML pages, as Mustache templates that escape what they show.
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
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
        // owner is TonghopIngest/FreeXLWorkbook.swift.
        .systemLibrary(
            name: "CFreeXL",
            pkgConfig: "freexl",
            providers: [.apt(["libfreexl-dev"])]
        ),
        // The one Swift owner of every lxw_* call.
        .target(name: "Spreadsheet", dependencies: ["CXlsxWriter"]),
        // The pipeline as stages, each a module that may import only those below it:
        // base → catalog → ingest → validate → store → aggregate → render → pipeline.
        // The vocabulary every stage shares: periods, units and registries, days, submissions,
        // problems and their wording, figure vectors, the CSV split, both cores.
        .target(name: "TonghopBase", swiftSettings: stage),
        // The catalog of templates/: indicators, forms, formulas, rules, plans, deadlines.
        .target(name: "TonghopCatalog", dependencies: ["TonghopBase"], swiftSettings: stage),
        // Files to records: the inbox, bounded reads, encodings, layouts, workbooks.
        .target(name: "TonghopIngest", dependencies: [
            "TonghopBase",
            "TonghopCatalog",
            "CFreeXL",
            .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ], swiftSettings: stage),
        // Records to validated reports, with every message; the checks against other reports.
        .target(name: "TonghopValidate", dependencies: ["TonghopBase", "TonghopCatalog", "TonghopIngest"], swiftSettings: stage),
        // The SQLite store.
        .target(name: "TonghopStore", dependencies: [
            "TonghopBase",
            "TonghopCatalog",
            "CLibCrypto",
            .product(name: "GRDB", package: "GRDB.swift"),
            // SQLite's C interface as GRDB links it, for binding bulk inserts (BulkInsert).
            .product(name: "GRDBSQLite", package: "GRDB.swift"),
        ], swiftSettings: stage),
        // Figures over time and over units, completeness, previous year, targets.
        .target(name: "TonghopAggregate", dependencies: ["TonghopBase", "TonghopCatalog"], swiftSettings: stage),
        // Sheets as data and workbooks, exports, blank forms.
        .target(name: "TonghopRender", dependencies: ["TonghopBase", "TonghopCatalog", "TonghopAggregate", "TonghopStore", "Spreadsheet"], swiftSettings: stage),
        // The job, stage by stage, as library calls: what the command line and the portal call.
        .target(name: "TonghopPipeline", dependencies: [
            "TonghopBase", "TonghopCatalog", "TonghopIngest", "TonghopValidate", "TonghopStore", "TonghopAggregate", "TonghopRender",
        ], swiftSettings: stage),
        // The web portal (`tonghop serve`): pages and the JSON API over the same library calls as
        // the command line, accounts, sessions and the audit log.
        .target(name: "TonghopPortal", dependencies: [
            "TonghopBase", "TonghopCatalog", "TonghopIngest", "TonghopValidate", "TonghopStore", "TonghopAggregate", "TonghopRender",
            "TonghopPipeline",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "HummingbirdTLS", package: "hummingbird"),
            .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
            .product(name: "MultipartKit", package: "multipart-kit"),
            .product(name: "Mustache", package: "swift-mustache"),
        ]),
        // The command line: a thin layer over TonghopPipeline. Linked with mimalloc (apt
        // libmimalloc-dev), which replaces glibc's malloc for the whole process: a national run
        // allocates and frees millions of small strings and arrays, and glibc's allocator cost
        // a sixth of its time (docs/performance.md).
        .executableTarget(
            name: "tonghop",
            dependencies: [
                "TonghopBase", "TonghopCatalog", "TonghopIngest", "TonghopValidate", "TonghopStore", "TonghopAggregate", "TonghopRender",
                "TonghopPipeline", "TonghopPortal",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            linkerSettings: [.linkedLibrary("mimalloc")]
        ),
        // What the tests of every stage share: the project's catalog, fixtures, a store.
        .target(
            name: "TonghopTestSupport",
            dependencies: [
                "TonghopBase", "TonghopCatalog", "TonghopIngest", "TonghopValidate", "TonghopStore", "TonghopAggregate", "TonghopRender",
                "TonghopPipeline",
            ],
            path: "Tests/TonghopTestSupport"
        ),
        // The tests of TonghopBase, one file per concept.
        .testTarget(
            name: "TonghopBaseTests",
            dependencies: [
                "TonghopTestSupport", "Spreadsheet",
                "TonghopBase", "TonghopCatalog", "TonghopIngest", "TonghopValidate", "TonghopStore", "TonghopAggregate", "TonghopRender",
                "TonghopPipeline",
            ]
        ),
        // The tests of TonghopCatalog, one file per concept.
        .testTarget(
            name: "TonghopCatalogTests",
            dependencies: [
                "TonghopTestSupport", "Spreadsheet",
                "TonghopBase", "TonghopCatalog", "TonghopIngest", "TonghopValidate", "TonghopStore", "TonghopAggregate", "TonghopRender",
                "TonghopPipeline",
            ]
        ),
        // The tests of TonghopIngest, one file per concept.
        .testTarget(
            name: "TonghopIngestTests",
            dependencies: [
                "TonghopTestSupport", "Spreadsheet",
                "TonghopBase", "TonghopCatalog", "TonghopIngest", "TonghopValidate", "TonghopStore", "TonghopAggregate", "TonghopRender",
                "TonghopPipeline",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            // Inputs/ holds raw bytes (Windows-1258, UTF-16) the tests read by path.
            exclude: ["Inputs"]
        ),
        // The tests of TonghopValidate, one file per concept.
        .testTarget(
            name: "TonghopValidateTests",
            dependencies: [
                "TonghopTestSupport", "Spreadsheet",
                "TonghopBase", "TonghopCatalog", "TonghopIngest", "TonghopValidate", "TonghopStore", "TonghopAggregate", "TonghopRender",
                "TonghopPipeline",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        // The tests of TonghopStore, one file per concept.
        .testTarget(
            name: "TonghopStoreTests",
            dependencies: [
                "TonghopTestSupport", "Spreadsheet",
                "TonghopBase", "TonghopCatalog", "TonghopIngest", "TonghopValidate", "TonghopStore", "TonghopAggregate", "TonghopRender",
                "TonghopPipeline",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        // The tests of TonghopAggregate, one file per concept.
        .testTarget(
            name: "TonghopAggregateTests",
            dependencies: [
                "TonghopTestSupport", "Spreadsheet",
                "TonghopBase", "TonghopCatalog", "TonghopIngest", "TonghopValidate", "TonghopStore", "TonghopAggregate", "TonghopRender",
                "TonghopPipeline",
            ]
        ),
        // The tests of TonghopRender, one file per concept.
        .testTarget(
            name: "TonghopRenderTests",
            dependencies: [
                "TonghopTestSupport", "Spreadsheet",
                "TonghopBase", "TonghopCatalog", "TonghopIngest", "TonghopValidate", "TonghopStore", "TonghopAggregate", "TonghopRender",
                "TonghopPipeline",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        // The tests of TonghopPipeline, one file per concept.
        .testTarget(
            name: "TonghopPipelineTests",
            dependencies: [
                "TonghopTestSupport", "Spreadsheet",
                "TonghopBase", "TonghopCatalog", "TonghopIngest", "TonghopValidate", "TonghopStore", "TonghopAggregate", "TonghopRender",
                "TonghopPipeline",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        // The portal's routes through HummingbirdTesting, one file per concept.
        .testTarget(
            name: "TonghopPortalTests",
            dependencies: [
                "TonghopTestSupport",
                "TonghopBase", "TonghopCatalog", "TonghopStore", "TonghopPipeline", "TonghopPortal",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]
        ),
        // References/ holds the reference workbook, read by path.
        .testTarget(
            name: "TonghopEndToEndTests",
            dependencies: [
                "TonghopBase", "TonghopCatalog", "TonghopRender", "TonghopPipeline",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            exclude: ["References"]
        ),
    ]
)
