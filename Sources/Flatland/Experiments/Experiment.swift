/// A resolved experiment: every input checked and every default filled in, ready to run.
///
/// Made by `ExperimentSpec.resolve()`; `run()` computes every number its outputs need and returns
/// them as values (`ExperimentResults`). `spec` is the resolved spec — what `flatland run` writes
/// beside its outputs — and its hash is recorded in every file written.
public struct Experiment: Sendable {
  /// The spec with every default filled in.
  public var spec: ExperimentSpec
  /// The spec as given, without shared-flag keys that act in no method: what `--save-spec` writes.
  public var given: ExperimentSpec
  public var landscape: any Landscape
  public var info: LandscapeInfo
  /// The title as Pango markup (`nil`: the figure's default, the landscape's name and formula).
  public var titleMarkup: String?
  public var methods: [Method]
  /// The methods' specs as given and the landscape's defaults they resolve with: a sweep builds
  /// each cell's method from them.
  public var methodSpecs: [MethodSpec]
  public var methodDefaults: MethodDefaults
  public var starts: [Vec2]
  public var steps: Int
  public var noise: NoiseModel
  public var seed: UInt64
  public var repeats: Int
  public var outputs: [Output]
  /// Things that work but look like mistakes (a key with no effect); the experiment still runs.
  public var warnings: [SpecProblem]

  /// One file to write: what it is, where, and the analysis and look behind it.
  public struct Output: Sendable {
    /// The output's resolved spec.
    public var spec: OutputSpec
    public var kind: OutputKind { spec.kind }
    /// Relative to the output folder, as given.
    public var file: String
    public var format: OutputFormat
    public var analysis: Analysis
    public var look: FigureLook
  }
}

/// File formats, from the extension.
public enum OutputFormat: String, Sendable, CaseIterable {
  case png, svg, pdf, csv, json

  public init?(path: String) {
    guard let dot = path.lastIndex(of: "."), !path[path.index(after: dot)...].contains("/") else { return nil }
    self.init(rawValue: path[path.index(after: dot)...].lowercased())
  }

  public var isImage: Bool { self == .png || self == .svg || self == .pdf }
}

/// What numbers an output needs. Outputs that need the same analysis share one computation
/// (a figure and its `--data` file).
public enum Analysis: Sendable, Hashable {
  /// The runs alone (data).
  case trajectories
  /// The runs over the landscape sampled on a `grid × grid` lattice for contours.
  case routes(grid: Int)
  case curves(CurveRequest)
  case map(MapRequest)
  case slice(SliceRequest)
  case schematic(SchematicRequest)
  /// Each run's end, outcome, nearest minimum and cost.
  case summary
  /// Every method over a grid of two of its keys (batch jobs, not recorded routes).
  case sweep(SweepRequest)
  /// Every method from every start × repeat through the batch engine, a few routes kept.
  case ensemble(EnsembleRequest)

  /// Whether the analysis runs the methods from the starts.
  public var needsTrajectories: Bool {
    switch self {
    case .trajectories, .routes, .curves, .summary: return true
    case .map, .slice, .schematic, .sweep, .ensemble: return false
    }
  }
}

public struct CurveRequest: Sendable, Hashable {
  public var quantity: CurveQuantity
  public var abscissa: CurveAbscissa
  /// Geometric means and a log axis (true) or arithmetic means and a linear axis.
  public var logarithmic: Bool

  public init(quantity: CurveQuantity, abscissa: CurveAbscissa, logarithmic: Bool) {
    self.quantity = quantity
    self.abscissa = abscissa
    self.logarithmic = logarithmic
  }
}

public struct MapRequest: Sendable, Hashable {
  public var kind: MapKind
  /// Radii, one panel each (sharpness quantities); empty for the others.
  public var radii: [Double]
  public var grid: Int

  public init(kind: MapKind, radii: [Double], grid: Int) {
    self.kind = kind
    self.radii = radii
    self.grid = grid
  }
}

public struct SliceRequest: Sendable, Hashable {
  public var axis: SliceAxis
  public var at: Double
  public var rho: Double
  public var samples: Int

  public init(axis: SliceAxis, at: Double, rho: Double, samples: Int) {
    self.axis = axis
    self.at = at
    self.rho = rho
    self.samples = samples
  }
}

public struct SchematicRequest: Sendable, Hashable {
  public var point: Vec2
  public var grid: Int

  public init(point: Vec2, grid: Int) {
    self.point = point
    self.grid = grid
  }
}

/// How a figure looks, resolved: the figure engine maps each choice to its own types.
public struct FigureLook: Sendable, Hashable {
  public var preset: FigurePreset = .default
  public var size: Vec2?
  public var dpi: Int?
  public var colormap: ColormapSpec?
  public var titleMarkup: String?
  public var xLabelMarkup: String?
  public var yLabelMarkup: String?
  public var independentAxes = false
  public var levels: LevelsSpec = .auto
  public var contourLabels = false
  public var trail: TrailStyle = .solid
  public var panels: PanelLayout = .single
  public var columns: Int?
  public var linear = false
  public var log = false
  /// A map's colour scale limits.
  public var range: ClosedRange<Double>?
  public var sweepQuantity: SweepQuantity = .minimum

  public init() {}
}
