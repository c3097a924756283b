// swift-tools-version:6.0
// Flatland: sharpness-aware optimization on 2D loss landscapes, rendered with Cairo.
import PackageDescription

let package = Package(
  name: "Flatland",
  products: [
    .library(name: "Flatland", targets: ["Flatland"]),
    .library(name: "FlatlandPlot", targets: ["FlatlandPlot"]),
    .library(name: "ExperimentsTOML", targets: ["ExperimentsTOML"]),
    .executable(name: "flatland", targets: ["flatland"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
  ],
  targets: [
    // Pure Swift numerics: geometry, jets, landscapes, oracles, optimizers, runs.
    .target(name: "Flatland"),
    // Cairo (and Pango for text) through one module map; only FlatlandPlot touches C pointers.
    .systemLibrary(
      name: "CCairo",
      pkgConfig: "pangocairo",
      providers: [.apt(["libcairo2-dev", "libpango1.0-dev"]), .brew(["cairo", "pango"])]
    ),
    .target(name: "FlatlandPlot", dependencies: ["Flatland", "CCairo"]),
    // Experiment files in TOML (TOMLKit) and JSON, into Flatland's spec tree, with positions; a
    // target of its own so that `Flatland` stays free of dependencies.
    .target(
      name: "ExperimentsTOML", dependencies: ["Flatland", .product(name: "TOMLKit", package: "TOMLKit")]),
    // The commands: flags into the spec tree, then the one pipeline. A library, so that the
    // executable, the fuzz harness and the tests run the same code.
    .target(
      name: "FlatlandCLI",
      dependencies: [
        "Flatland", "FlatlandPlot", "ExperimentsTOML",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    .executableTarget(name: "flatland", dependencies: ["FlatlandCLI"]),
    // The fuzz checks: every input refused by name or rendered; shared by the two harnesses below.
    .target(
      name: "FlatlandFuzzing",
      dependencies: [
        "FlatlandCLI", "Flatland", "FlatlandPlot", "ExperimentsTOML",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    // `make fuzz`: seeded mutations through the formula and label parsers, the spec loader and the
    // command line, rendering what they accept.
    .executableTarget(name: "flatland-fuzz", dependencies: ["FlatlandFuzzing", "Flatland"]),
    // `make libfuzz`: the same checks under libFuzzer (built with -sanitize=fuzzer); otherwise a
    // replayer of saved inputs.
    .executableTarget(name: "flatland-libfuzzer", dependencies: ["FlatlandFuzzing"]),
    // `make bench`: the batch engine's throughput (point-steps per second) on the job.
    .executableTarget(name: "flatland-bench", dependencies: ["Flatland"], path: "Benchmarks/engine"),
    // The library-API example of examples/library-api: builds with the package so it cannot rot.
    .executableTarget(
      name: "library-example",
      dependencies: ["Flatland", "FlatlandPlot"],
      path: "examples/library-api"
    ),
    .testTarget(name: "FlatlandTests", dependencies: ["Flatland"]),
    .testTarget(name: "FlatlandPlotTests", dependencies: ["Flatland", "FlatlandPlot"], exclude: ["Golden"]),
    .testTarget(name: "ExperimentsTOMLTests", dependencies: ["ExperimentsTOML", "Flatland"]),
    .testTarget(
      name: "FlatlandCLITests",
      dependencies: ["flatland", "FlatlandCLI", "Flatland", "FlatlandPlot", "ExperimentsTOML"]),
  ]
)
