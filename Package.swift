// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Docket",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "docket", targets: ["docket"]),
        // For the fuzz targets in Fuzz/ (their own package, built only by scripts/fuzz): a package can use
        // another's targets only through its products.
        .library(name: "DocketCore", targets: ["DocketCore"]),
        .library(name: "DocketTemplates", targets: ["DocketTemplates"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.0.0"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        // The Mustache engine: parses, compiles and renders templates; knows nothing of Docket's content.
        .target(name: "DocketTemplates"),
        .target(
            name: "DocketCore",
            dependencies: [
                "DocketTemplates",
                "CCmark",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "CryptoExtras", package: "swift-crypto"),
                .product(name: "CSV", package: "CSV.swift"),
            ]
        ),
        .executableTarget(
            name: "docket",
            dependencies: [
                "DocketCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                // `docket serve`'s HTTP server; DocketCore stays free of it.
                .product(name: "FlyingFox", package: "FlyingFox"),
                .product(name: "FlyingSocks", package: "FlyingFox"),
            ],
            // jemalloc (Debian's libjemalloc-dev) takes over malloc in the docket command: a build makes and
            // frees millions of small strings and arrays, and it is about a tenth faster than glibc's there
            // (docs/PERFORMANCE.md).
            linkerSettings: [.linkedLibrary("jemalloc", .when(platforms: [.linux]))]
        ),
        .testTarget(
            name: "DocketCoreTests",
            dependencies: ["DocketCore", "DocketTemplates"]
        ),
        .testTarget(
            name: "DocketTemplatesTests",
            dependencies: ["DocketTemplates"]
        ),
    ]
)
