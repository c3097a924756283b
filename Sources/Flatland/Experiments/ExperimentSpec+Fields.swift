/// The keys of every table of an experiment file, declared once: the reader, the writer and the
/// generated reference (`docs/experiment-files.md`) all walk these lists.
extension ExperimentSpec {
  public static let fields: [SpecField<ExperimentSpec>] = [
    .string(
      "title", \.title, summary: "figure title in the label syntax (`$\\rho$`, `$x_1^2$`)",
      default: "the landscape's name and formula", example: "\"SGD and SAM on two valleys\""),
    SpecField(
      "seed", type: "integer", summary: "random seed: noise, random methods (0 to 2⁶⁴ − 1; above 2⁶³ − 1 as a string)",
      default: "0", example: "0",
      read: { spec, node, path, reader in
        spec.seed = reader.unsigned(node, at: path, expected: "a whole number from 0 to 18446744073709551615")
      },
      write: { spec in
        spec.seed.map { $0 <= UInt64(Int64.max) ? .integer(Int64($0)) : .string(String($0)) }
      }),
    SpecField(
      "landscape", type: "table", summary: "the loss surface; see [landscape]", default: "required",
      example: "{ name = \"two-valleys\" }",
      read: { spec, node, path, reader in
        var l = LandscapeSpec()
        reader.fields(node, at: path, into: &l, LandscapeSpec.fields, what: "[landscape]")
        spec.landscape = l
      },
      write: { spec in spec.landscape.map { .table($0, LandscapeSpec.fields) } }),
    SpecField(
      "run", type: "table", summary: "steps, starts, noise, repeats; see [run]", default: "the landscape's",
      example: "{ steps = 500 }",
      read: { spec, node, path, reader in
        reader.fields(node, at: path, into: &spec.run, RunSpec.fields, what: "[run]")
      },
      write: { spec in
        let node = SpecNode.table(spec.run, RunSpec.fields)
        return node.entries?.isEmpty ?? true ? nil : node
      }),
    SpecField(
      "methods", type: "array of tables", summary: "the methods, each a [[methods]] table; see [[methods]]",
      default: "sgd and sam", example: "[{ name = \"sam\", rho = 0.1 }]",
      read: { spec, node, path, reader in
        spec.methods = reader.array(node, at: path, expected: "an array of [[methods]] tables") { reader, item, p in
          MethodSpec.read(item, at: p, &reader)
        }
      },
      write: { spec in spec.methods.map { .array($0.map(\.node)) } }),
    SpecField(
      "outputs", type: "array of tables", summary: "the files to write, each an [[outputs]] table; see [[outputs]]",
      default: "none", example: "[{ figure = \"routes\", file = \"routes.png\" }]",
      read: { spec, node, path, reader in
        spec.outputs =
          reader.array(node, at: path, expected: "an array of [[outputs]] tables") { reader, item, p in
            OutputSpec.read(item, at: p, &reader)
          } ?? []
      },
      write: { spec in spec.outputs.isEmpty ? nil : .array(spec.outputs.map(\.node)) }),
  ]
}

extension LandscapeSpec {
  public static let fields: [SpecField<LandscapeSpec>] = [
    .string(
      "name", \.name, summary: "a catalogue landscape (`flatland list landscapes`)", default: "— (name or formula)",
      example: "\"two-valleys\""),
    .string(
      "formula", \.formula, summary: "a formula in x and y instead of a name, differentiated exactly",
      default: "— (name or formula)", example: "\"x^2 + 10*y^2\""),
    SpecField(
      "params", type: "table of numbers", summary: "catalogue parameters (`flatland describe NAME`)",
      default: "the landscape's", example: "{ d1 = 1.2 }",
      read: { spec, node, path, reader in
        reader.visit(node, at: path)
        guard let entries = node.entries else {
          reader.log.error("expected a table of numbers such as { a = 1, b = 10 }, not \(node.typeName)", at: path)
          return
        }
        for entry in entries {
          reader.visit(entry.node, at: path + entry.key, key: entry.keyLocation)
          if let v = reader.number(entry.node, at: path + entry.key) { spec.params[entry.key] = v }
        }
      },
      write: { spec in
        spec.params.isEmpty
          ? nil : .table(spec.params.sorted { $0.key < $1.key }.map { .init(key: $0.key, node: .float($0.value)) })
      }),
    SpecField(
      "window", type: "[xmin, xmax, ymin, ymax]", summary: "the plot window", default: "the landscape's",
      example: "[-2.5, 2.5, -2.5, 2.5]",
      read: { spec, node, path, reader in
        if let v = reader.numbers(node, at: path, count: 4, expected: "four numbers [xmin, xmax, ymin, ymax]") {
          spec.window = Box(unordered: v)
        }
      },
      write: { spec in spec.window.map { .array([$0.xmin, $0.xmax, $0.ymin, $0.ymax].map { .float($0) }) } }),
  ]
}

extension RunSpec {
  public static let fields: [SpecField<RunSpec>] = [
    .integer("steps", \.steps, summary: "steps per run (1 to 10⁶)", default: "the landscape's", example: "500"),
    SpecField(
      "starts", type: "array of [x, y]", summary: "each method runs from each start", default: "the landscape's",
      example: "[[0.3, 2.0], [-1.0, 1.5]]",
      read: { spec, node, path, reader in
        spec.starts = reader.array(node, at: path, expected: "an array of starts such as [[0.3, 2.0]]") {
          reader, item, p in reader.pair(item, at: p)
        }
      },
      write: { spec in spec.starts.map { .array($0.map { .pair($0) }) } }),
    SpecField(
      "noise", type: "table", summary: "gradient noise; see noise", default: "{ kind = \"none\" }",
      example: "{ kind = \"gaussian\", sigma = 0.1 }",
      read: { spec, node, path, reader in
        var noise = NoiseSpec()
        reader.fields(node, at: path, into: &noise, NoiseSpec.fields, what: "noise")
        spec.noise = noise
      },
      write: { spec in spec.noise.map { .table($0, NoiseSpec.fields) } }),
    .integer(
      "repeats", \.repeats, summary: "runs per method and start, differing only in their random streams (1 to 1000)",
      default: "1", example: "20"),
  ]
}

extension NoiseSpec {
  public static let fields: [SpecField<NoiseSpec>] = [
    .choice("kind", \.kind, what: "noise kind", summary: "the noise model", default: "none", example: "\"gaussian\""),
    SpecField(
      "sigma", type: "number or [sx, sy]", summary: "standard deviation of gaussian noise (isotropic, or per axis)",
      default: "required for gaussian", example: "0.1",
      read: { spec, node, path, reader in
        spec.sigma = reader.numbers(node, at: path, expected: "a standard deviation s or two [sx, sy]")
      },
      write: { spec in spec.sigma.map { $0.count == 1 ? .float($0[0]) : .array($0.map { .float($0) }) } }),
    .number(
      "scale", \.scale, summary: "s of hessian noise: covariance s²·|H(w)|", default: "required for hessian",
      example: "0.5"),
  ]
}

extension Box {
  /// `[xmin, xmax, ymin, ymax]` as given, not reordered (validation checks the order).
  init(unordered v: [Double]) {
    self.init(x: v[0]...Swift.max(v[0], v[1]), y: v[2]...Swift.max(v[2], v[3]))
    xmax = v[1]
    ymax = v[3]
  }
}
