// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "prst",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "prst", targets: ["prst"]),
        .executable(name: "prst-bench", targets: ["prst-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        .target(name: "SurveyCore", dependencies: ["Yams"]),
        .target(
            name: "SurveyStore",
            dependencies: ["SurveyCore", .product(name: "GRDB", package: "GRDB.swift"), .product(name: "GRDBSQLite", package: "GRDB.swift")]),
        .target(name: "SurveyRunner", dependencies: ["SurveyCore"]),
        .target(name: "SurveyAnalysis", dependencies: ["SurveyCore"]),
        .target(name: "SurveyReports", dependencies: ["SurveyAnalysis", "SurveyCore"]),
        .target(name: "SurveySimulation", dependencies: ["SurveyCore"]),
        .target(name: "SurveyExchange", dependencies: ["SurveyCore"]),
        // Each command's behaviour, with its store, clock, id source and output given: testable
        // in-process. No ArgumentParser here: options are parsed by the executables above.
        .target(
            name: "SurveyWorkflows",
            dependencies: ["SurveyCore", "SurveyStore", "SurveyRunner", "SurveyAnalysis", "SurveyReports", "SurveySimulation", "SurveyExchange"]),
        .executableTarget(
            name: "prst",
            dependencies: [
                "SurveyWorkflows", "SurveyCore", "SurveyStore", "SurveyRunner",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The store benchmark (scripts/bench-store.sh), also the helper process of the
        // multi-process tests; not shipped in `prst`.
        .executableTarget(
            name: "prst-bench",
            dependencies: [
                "SurveyCore", "SurveyStore", "SurveyAnalysis", "SurveyReports", "SurveySimulation",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Sources/prst-bench"
        ),
        .target(name: "SurveyTestSupport", dependencies: ["SurveyCore"], path: "Sources/SurveyTestSupport"),
        .testTarget(name: "SurveyCoreTests", dependencies: ["SurveyCore", "SurveyTestSupport"]),
        .testTarget(name: "SurveyStoreTests", dependencies: ["SurveyStore", "SurveyCore", "SurveyTestSupport"]),
        .testTarget(name: "SurveyRunnerTests", dependencies: ["SurveyRunner", "SurveyCore", "SurveyTestSupport"]),
        .testTarget(name: "SurveyAnalysisTests", dependencies: ["SurveyAnalysis", "SurveyCore", "SurveyTestSupport"]),
        .testTarget(name: "SurveyReportsTests", dependencies: ["SurveyReports", "SurveyAnalysis", "SurveySimulation", "SurveyCore", "SurveyTestSupport"], exclude: ["Snapshots"]),
        .testTarget(name: "SurveySimulationTests", dependencies: ["SurveySimulation", "SurveyCore", "SurveyTestSupport"]),
        .testTarget(name: "SurveyExchangeTests", dependencies: ["SurveyExchange", "SurveySimulation", "SurveyCore", "SurveyTestSupport"]),
        .testTarget(
            name: "SurveyWorkflowsTests",
            dependencies: ["SurveyWorkflows", "SurveyStore", "SurveyRunner", "SurveyExchange", "SurveyCore", "SurveyTestSupport"]),
        .testTarget(name: "PrstEndToEndTests", dependencies: ["SurveyTestSupport", "SurveyStore", "SurveyCore", "SurveyExchange"]),
    ],
    swiftLanguageModes: [.v6]
)
