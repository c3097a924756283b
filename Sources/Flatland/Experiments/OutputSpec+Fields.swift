/// Reading and writing `[[outputs]]` tables. The kind comes first (`figure = "routes"` or
/// `data = "trajectories"`); the keys accepted after it depend on the kind.
extension OutputSpec {
  /// A key of some output kinds.
  public struct Field: Sendable {
    public let field: SpecField<OutputSpec>
    public let kinds: [OutputKind]
  }

  static let allFigures = FigureKind.allCases.map { OutputKind.figure($0) }
  static let panelled: [OutputKind] = [.figure(.routes), .figure(.map), .figure(.sweep)]
  /// Kinds with a colormap: the panelled ones and the ensemble's contours.
  static let coloured: [OutputKind] = panelled + [.figure(.ensemble)]

  /// Every key after the kind, with the kinds it applies to.
  public static let keys: [Field] = [
    Field(
      field: .string(
        "file", \.file,
        summary: "the file, relative to the output folder; .png, .svg or .pdf for figures, .csv or .json for data",
        default: "required", example: "\"routes.png\""),
      kinds: allFigures + DataKind.allCases.map { .data($0) }),
    Field(
      field: .choice("quantity", \.quantity, what: "map quantity", summary: "what the map shows", default: "sharpness"),
      kinds: [.figure(.map), .data(.map)]),
    Field(
      field: SpecField(
        "rho", type: "number or array of numbers",
        summary: "radii of sharpness maps, one panel each (up to 9); for slices, the radius of f_p",
        default: "the landscape's ρ", example: "[0.05, 0.1, 0.2]",
        read: { spec, node, path, reader in
          if case .figure(.slice) = spec.kind {
            spec.rho = reader.number(node, at: path, expected: "a radius > 0")
          } else if case .data(.slice) = spec.kind {
            spec.rho = reader.number(node, at: path, expected: "a radius > 0")
          } else {
            spec.radii = reader.numbers(node, at: path, expected: "a radius or radii such as [0.05, 0.1, 0.2]")
          }
        },
        write: { spec in
          if let rho = spec.rho { return .float(rho) }
          return spec.radii.map { $0.count == 1 ? .float($0[0]) : .array($0.map { .float($0) }) }
        }),
      kinds: [.figure(.map), .data(.map), .figure(.slice), .data(.slice)]),
    Field(
      field: .choice("y", \.y, what: "curve quantity", summary: "what the curves show", default: "loss"),
      kinds: [.figure(.curves), .data(.curves)]),
    Field(
      field: .choice(
        "x", \.x, what: "curve axis", summary: "against steps or evaluations (the fair axis)", default: "steps"),
      kinds: [.figure(.curves), .data(.curves)]),
    Field(
      field: .bool(
        "linear", \.linear, summary: "linear y axis and arithmetic means (default: log axis, geometric means)"),
      kinds: [.figure(.curves), .data(.curves)]),
    Field(
      field: sweepAxisField("x", \.sweepX, example: "\"lr=0.001:0.1:log:64\""),
      kinds: [.figure(.sweep), .data(.sweep)]),
    Field(
      field: sweepAxisField("y", \.sweepY, example: "\"rho=0:0.5:64\""),
      kinds: [.figure(.sweep), .data(.sweep)]),
    Field(
      field: .choice(
        "quantity", \.sweepQuantity, what: "sweep quantity", summary: "what each cell of the sweep shows",
        default: "minimum (loss on landscapes without known minima)"),
      kinds: [.figure(.sweep)]),
    Field(
      field: .choice("along", \.along, what: "slice axis", summary: "the axis the slice runs along", default: "x"),
      kinds: [.figure(.slice), .data(.slice)]),
    Field(
      field: SpecField(
        "at", type: "number (slice) or [x, y] (schematic)",
        summary: "slice: the fixed other coordinate; schematic: the point w", default: "0; the landscape's first start",
        example: "[0.45, 0.6]",
        read: { spec, node, path, reader in
          switch spec.kind {
          case .figure(.schematic), .data(.schematic): spec.point = reader.pair(node, at: path)
          default: spec.sliceAt = reader.number(node, at: path)
          }
        },
        write: { spec in spec.point.map { .pair($0) } ?? spec.sliceAt.map { .float($0) } }),
      kinds: [.figure(.slice), .data(.slice), .figure(.schematic), .data(.schematic)]),
    Field(
      field: .integer(
        "grid", \.grid,
        summary:
          "grid nodes per axis: contours (routes 400, schematic 240, ensemble 300), map cells (160; basins 256, at most 1024), slice samples (400)",
        default: "per kind", example: "200"),
      kinds: [
        .figure(.routes), .figure(.map), .figure(.slice), .figure(.schematic), .figure(.ensemble), .data(.map),
        .data(.slice),
      ]),
    Field(
      field: .integer(
        "bundle", \.bundle,
        summary: "ensembles: routes drawn per method and start, 0 to 100 (every run's end is drawn)",
        default: "the repeats, at most 30", example: "20"),
      kinds: [.figure(.ensemble)]),
    Field(
      field: SpecField(
        "levels", type: "\"auto\" | \"linear\" | \"log\" | \"quantile\" | array of numbers",
        summary: "contour levels; auto picks log levels for landscapes with a huge range", default: "auto",
        example: "[0, 1, 2, 5, 10]",
        read: { spec, node, path, reader in
          switch node.value {
          case .array, .integer, .float:
            if let v = reader.numbers(node, at: path, expected: "numbers such as [0, 1, 2, 5]") {
              spec.levels = .explicit(v)
            }
          case .text(let t) where t.contains(",") || Double(t) != nil:
            if let v = reader.numbers(
              node, at: path, expected: "auto, linear, log, quantile or numbers such as 0,1,2,5")
            {
              spec.levels = .explicit(v)
            }
          default:
            guard let name = reader.string(node, at: path) else { return }
            switch name {
            case "auto": spec.levels = .auto
            case "linear": spec.levels = .linear
            case "log": spec.levels = .log
            case "quantile": spec.levels = .quantile
            default:
              reader.log.error(
                unknownNameMessage("levels", name, accepted: LevelsSpec.names)
                  + " or numbers such as [0, 1, 2, 5]", at: path)
            }
          }
        },
        write: { spec in
          spec.levels.map {
            if case .explicit(let v) = $0 { return .array(v.map { .float($0) }) }
            return .string($0.description)
          }
        }),
      kinds: [.figure(.routes)]),
    Field(
      field: .bool("contour-labels", \.contourLabels, summary: "write the level values on the contour lines"),
      kinds: [.figure(.routes)]),
    Field(
      field: .choice("trail", \.trail, what: "trail", summary: "how routes are drawn", default: "solid"),
      kinds: [.figure(.routes)]),
    Field(
      field: .choice(
        "panels", \.panels, what: "panel layout", summary: "one panel, or one per method", default: "single"),
      kinds: [.figure(.routes)]),
    Field(
      field: .integer(
        "columns", \.columns, summary: "columns of the panel grid (1 to 12)", default: "as square as possible",
        example: "2"),
      kinds: [.figure(.routes)]),
    Field(
      field: .pair(
        "range", \.range, summary: "maps: the colour scale's [low, high]; values beyond take its end colours",
        default: "the values' range", example: "[0.49, 0.7]"),
      kinds: [.figure(.map)]),
    Field(
      field: .bool("log", \.log, summary: "log colour scale (positive quantities)"),
      kinds: [.figure(.map), .figure(.sweep)]),
    Field(
      field: .choice(
        "preset", \.preset, what: "size preset", summary: "size, type and line widths",
        default: "default (slide for schematics)"),
      kinds: allFigures),
    Field(
      field: SpecField(
        "size", type: "[width, height]", summary: "size in points (pixels at 72 dpi), 200 to 10000; scales the preset",
        default: "the preset's", example: "[1500, 620]",
        read: { spec, node, path, reader in
          if case .text(let t) = node.value, t.lowercased().contains("x") {
            let parts = t.lowercased().split(separator: "x", omittingEmptySubsequences: false).map(String.init)
            spec.size = reader.pair(
              SpecNode(.text(parts.joined(separator: ",")), at: node.location), at: path,
              expected: "WIDTHxHEIGHT such as 1200x900")
          } else {
            spec.size = reader.pair(node, at: path, expected: "[width, height] such as [1200, 900]")
          }
        },
        write: { spec in spec.size.map { .array([.integer(Int64($0.x)), .integer(Int64($0.y))]) } }),
      kinds: allFigures),
    Field(
      field: .integer("dpi", \.dpi, summary: "PNG resolution, 18 to 2400", default: "the preset's", example: "300"),
      kinds: allFigures),
    Field(
      field: SpecField(
        "colormap", type: "string", summary: "viridis, magma, inferno, plasma, cividis, coolwarm; _r reverses",
        default: "viridis (coolwarm for signed maps)", example: "\"magma_r\"",
        read: { spec, node, path, reader in
          guard let name = reader.string(node, at: path) else { return }
          if let c = ColormapSpec(name) {
            spec.colormap = c
          } else {
            reader.log.error(unknownNameMessage("colormap", name, accepted: ColormapSpec.names), at: path)
          }
        },
        write: { spec in spec.colormap.map { .string($0.description) } }),
      kinds: coloured),
    Field(
      field: .string(
        "xlabel", \.xlabel, summary: "x-axis label in the label syntax", default: "the figure's", example: "\"$w_1$\""),
      kinds: allFigures),
    Field(
      field: .string(
        "ylabel", \.ylabel, summary: "y-axis label in the label syntax", default: "the figure's", example: "\"$w_2$\""),
      kinds: allFigures),
    Field(
      field: .bool(
        "independent-axes", \.independentAxes, summary: "with several panels, label every panel's axes"),
      kinds: panelled),
  ]

  /// A sweep axis, `KEY=FROM:TO[:lin|log][:COUNT]`.
  static func sweepAxisField(
    _ key: String, _ path: WritableKeyPath<OutputSpec, SweepAxis?> & Sendable, example: String
  ) -> SpecField<OutputSpec> {
    SpecField(
      key, type: "string KEY=FROM:TO[:lin|log][:COUNT]",
      summary:
        "sweep: the method key along the \(key) axis and its values (\(SweepAxis.defaultCount) by default, 2 to 256)",
      default: "required", example: example,
      read: { spec, node, p, reader in
        guard let text = reader.string(node, at: p) else { return }
        switch SweepAxis.parse(text) {
        case .success(let axis): spec[keyPath: path] = axis
        case .failure(let error):
          reader.log.error(error.message, at: p)
          reader.log.sources.markUnreadable(p)
        }
      },
      write: { spec in spec[keyPath: path].map { .string($0.description) } })
  }

  /// The keys accepted for `kind`, after `figure`/`data`.
  public static func fields(for kind: OutputKind) -> [SpecField<OutputSpec>] {
    keys.filter { $0.kinds.contains(kind) }.map(\.field)
  }

  static func read(_ node: SpecNode, at path: SpecPath, _ reader: inout SpecReader) -> OutputSpec? {
    reader.visit(node, at: path)
    guard node.entries != nil else {
      reader.log.error(
        "expected a table such as { figure = \"routes\", file = \"routes.png\" }, not \(node.typeName)", at: path)
      return nil
    }
    let figure = node["figure"]
    let data = node["data"]
    let kind: OutputKind
    switch (figure, data) {
    case (let f?, nil):
      guard let k = reader.choice(f, at: path + "figure", FigureKind.self, what: "figure kind") else { return nil }
      kind = .figure(k)
    case (nil, let d?):
      guard let k = reader.choice(d, at: path + "data", DataKind.self, what: "data kind") else { return nil }
      kind = .data(k)
    case (_?, let d?):
      reader.visit(d, at: path + "data", key: node.entries?.first { $0.key == "data" }?.keyLocation)
      reader.log.error(
        "an output is either a figure or data, not both; make two [[outputs]]", at: path + "data", atKey: true)
      return nil
    case (nil, nil):
      reader.log.error(
        "an output needs figure = \(FigureKind.names.map { "\"\($0)\"" }.joined(separator: " | ")) "
          + "or data = \(DataKind.names.map { "\"\($0)\"" }.joined(separator: " | "))", at: path)
      return nil
    }
    var spec = OutputSpec(kind)
    let fields = fields(for: kind)
    let kindKey = spec.isFigure ? "figure" : "data"
    reader.table(node, at: path, what: kind.phrase, accepted: [kindKey] + fields.map(\.key)) {
      reader, key, value, p in
      guard key != kindKey, let field = fields.first(where: { $0.key == key }) else { return }
      field.read(&spec, value, p, &reader)
    }
    return spec
  }

  /// The `[[outputs]]` table: the kind, then the set keys.
  public var node: SpecNode {
    let head: SpecNode.Entry
    switch kind {
    case .figure(let k): head = .init(key: "figure", node: .string(k.rawValue))
    case .data(let k): head = .init(key: "data", node: .string(k.rawValue))
    }
    return .table([head] + (SpecNode.table(self, Self.fields(for: kind)).entries ?? []))
  }
}
