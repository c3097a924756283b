import Testing

@testable import Flatland

/// No key of any method is accepted and ignored: for every preset and every key it takes, each
/// other value the key accepts (with whatever setting makes it act) changes the rule and the route.
@Suite struct KeyEffectTests {
  /// Settings under which a key acts, where by default it does not.
  static let prerequisites: [MethodKey: [MethodKey: MethodValue]] = [
    .mu: [.base: "momentum"], .wdMode: [.wd: 0.1], .lrFinal: [.schedule: "cosine"],
    .lrEvery: [.schedule: "step", .lrFactor: 0.5], .lrFactor: [.schedule: "step", .lrEvery: 5],
    .warmup: [.schedule: "warmup-cosine"], .rhoFinal: [.radius: "linear"], .kappa: [.radius: "grad-scaled"],
    .target: [.radius: "target-sharpness"], .rhoMax: [.radius: "target-sharpness", .target: 100],
    // lr-proportional acts only under a changing learning rate; so does its ρ_min.
    .radius: [.schedule: "cosine", .lrFinal: 0.001, .rhoMin: 0.01],
    .rhoMin: [.radius: "lr-proportional", .schedule: "cosine", .lrFinal: 0.001], .kl: [.learn: true],
    .prior: [.learn: true], .form: [.learn: true], .lrSigma: [.learn: true],
  ]

  /// Prerequisites of `custom`'s keys (its parts), on top of the ones above.
  static let customPrerequisites: [MethodKey: [MethodKey: MethodValue]] = [
    .penalty: [.covariance: "learned"], .kl: [.covariance: "learned", .penalty: "kl"],
    .prior: [.covariance: "learned", .penalty: "kl"], .sigma: [.covariance: "diagonal"],
    .eta: [.covariance: "adaptive"], .samples: [.perturbation: "gaussian"], .k: [.when: "every-k"],
    .p: [.when: "random"], .theta: [.direction: "vasso"], .smoothing: [.direction: "fsam"],
    .lambda: [.direction: "fsam"], .sparsity: [.mask: "ssam-f"], .every: [.mask: "ssam-f"],
    .dropRate: [.mask: "ssam-d"], .beta: [.mask: "esam"], .mode: [.mask: "esam"], .alpha: [.combination: "gsam"],
    .minimizeFp: [.combination: "gsam"], .combination: [.when: "every-k"],
    .form: [.covariance: "learned", .perturbation: "gaussian", .penalty: "kl"], .lrSigma: [.covariance: "learned"],
    .kappaScale: [.direction: "mixsam"],
  ]

  /// Per preset, settings a key needs there beyond the ones above.
  /// SSAM-F's released Fisher (g̃ + g)² picks another coordinate than g² only now and then:
  /// refreshing every step makes the difference show within the walk's 120 steps.
  static let presetPrerequisites: [MethodPreset: [MethodKey: [MethodKey: MethodValue]]] = [
    .ssamF: [.timing: [.every: 1]]
  ]

  /// Other values `option` accepts than `current`.
  static func alternatives(_ option: MethodOption, _ current: MethodValue) -> [MethodValue] {
    switch (option.kind, current) {
    case (.choice(let names), .choice(let now)): return names.filter { $0 != now }.map { .choice($0) }
    case (.flag, .flag(let now)): return [.flag(!now)]
    case (.whole(let range), .number(let now)):
      let candidates = [Int(now) + 1, Int(now) - 1, 1, 3, Int(now) * 4].filter { range.contains($0) && $0 != Int(now) }
      return candidates.map { .number(Double($0)) }
    case (.number(let range), .number(let now)):
      let candidates = [
        now * 0.5, now * 1.5 + 0.05, now + 0.1, now - 0.1, range.lowerBound, Swift.min(range.upperBound, 1),
      ]
      return candidates.filter { range.contains($0) && $0 != now }.map { .number($0) }
    case (.pair(let range), .pair(let now)):
      let next = Vec2(now.x * 1.5 + 0.05, now.y * 0.5 + 0.02)
      return range.contains(next.x) && range.contains(next.y) ? [.pair(next)] : []
    default: return []
    }
  }

  /// `values` without the keys (other than `keeping`) that cannot act under them.
  func pruned(
    _ values: [MethodKey: MethodValue], _ preset: MethodPreset, _ defaults: MethodDefaults, keeping: MethodKey? = nil
  ) -> [MethodKey: MethodValue] {
    var log = ProblemLog()
    var unused = Set<MethodKey>()
    var out = values
    for key in values.keys where key != keeping {
      var without = out
      without[key] = nil
      var spec = MethodSpec(preset, out)
      if spec.parameters(defaults: defaults, log: &log, at: .root, unused: &unused) != nil { break }
      spec = MethodSpec(preset, without)
      if spec.parameters(defaults: defaults, log: &log, at: .root, unused: &unused) != nil
        || MethodCatalog.relevance(of: key, in: preset) != nil
      {
        out = without
      }
    }
    return out
  }

  func route(_ method: Method) -> [Vec2] {
    Runner.run(
      method, on: Himmelblau(), from: Vec2(-1, 1), steps: 120, noise: .gaussian(0.3), seed: 5
    ).points
  }

  @Test(arguments: MethodPreset.allCases)
  func everyKeyChangesTheRoute(_ preset: MethodPreset) throws {
    let defaults = MethodDefaults(learningRate: 0.01, rho: 0.1, sigma: Vec2(0.2, 0.3))
    for option in preset.options {
      var base = Self.prerequisites[option.key] ?? [:]
      if preset == .custom { base.merge(Self.customPrerequisites[option.key] ?? [:]) { _, custom in custom } }
      if preset == .vsam || preset == .custom || option.key != .kl && option.key != .prior {
      } else {
        base = [:]  // mfvi's KL keys always act
      }
      base.merge(Self.presetPrerequisites[preset]?[option.key] ?? [:]) { _, specific in specific }
      base = base.filter { preset.accepts($0.key) }
      var reference = MethodSpec(preset, base)
      if (try? reference.method(defaults: defaults)) == nil {
        // A prerequisite for another value of the key may not act at its default (rho-min under a
        // constant radius): leave those out of the reference.
        reference = MethodSpec(preset, pruned(base, preset, defaults))
      }
      guard let method = try? reference.method(defaults: defaults) else {
        Issue.record("\(preset.rawValue): the prerequisites of \(option.key.rawValue) are refused: \(base)")
        continue
      }
      var log = ProblemLog()
      var unused = Set<MethodKey>()
      let p = try #require(reference.parameters(defaults: defaults, log: &log, at: .root, unused: &unused))
      let before = route(method)
      // A choice must act in every other value; a number in at least one (in 2D some act only past
      // a threshold: SSAM keeps one coordinate for any sparsity in (0, 0.5]).
      var numberActs = false
      var numberTried = false
      let isNumber: Bool
      switch option.kind {
      case .number, .whole, .pair: isNumber = true
      default: isNumber = false
      }
      defer {
        if isNumber, numberTried {
          #expect(numberActs, "\(preset.rawValue): no other value of \(option.key.rawValue) changes the route")
        }
      }
      for value in Self.alternatives(option, option.value(in: p)) {
        var values = base
        values[option.key] = value
        guard
          let changed = try? MethodSpec(preset, pruned(values, preset, defaults, keeping: option.key)).method(
            defaults: defaults)
        else {
          continue  // a value refused for a stated reason is not ignored
        }
        let reachesRule = changed.rule != method.rule
        let changesRoute = route(changed) != before
        if isNumber {
          numberTried = true
          numberActs = numberActs || (reachesRule && changesRoute)
          continue
        }
        #expect(reachesRule, "\(preset.rawValue): \(option.key.rawValue) = \(value) does not reach the rule")
        #expect(changesRoute, "\(preset.rawValue): \(option.key.rawValue) = \(value) does not change the route")
      }
    }
  }
}
