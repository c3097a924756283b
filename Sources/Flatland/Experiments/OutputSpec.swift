/// One file an experiment writes: a figure (its kind and look) or numbers (a data kind), and the
/// options of the analysis behind it. Which keys apply depends on the kind (see
/// `OutputSpec.fields(for:)`); every option is optional and resolved to its default.
public struct OutputSpec: Sendable, Equatable {
  public var kind: OutputKind
  /// The file, relative to the output folder; the extension picks the format.
  public var file: String?

  // The look of a figure.
  public var preset: FigurePreset?
  /// Width and height in points (pixels at 72 dpi); scales the preset's type and lines.
  public var size: Vec2?
  public var dpi: Int?
  public var colormap: ColormapSpec?
  public var xlabel: String?
  public var ylabel: String?
  public var independentAxes: Bool?
  /// Grid nodes per axis: contours, maps, slice samples.
  public var grid: Int?

  // Routes.
  public var levels: LevelsSpec?
  public var contourLabels: Bool?
  public var trail: TrailStyle?
  public var panels: PanelLayout?
  public var columns: Int?

  // Curves.
  public var y: CurveQuantity?
  public var x: CurveAbscissa?
  public var linear: Bool?

  // Maps.
  public var quantity: MapKind?
  /// Radii of a sharpness map: one panel each.
  public var radii: [Double]?
  public var log: Bool?
  /// The colour scale's limits (values beyond take its end colours).
  public var range: Vec2?

  // Slices.
  public var along: SliceAxis?
  /// The fixed other coordinate of a slice.
  public var sliceAt: Double?
  /// The radius of a slice's `f_p`.
  public var rho: Double?

  // Sweeps.
  public var sweepX: SweepAxis?
  public var sweepY: SweepAxis?
  public var sweepQuantity: SweepQuantity?

  // Ensembles.
  /// Routes drawn per method and start.
  public var bundle: Int?

  // Schematics.
  /// The point `w` of a schematic.
  public var point: Vec2?

  public init(_ kind: OutputKind, file: String? = nil) {
    self.kind = kind
    self.file = file
  }

  /// Whether this output writes a figure.
  public var isFigure: Bool {
    if case .figure = kind { return true }
    return false
  }
}
