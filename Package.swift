// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Briefing",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "briefing", targets: ["briefing"]),
        .library(name: "BriefingCore", targets: ["BriefingCore"]),
        .library(name: "BriefingPreview", targets: ["BriefingPreview"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
    ],
    targets: [
        // Debian's libcmark-dev, found through pkg-config.
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        // Linux calls Glibc's overlay lacks (atomic directory exchange).
        .systemLibrary(name: "CSystemShims"),
        // The pipeline: Load → Extract → Link → Render → Write.
        .target(
            name: "BriefingCore",
            dependencies: [
                "CCmark",
                "CSystemShims",
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        // `briefing serve`: HTTP preview with live reload, kept out of the core.
        .target(
            name: "BriefingPreview",
            dependencies: [
                "BriefingCore",
                .product(name: "Hummingbird", package: "hummingbird"),
            ]
        ),
        // The command line: argument parsing only.
        .executableTarget(
            name: "briefing",
            dependencies: [
                "BriefingCore",
                "BriefingPreview",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Helpers shared by the test targets: temporary projects, running the CLI.
        .target(
            name: "BriefingTestSupport",
            dependencies: ["BriefingCore"],
            path: "Tests/BriefingTestSupport"
        ),
        .testTarget(
            name: "BriefingCoreTests",
            dependencies: ["BriefingCore", "BriefingTestSupport"]
        ),
        .testTarget(
            name: "BriefingCLITests",
            dependencies: ["BriefingCore", "BriefingTestSupport"]
        ),
        .testTarget(
            name: "BriefingPreviewTests",
            dependencies: ["BriefingPreview"]
        ),
    ]
)
