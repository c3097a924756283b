/// When a key matters: most keys of a preset act only under some setting of another (`target` only
/// with `radius = "target-sharpness"`). A key given with a value other than its default where it
/// cannot act is refused, naming the setting it needs; contradictions between keys are refused
/// too. One rule per key, whether it came from a flag, `--method` or a file.
extension MethodCatalog {
  /// The setting under which `key` acts in `preset`, or `nil` when it always does.
  public struct Relevance: Sendable {
    /// "radius = target-sharpness".
    public let when: String
    let holds: @Sendable (MethodParameters) -> Bool
  }

  public static func relevance(of key: MethodKey, in preset: MethodPreset) -> Relevance? {
    func rule(_ when: String, _ holds: @escaping @Sendable (MethodParameters) -> Bool) -> Relevance {
      Relevance(when: when, holds: holds)
    }
    switch key {
    case .mu:
      return preset == .momentum || preset == .nesterov
        ? nil : rule("base = momentum or nesterov") { $0.base == .momentum || $0.base == .nesterov }
    case .wdMode: return rule("wd > 0") { $0.wd > 0 }
    case .lrFinal:
      return rule("schedule = cosine or warmup-cosine") { $0.schedule == .cosine || $0.schedule == .warmupCosine }
    case .lrEvery, .lrFactor: return rule("schedule = step") { $0.schedule == .step }
    case .warmup: return rule("schedule = warmup-cosine") { $0.schedule == .warmupCosine }
    case .rhoFinal: return rule("radius = linear or cosine") { $0.radius == .linear || $0.radius == .cosine }
    case .kappa:
      return rule("radius = grad-scaled or target-sharpness") {
        $0.radius == .gradScaled || $0.radius == .targetSharpness
      }
    case .target, .rhoMax: return rule("radius = target-sharpness") { $0.radius == .targetSharpness }
    case .rhoMin:
      return rule("radius = lr-proportional or target-sharpness") {
        $0.radius == .lrProportional || $0.radius == .targetSharpness
      }
    case .kl:
      switch preset {
      case .vsam: return rule("learn = true") { $0.learn }
      case .custom: return rule("penalty = kl") { $0.penalty == .kl }
      default: return nil
      }
    case .prior:
      switch preset {
      case .vsam: return rule("learn = true and kl > 0") { $0.learn && $0.kl > 0 }
      case .custom: return rule("penalty = kl and kl > 0") { $0.penalty == .kl && $0.kl > 0 }
      default: return rule("kl > 0") { $0.kl > 0 }
      }
    case .form:
      switch preset {
      case .vsam: return rule("learn = true") { $0.learn }
      case .custom:
        return rule("penalty = kl or covariance = learned") { $0.penalty == .kl || $0.covariance == .learned }
      default: return nil
      }
    case .lrSigma:
      switch preset {
      case .vsam: return rule("learn = true and form ≠ exact-kl") { $0.learn && $0.variationalForm != .exactKL }
      case .mfvi: return rule("form ≠ exact-kl (which moves σ at η)") { $0.variationalForm != .exactKL }
      case .custom:
        return rule("covariance = learned and form ≠ exact-kl") {
          $0.covariance == .learned && $0.variationalForm != .exactKL
        }
      default: return nil
      }
    case .eta:
      switch preset {
      case .asam: return rule("form = asam") { $0.form == .asam }
      case .custom:
        return rule("covariance = adaptive or fisher") { $0.covariance == .adaptive || $0.covariance == .fisher }
      default: return nil
      }
    default: break
    }
    guard preset == .custom else { return nil }
    let worstCase: @Sendable (MethodParameters) -> Bool = {
      $0.perturbation == .worstCase || $0.perturbation == .worstCaseInfinity
    }
    switch key {
    case .rho, .radius: return rule("a worst-case perturbation") { worstCase($0) }
    case .epsilon: return rule("perturbation = worst-case") { $0.perturbation == .worstCase }
    case .covariance, .when, .direction, .mask, .combination:
      return rule("a perturbation (perturbation ≠ none)") { $0.perturbation != .none }
    case .penalty: return rule("a perturbation (perturbation ≠ none)") { $0.perturbation != .none }
    case .kappaScale: return rule("direction = mixsam") { $0.direction == .mixsam && worstCase($0) }
    case .sigma:
      return rule("covariance = diagonal or learned") { $0.covariance == .diagonal || $0.covariance == .learned }
    case .samples: return rule("perturbation = gaussian") { $0.perturbation == .gaussian }
    case .k: return rule("when = every-k") { $0.when == .everyK && $0.perturbation != .none }
    case .p: return rule("when = random") { $0.when == .random && $0.perturbation != .none }
    case .theta: return rule("direction = vasso") { $0.direction == .vasso && worstCase($0) }
    case .smoothing, .lambda: return rule("direction = fsam") { $0.direction == .fsam && worstCase($0) }
    case .sparsity, .every:
      return rule("mask = ssam-f or ssam-d") { ($0.mask == .ssamF || $0.mask == .ssamD) && worstCase($0) }
    case .dropRate: return rule("mask = ssam-d") { $0.mask == .ssamD && worstCase($0) }
    case .timing: return rule("mask = ssam-f") { $0.mask == .ssamF && worstCase($0) }
    case .beta, .mode: return rule("mask = esam") { $0.mask == .esam && worstCase($0) }
    case .alpha:
      return rule("combination = gsam or looksam") {
        ($0.combination == .gsam || $0.combination == .looksam) && $0.perturbation != .none
      }
    case .minimizeFp: return rule("combination = gsam") { $0.combination == .gsam && $0.perturbation != .none }
    default: return nil
    }
  }

  /// Settings that contradict each other, as (key, message) pairs.
  static func contradictions(_ p: MethodParameters, _ preset: MethodPreset) -> [(MethodKey, String)] {
    var out: [(MethodKey, String)] = []
    if preset.accepts(.radius) {
      if p.radius == .targetSharpness, p.rhoMin > p.rhoMax {
        out.append(
          (
            .rhoMin,
            "rho-min = \(formatShort(p.rhoMin)) is above rho-max = \(formatShort(p.rhoMax)); the radius is clamped to [rho-min, rho-max]"
          ))
      }
      if p.radius == .lrProportional, p.rhoMin > p.rho {
        out.append(
          (
            .rhoMin,
            "rho-min = \(formatShort(p.rhoMin)) is above rho = \(formatShort(p.rho)); GSAM's radius runs from rho-min up to rho"
          ))
      }
    }
    let diagonalWorstCase =
      preset == .vsam
      || (preset == .custom && (p.covariance == .diagonal || p.covariance == .learned) && p.perturbation != .none
        && p.perturbation != .gaussian)
    if diagonalWorstCase, p.sigma == .zero {
      out.append((.sigma, "σ = (0, 0) perturbs nothing (that is the base optimizer); give each coordinate a tolerance"))
    }
    if (preset == .vsam && p.learn) || (preset == .custom && p.covariance == .learned), p.sigma.x <= 0 || p.sigma.y <= 0
    {
      out.append((.sigma, "a learned σ starts from positive values; give both coordinates a tolerance > 0"))
    }
    if preset == .custom { out += customContradictions(p) }
    out += variationalContradictions(p, preset)
    out += weightDecayContradictions(p, preset)
    if preset == .es, p.population % 2 == 1 {
      out.append(
        (
          .population,
          "population = \(p.population) is odd; OpenAI-ES samples antithetic pairs ±ε (evosax's Open_ES asserts an even population size): give \(p.population - 1) or \(p.population + 1)"
        ))
    }
    return out
  }

  /// Weight-decay modes that are the same update as coupled decay for this method.
  static func weightDecayContradictions(_ p: MethodParameters, _ preset: MethodPreset) -> [(MethodKey, String)] {
    guard preset.accepts(.wdMode), p.wd > 0 else { return [] }
    let perturbs: Bool
    switch preset {
    case .sgd, .momentum, .nesterov, .adam: perturbs = false
    case .custom: perturbs = p.perturbation != .none
    default: perturbs = true
    }
    let base: BaseChoice
    switch preset {
    case .momentum: base = .momentum
    case .nesterov: base = .nesterov
    case .adam: base = .adam
    default: base = p.base
    }
    if p.wdMode == .inLoss, !perturbs {
      return [
        (
          .wdMode,
          "wd-mode = in-loss is the same update as coupled here: without a perturbation the loss is only differentiated at w; remove wd-mode"
        )
      ]
    }
    if p.wdMode == .decoupled, base == .sgd {
      return [
        (
          .wdMode,
          "wd-mode = decoupled is the same update as coupled with base = sgd (w − η·d − η·λ·w either way); they differ under momentum, nesterov and adam"
        )
      ]
    }
    return []
  }

  /// `form = as-released` where it is the same rule as `released`: only MFVI's σ term has a bug.
  static func variationalContradictions(_ p: MethodParameters, _ preset: MethodPreset) -> [(MethodKey, String)] {
    guard p.variationalForm == .asReleased else { return [] }
    let acts: Bool
    switch preset {
    case .mfvi: acts = p.kl > 0
    case .custom:
      acts = VariationalForm.asReleasedActs(
        worstCase: p.perturbation == .worstCase || p.perturbation == .worstCaseInfinity,
        learned: p.covariance == .learned, prior: p.penalty == .kl && p.kl > 0)
    default: acts = false
    }
    guard !acts, preset.accepts(.form) else { return [] }
    return [
      (
        .form,
        "form = as-released is the same rule as released here: the release's one bug is MFVI's entropy sign, which acts only on a σ learned under a Gaussian perturbation with a prior (kl > 0); use form = released"
      )
    ]
  }

  /// Parts of a custom method that cannot work together, each with the reason.
  static func customContradictions(_ p: MethodParameters) -> [(MethodKey, String)] {
    var out: [(MethodKey, String)] = []
    if p.perturbation == .gaussian {
      if p.direction != .gradient {
        out.append(
          (
            .direction,
            "direction = \(p.direction.rawValue) smooths the worst-case ascent; a Gaussian perturbation samples e = σ⊙ξ and does not ascend (use perturbation = worst-case)"
          ))
      }
      if p.mask != .all {
        out.append(
          (
            .mask,
            "mask = \(p.mask.rawValue) selects coordinates of the worst-case ascent; a Gaussian perturbation has none (a zero σ coordinate leaves that coordinate unperturbed)"
          ))
      }
      if p.combination != .plain {
        out.append(
          (
            .combination,
            "combination = \(p.combination.rawValue) is formed against the clean gradient g(w), which a Gaussian step does not take (use perturbation = worst-case)"
          ))
      }
    }
    if p.perturbation != .none, p.combination == .looksam, p.when == .everyStep {
      out.append(
        (
          .combination,
          "combination = looksam reuses g̃ on the steps that do not perturb, and with when = every-step there are none (that is combination = plain); set when = every-k or random"
        ))
    }
    return out
  }
}
