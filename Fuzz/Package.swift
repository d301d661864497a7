// swift-tools-version:6.0
import PackageDescription

// Docket's fuzz targets: one libFuzzer executable per parser, each a `LLVMFuzzerTestOneInput` and no `main`
// (libFuzzer brings it). A package of its own so that the root's `swift build` and `swift test` never see
// them; `scripts/fuzz` builds them with `--sanitize fuzzer --sanitize address` and runs them (docs/testing.md).
let targets = [
    "FuzzFrontMatter", "FuzzTimesheet", "FuzzTasks", "FuzzTerms", "FuzzInvoice", "FuzzTemplates",
    "FuzzPlainBlocks", "FuzzPlantedBug",
]

let package = Package(
    name: "DocketFuzz",
    platforms: [.macOS(.v13)],
    dependencies: [.package(name: "Docket", path: "..")],
    targets: [
        .target(name: "FuzzSupport")
    ]
        + targets.map { name in
            .executableTarget(
                name: name,
                dependencies: [
                    "FuzzSupport",
                    .product(name: "DocketCore", package: "Docket"),
                    .product(name: "DocketTemplates", package: "Docket"),
                ]
            )
        }
)
