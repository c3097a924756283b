import ArgumentParser
import Flatland

/// Which methods, with shared and per-method hyperparameters: `[[methods]]` of an experiment file.
///
/// `--methods a,b` adds presets; `--method NAME:key=value,…` adds one with its own keys. The shared
/// flags (`--lr`, `--rho`, `--alpha`, `--sigma`, `--momentum`) set the key they stand for in every
/// method that takes it and does not set it itself (`--rho` also sets Fisher SAM's γ and the σ of
/// random SAM and MFVI as (ρ, ρ)); a shared flag no method takes is a warning.
struct MethodFlags: ParsableArguments {
  @Option(
    parsing: .unconditional,
    help: "Comma-separated presets sharing the flags below (see 'flatland list methods'; default: sgd,sam).")
  var methods: String?

  @Option(
    parsing: .unconditionalSingleValue,
    help: "One method with its own hyperparameters, NAME:key=value,…; repeatable (e.g. vsam:sigma=0.5,0.05).")
  var method: [String] = []

  @Option(parsing: .unconditional, help: "Learning rate η (default: the landscape's).")
  var lr: String?

  @Option(parsing: .unconditional, help: "Perturbation radius ρ (default: the landscape's).")
  var rho: String?

  @Option(parsing: .unconditional, help: "GSAM's α, the weight of the orthogonal component (default: 0.4).")
  var alpha: String?

  @Option(parsing: .unconditional, help: "VSAM's per-axis tolerance σ as SX,SY (default: the landscape's).")
  var sigma: String?

  @Option(parsing: .unconditional, help: "Momentum μ of base=momentum or nesterov (default: 0.9).")
  var momentum: String?

  var shared: [(SharedFlag, String)] {
    [(.lr, lr), (.rho, rho), (.alpha, alpha), (.sigma, sigma), (.momentum, momentum)].compactMap { flag, value in
      value.map { (flag, $0) }
    }
  }

  var given: Bool { methods != nil || !method.isEmpty }

  /// Fills `[[methods]]`; `defaults` are the methods the experiment would use when none is given
  /// (they are written out only when a shared flag has to reach them). `rhoGoesElsewhere`: the
  /// command uses `--rho` itself (a sharpness map's radii).
  func fill(_ tree: inout SpecTree, defaults: [MethodPreset], rhoGoesElsewhere: Bool = false) {
    var tables: [SpecNode] = []
    if let methods {
      let names = methods.split(separator: ",", omittingEmptySubsequences: false).map {
        $0.trimmingCharacters(in: .whitespaces)
      }
      for (i, name) in names.enumerated() {
        if name.isEmpty {
          tree.problems.append(
            SpecProblem(
              "'\(methods)' is not valid; expected a comma-separated list such as sgd,sam", at: .root + "methods",
              location: .flag("--methods")))
          continue
        }
        if names[..<i].contains(name) {
          tree.problems.append(
            SpecProblem(
              "'\(name)' is given twice; give each method once (use --method for a second \(name) with other keys)",
              at: .root + "methods", location: .flag("--methods")))
          continue
        }
        tables.append(
          .table([SpecNode.Entry(key: "name", keyLocation: .flag("--methods"), node: SpecTree.text(name, "--methods"))])
        )
      }
    }
    for text in method {
      if let table = Self.table(parsing: text, &tree.problems) { tables.append(table) }
    }
    let sharedFlags = shared.filter { !(rhoGoesElsewhere && $0.0 == .rho) }
    if tables.isEmpty, !given, !sharedFlags.isEmpty {
      tables = defaults.map { .table([SpecTree.string("name", $0.rawValue)]) }
    }
    var used = Set<SharedFlag>()
    for k in tables.indices {
      switch tables[k]["name"]?.value {
      case .text(let n)?, .string(let n)?:
        if let preset = MethodPreset(rawValue: n) { apply(sharedFlags, to: &tables[k], preset: preset, used: &used) }
      default: break
      }
    }
    for (flag, _) in sharedFlags where !used.contains(flag) && !tables.isEmpty {
      tree.problems.append(
        SpecProblem(
          "has no effect: no method here takes it (give a method its own key with --method NAME:key=value)",
          at: .root + "methods", location: .flag(flag.flag),
          severity: .warning))
    }
    if !tables.isEmpty || given { tree.root.set("methods", .array(tables)) }
  }

  private func apply(
    _ shared: [(SharedFlag, String)], to table: inout SpecNode, preset: MethodPreset, used: inout Set<SharedFlag>
  ) {
    for (flag, value) in shared {
      for option in preset.options where option.sharedFlag == flag && table[option.key.rawValue] == nil {
        var text = value
        if case .pair = option.kind, Double(value.trimmingCharacters(in: .whitespaces)) != nil {
          text = "\(value),\(value)"  // --rho for a Gaussian's σ: (ρ, ρ)
        }
        table.set(option.key.rawValue, SpecTree.text(text, flag.flag), keyLocation: .flag(flag.flag))
        used.insert(flag)
      }
    }
  }

  /// `name:key=value,key=value`; a value may itself contain a comma (`sigma=0.5,0.05`).
  static func table(parsing text: String, _ problems: inout [SpecProblem]) -> SpecNode? {
    let flag = "--method \(text)"
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    let colon = trimmed.firstIndex(of: ":")
    let name = String(colon.map { trimmed[..<$0] } ?? trimmed[...])
    var entries = [SpecNode.Entry(key: "name", keyLocation: .flag(flag), node: SpecTree.text(name, flag))]
    guard let colon else { return .table(entries) }
    var lastKey: String?
    var values: [(String, String)] = []
    for token in trimmed[trimmed.index(after: colon)...].split(separator: ",", omittingEmptySubsequences: false) {
      let piece = token.trimmingCharacters(in: .whitespaces)
      if let eq = piece.firstIndex(of: "=") {
        let key = String(piece[..<eq])
        guard !key.isEmpty else {
          problems.append(SpecProblem("expected NAME:key=value,key=value", at: .root, location: .flag(flag)))
          return nil
        }
        guard !values.contains(where: { $0.0 == key }) else {
          problems.append(
            SpecProblem("'\(key)' is given twice; give each hyperparameter once", at: .root, location: .flag(flag)))
          return nil
        }
        values.append((key, String(piece[piece.index(after: eq)...])))
        lastKey = key
      } else if lastKey != nil, !piece.isEmpty {
        values[values.count - 1].1 += "," + piece
      } else {
        problems.append(SpecProblem("expected NAME:key=value,key=value", at: .root, location: .flag(flag)))
        return nil
      }
    }
    for (key, value) in values {
      entries.append(SpecNode.Entry(key: key, keyLocation: .flag(flag), node: SpecTree.text(value, flag)))
    }
    return .table(entries)
  }
}
