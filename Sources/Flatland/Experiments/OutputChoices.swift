/// The named choices of outputs (`figure = "routes"`, `trail = "fading"`): each a `SpecChoice`, so
/// the names exist once for reading, help, listings, the reference and errors. The figure engine
/// maps each one exhaustively to its own types.

/// The figure kinds an output can draw.
public enum FigureKind: String, SpecChoice {
  case routes, curves, map, slice, schematic, sweep, ensemble

  public var summary: String {
    switch self {
    case .routes: return "the landscape's contours with every route (one panel, or one per method)"
    case .curves: return "loss, distance or gradient norm against steps or evaluations"
    case .map: return "a heatmap of sharpness or curvature, or each method's basin map"
    case .slice: return "f, the max-pooled f_p and the surrogate gap h along one axis (GSAM's figure 1)"
    case .schematic: return "one step of one method drawn as geometry, for lectures"
    case .sweep: return "a heatmap over two hyperparameters: minimum reached, loss, sharpness, steps or divergence"
    case .ensemble:
      return "many noisy runs per method: route bundles, end points, share per minimum, Hessian spectra at the ends"
    }
  }
}

/// The numbers an output can write.
public enum DataKind: String, SpecChoice {
  case trajectories, curves, map, slice, schematic, summary, sweep, ensemble

  public var summary: String {
    switch self {
    case .trajectories: return "CSV: every point of every run"
    case .curves: return "CSV: the curves' x grid, centre line, band and every repeat"
    case .map: return "CSV: every cell of the map (for basins: every start's outcome)"
    case .slice: return "CSV: x, y, f, f_p, h along the slice"
    case .schematic: return "JSON: the points and vectors of the step"
    case .summary: return "JSON: each run's end, outcome, nearest minimum and cost"
    case .sweep: return "CSV: every cell of a sweep (its values, runs per basin, loss, sharpness, steps, divergence)"
    case .ensemble:
      return "CSV: every run of an ensemble (start, repeat, end, outcome, basin, loss, Hessian eigenvalues)"
    }
  }

  /// The file extension this kind is written as.
  public var fileExtension: String { self == .schematic || self == .summary ? "json" : "csv" }
}

/// What an output writes: a figure or numbers.
public enum OutputKind: Sendable, Hashable, CustomStringConvertible {
  case figure(FigureKind)
  case data(DataKind)

  public var description: String {
    switch self {
    case .figure(let k): return "\(k.rawValue) figure"
    case .data(let k): return "\(k.rawValue) data"
    }
  }

  /// "a routes figure", "a map data output", for messages.
  public var phrase: String {
    func article(_ word: String) -> String { "aeiou".contains(word.first ?? "x") ? "an \(word)" : "a \(word)" }
    switch self {
    case .figure(let k): return "\(article(k.rawValue)) figure"
    case .data(let k): return "\(article(k.rawValue)) data output"
    }
  }
}

/// Size presets of figures.
public enum FigurePreset: String, SpecChoice {
  case `default`
  case paper
  case paperWide = "paper-wide"
  case slide, poster

  public var summary: String {
    switch self {
    case .default: return "1200 × 900 px for screens"
    case .paper: return "one journal column, 3.5 in, legend below, 300 dpi PNG"
    case .paperWide: return "a full page width, 7 in, 300 dpi PNG"
    case .slide: return "1920 × 1080 px, large type and thick lines"
    case .poster: return "10 × 7.5 in at 200 dpi, type readable from two metres"
    }
  }

  /// Width in points (pixels at 72 dpi).
  public var width: Double {
    switch self {
    case .default: return 1200
    case .paper: return 252
    case .paperWide: return 504
    case .slide: return 1920
    case .poster: return 720
    }
  }

  /// Height in points; `nil` when the figure takes the height its content needs (paper presets).
  public var height: Double? {
    switch self {
    case .default: return 900
    case .paper, .paperWide: return nil
    case .slide: return 1080
    case .poster: return 540
    }
  }

  /// PNG resolution.
  public var dpi: Double {
    switch self {
    case .default, .slide: return 72
    case .paper, .paperWide: return 300
    case .poster: return 200
    }
  }
}

/// The colormaps (`_r` reverses any of them).
public enum ColormapName: String, SpecChoice {
  case viridis, magma, inferno, plasma, cividis, coolwarm

  public var summary: String {
    switch self {
    case .viridis: return "sequential, perceptually uniform (the default; CC0, van der Walt & Smith)"
    case .magma, .inferno, .plasma: return "sequential, perceptually uniform (CC0, van der Walt & Smith)"
    case .cividis: return "sequential, colour-vision-deficiency friendly (Nuñez, Anderton & Renslow 2018)"
    case .coolwarm: return "diverging, for signed maps (Moreland 2009)"
    }
  }
}

/// A colormap, possibly reversed (`magma_r`).
public struct ColormapSpec: Sendable, Hashable, CustomStringConvertible {
  public var name: ColormapName
  public var reversed: Bool

  public init(_ name: ColormapName, reversed: Bool = false) {
    self.name = name
    self.reversed = reversed
  }

  /// `viridis`, `magma_r`, …
  public init?(_ text: String) {
    let reversed = text.hasSuffix("_r")
    guard let name = ColormapName(rawValue: reversed ? String(text.dropLast(2)) : text) else { return nil }
    self.init(name, reversed: reversed)
  }

  public var description: String { name.rawValue + (reversed ? "_r" : "") }

  public static var names: [String] { ColormapName.names + ColormapName.names.map { $0 + "_r" } }
}

/// How routes are drawn.
public enum TrailStyle: String, SpecChoice {
  case solid, fading

  public var summary: String {
    switch self {
    case .solid: return "solid lines"
    case .fading: return "old steps fade out, so a long route reads as motion"
    }
  }
}

/// One panel for all methods, or one per method.
public enum PanelLayout: String, SpecChoice {
  case single, methods

  public var summary: String {
    switch self {
    case .single: return "every method in one panel"
    case .methods: return "one panel per method, shared axes and colorbar"
    }
  }
}

/// What a map shows: a quantity of the landscape (ALGORITHMS.md A8), or where methods end.
public enum MapKind: String, SpecChoice {
  case sharpness
  case adaptiveSharpness = "adaptive-sharpness"
  case proxy
  case loss
  case smoothedLoss = "smoothed-loss"
  case perturbedLoss = "perturbed-loss"
  case proxyLoss = "proxy-loss"
  case lambdaMax = "lambda-max"
  case lambdaMin = "lambda-min"
  case trace
  case basins

  public var summary: String {
    switch self {
    case .loss: return "the loss L(w) itself"
    case .smoothedLoss: return "E L(w + ε), ε ∼ N(0, ρ²/2·I): what random SAM and MFVI descend"
    case .perturbedLoss: return "max over the disk ‖e‖ ≤ ρ of L(w + e) = L + S_ρ: what SAM ideally descends"
    case .proxyLoss: return "L(w + ρĝ): what SAM descends in practice"
    case .sharpness: return "exact worst case S_ρ over the disk"
    case .adaptiveSharpness: return "worst case over ‖e/(|w| + η)‖ ≤ ρ (ASAM's)"
    case .proxy: return "SAM's first-order estimate L(w + ρĝ) − L(w)"
    case .lambdaMax: return "largest Hessian eigenvalue"
    case .lambdaMin: return "smallest Hessian eigenvalue (signed)"
    case .trace: return "Hessian trace (signed)"
    case .basins: return "the known minimum each method reaches from every start of a grid"
    }
  }

  /// The landscape quantity, for every kind but basins.
  public var quantity: MapQuantity? { MapQuantity(rawValue: rawValue) }
}

/// What a sweep's heatmap shows in each cell (the data file has every one).
public enum SweepQuantity: String, SpecChoice {
  case minimum, loss, sharpness, steps, diverged

  public var summary: String {
    switch self {
    case .minimum: return "the known minimum most of the cell's runs end in (categories)"
    case .loss: return "the mean final loss of the runs that did not diverge"
    case .sharpness: return "the mean λ_max of the Hessian at the runs' ends"
    case .steps: return "the median step from which the converged runs stayed put"
    case .diverged: return "the share of runs that diverged"
    }
  }
}

/// Contour levels of routes figures.
public enum LevelsSpec: Sendable, Hashable, CustomStringConvertible {
  case auto, linear, log, quantile
  case explicit([Double])

  public static let names = ["auto", "linear", "log", "quantile"]

  public var description: String {
    switch self {
    case .auto: return "auto"
    case .linear: return "linear"
    case .log: return "log"
    case .quantile: return "quantile"
    case .explicit(let v): return v.map { formatShort($0, digits: 6) }.joined(separator: ",")
    }
  }
}
