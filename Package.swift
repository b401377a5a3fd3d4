// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "prst",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "prst", targets: ["prst"])
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
        .target(name: "SurveyRunner", dependencies: ["SurveyCore", "SurveyStore"]),
        .target(name: "SurveyAnalysis", dependencies: ["SurveyCore"]),
        .target(name: "SurveyReports", dependencies: ["SurveyAnalysis", "SurveyCore"]),
        .target(name: "SurveySimulation", dependencies: ["SurveyCore"]),
        .target(name: "SurveyExchange", dependencies: ["SurveyCore"]),
        .executableTarget(
            name: "prst",
            dependencies: [
                "SurveyCore", "SurveyStore", "SurveyRunner", "SurveyAnalysis", "SurveyReports", "SurveySimulation", "SurveyExchange",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .target(name: "SurveyTestSupport", dependencies: ["SurveyCore"], path: "Sources/SurveyTestSupport"),
        .testTarget(name: "SurveyCoreTests", dependencies: ["SurveyCore", "SurveyTestSupport"]),
        .testTarget(name: "SurveyStoreTests", dependencies: ["SurveyStore", "SurveyCore", "SurveyTestSupport"]),
        .testTarget(name: "SurveyRunnerTests", dependencies: ["SurveyRunner", "SurveyStore", "SurveyCore", "SurveyTestSupport"]),
        .testTarget(name: "SurveyAnalysisTests", dependencies: ["SurveyAnalysis", "SurveyCore", "SurveyTestSupport"]),
        .testTarget(name: "SurveyReportsTests", dependencies: ["SurveyReports", "SurveyAnalysis", "SurveySimulation", "SurveyCore", "SurveyTestSupport"]),
        .testTarget(name: "SurveySimulationTests", dependencies: ["SurveySimulation", "SurveyCore", "SurveyTestSupport"]),
        .testTarget(name: "SurveyExchangeTests", dependencies: ["SurveyExchange", "SurveySimulation", "SurveyCore", "SurveyTestSupport"]),
        .testTarget(name: "PrstEndToEndTests", dependencies: ["SurveyTestSupport", "SurveyStore", "SurveyCore"]),
    ],
    swiftLanguageModes: [.v6]
)
