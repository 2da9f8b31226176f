// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Escalator",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "escalator", targets: ["escalator"]),
    ],
    dependencies: [
        .package(url: "https://github.com/vapor/vapor.git", from: "4.115.0"),
        .package(url: "https://github.com/vapor/fluent.git", from: "4.12.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver.git", from: "4.8.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver.git", from: "2.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.0.0"..<"5.0.0"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.4.1"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.0.0"),
    ],
    targets: [
        // Plain Swift: the journey's domain, the matching engine and the statistics. No Vapor, no Fluent.
        .target(name: "EscalatorCore"),
        // Fluent models, migrations and the queries that map rows to core values.
        .target(
            name: "EscalatorPersistence",
            dependencies: [
                "EscalatorCore",
                .product(name: "Fluent", package: "fluent"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // The web app: HTML pages for people, JSON API under /api/v1 for machines.
        .target(
            name: "EscalatorWeb",
            dependencies: [
                "EscalatorCore",
                "EscalatorPersistence",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Fluent", package: "fluent"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ]
        ),
        .executableTarget(
            name: "escalator",
            dependencies: [
                "EscalatorCore",
                "EscalatorPersistence",
                "EscalatorWeb",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Vapor", package: "vapor"),
            ]
        ),
        .testTarget(name: "EscalatorCoreTests", dependencies: ["EscalatorCore"]),
        .testTarget(
            name: "EscalatorWebTests",
            dependencies: [
                "EscalatorWeb",
                "EscalatorPersistence",
                "EscalatorCore",
                .product(name: "XCTVapor", package: "vapor"),
            ]
        ),
    ]
)
