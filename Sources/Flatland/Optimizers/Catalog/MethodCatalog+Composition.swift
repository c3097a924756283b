/// Every gradient method written as `custom` keys: the proof that presets are named compositions
/// (a test rebuilds each preset from these keys and gets the same rule), and the line
/// `flatland describe` prints so a user can start from a preset and swap one part.
extension MethodCatalog {
  /// The `custom` keys that build `rule`, leaving out custom's defaults; `nil` for a rule that
  /// `custom` cannot express (an Adam with non-standard constants).
  public static func composition(of rule: GradientRule) -> [MethodKey: MethodValue]? {
    var keys: [MethodKey: MethodValue] = [.lr: .number(rule.learningRate)]
    switch rule.perturbation {
    case .none: keys[.perturbation] = "none"
    case .worstCase(let norm):
      if norm == .lInfinity { keys[.perturbation] = "worst-case-inf" }
      if norm == .l2, rule.epsilon != 1e-12 { keys[.epsilon] = .number(rule.epsilon) }
    case .gaussian(let n):
      keys[.perturbation] = "gaussian"
      if n != 1 { keys[.samples] = .number(Double(n)) }
    }
    if rule.perturbation != .none { addPerturbationParts(of: rule, to: &keys) }
    switch rule.base {
    case .sgd: break
    case .momentum(let mu, let nesterov):
      keys[.base] = nesterov ? "nesterov" : "momentum"
      keys[.mu] = .number(mu)
    case .adam:
      guard rule.base == .standardAdam else { return nil }
      keys[.base] = "adam"
    }
    if rule.penalty.weightDecay != 0 {
      keys[.wd] = .number(rule.penalty.weightDecay)
      if rule.penalty.mode != .coupled { keys[.wdMode] = .choice(rule.penalty.mode.rawValue) }
    }
    switch rule.learningRateSchedule {
    case .constant: break
    case .step(let every, let factor):
      keys[.schedule] = "step"
      keys[.lrEvery] = .number(Double(every))
      keys[.lrFactor] = .number(factor)
    case .cosine(let final):
      keys[.schedule] = "cosine"
      keys[.lrFinal] = .number(final)
    case .warmupCosine(let warmup, let final):
      keys[.schedule] = "warmup-cosine"
      keys[.warmup] = .number(Double(warmup))
      keys[.lrFinal] = .number(final)
    }
    return keys
  }

  private static func addPerturbationParts(of rule: GradientRule, to keys: inout [MethodKey: MethodValue]) {
    switch rule.covariance {
    case .isotropic: break
    case .diagonal(let sigma):
      keys[.covariance] = "diagonal"
      keys[.sigma] = .pair(sigma)
    case .learnedDiagonal(let initial, let learning):
      keys[.covariance] = "learned"
      keys[.sigma] = .pair(initial)
      if learning == .reconstruction {
        keys[.form] = .choice(VariationalForm.exactKL.rawValue)
      } else if let rate = learning.learningRate {
        keys[.lrSigma] = .number(rate)
      }
    case .weightAdaptive(let eta):
      keys[.covariance] = "adaptive"
      keys[.eta] = .number(eta)
    case .fisher(let eta):
      keys[.covariance] = "fisher"
      keys[.eta] = .number(eta)
    }
    if let kl = rule.penalty.kl {
      keys[.penalty] = "kl"
      keys[.kl] = .number(kl.weight)
      keys[.prior] = .number(kl.priorSigma)
      if kl.meanFactor == 1 { keys[.form] = .choice(VariationalForm.exactKL.rawValue) }
      if kl.entropySign > 0 { keys[.form] = .choice(VariationalForm.asReleased.rawValue) }
    }
    // LookSAM's reuse under every-step perturbation never acts: it is the plain combination.
    let reuses = rule.when != .everyStep
    switch rule.when {
    case .everyStep: break
    case .periodic(let k):
      keys[.when] = "every-k"
      keys[.k] = .number(Double(k))
    case .random(let p):
      keys[.when] = "random"
      keys[.p] = .number(p)
    }
    switch rule.combination {
    case .plain: break
    case .gsam(let alpha, let minimizeFp):
      keys[.combination] = "gsam"
      keys[.alpha] = .number(alpha)
      if !minimizeFp { keys[.minimizeFp] = false }
    case .lookSAM(let alpha):
      if reuses {
        keys[.combination] = "looksam"
        keys[.alpha] = .number(alpha)
      }
    }
    guard rule.perturbation.isWorstCase else { return }
    keys[.rho] = .number(rule.rho)
    switch rule.direction {
    case .gradient: break
    case .vasso(let theta):
      keys[.direction] = "vasso"
      keys[.theta] = .number(theta)
    case .friendly(let sigma, let lambda):
      keys[.direction] = "fsam"
      keys[.smoothing] = .number(sigma)
      keys[.lambda] = .number(lambda)
    case .mixed(let kappa):
      keys[.direction] = "mixsam"
      keys[.kappaScale] = .number(kappa)
    }
    switch rule.mask {
    case .all: break
    case .sparseFisher(let sparsity, let every, let timing):
      keys[.mask] = "ssam-f"
      keys[.sparsity] = .number(sparsity)
      keys[.every] = .number(Double(every))
      if timing != .official { keys[.timing] = .choice(timing.rawValue) }
    case .sparseDynamic(let sparsity, let every, let dropRate):
      keys[.mask] = "ssam-d"
      keys[.sparsity] = .number(sparsity)
      keys[.every] = .number(Double(every))
      keys[.dropRate] = .number(dropRate)
    case .efficient(let beta, let mode):
      keys[.mask] = "esam"
      keys[.beta] = .number(beta)
      if mode != .tensor { keys[.mode] = .choice(mode.rawValue) }
    }
    switch rule.radius {
    case .constant: break
    case .linear(let final):
      keys[.radius] = "linear"
      keys[.rhoFinal] = .number(final)
    case .cosine(let final):
      keys[.radius] = "cosine"
      keys[.rhoFinal] = .number(final)
    case .learningRateProportional(let minimum):
      keys[.radius] = "lr-proportional"
      keys[.rhoMin] = .number(minimum)
    case .gradientScaled(let kappa):
      keys[.radius] = "grad-scaled"
      keys[.kappa] = .number(kappa)
    case .targetSharpness(let target, let kappa, let minimum, let maximum):
      keys[.radius] = "target-sharpness"
      keys[.target] = .number(target)
      keys[.kappa] = .number(kappa)
      keys[.rhoMin] = .number(minimum)
      keys[.rhoMax] = .number(maximum)
    }
  }

  /// `custom:key=value,…` for `rule`, without the learning rate and radius (the landscape suggests
  /// those), or `nil` when `custom` cannot express it.
  public static func compositionText(of rule: GradientRule) -> String? {
    guard var keys = composition(of: rule) else { return nil }
    keys[.lr] = nil
    keys[.rho] = nil
    // The parts first, in the order of ALGORITHMS.md A3, then their numbers.
    let parts: [MethodKey] = [.perturbation, .covariance, .penalty, .when, .direction, .mask, .combination]
    func rank(_ key: MethodKey) -> Int { parts.firstIndex(of: key) ?? parts.count }
    let body = keys.sorted { (rank($0.key), $0.key) < (rank($1.key), $1.key) }.map { "\($0.key.rawValue)=\($0.value)" }
      .joined(separator: ",")
    return body.isEmpty ? "custom" : "custom:" + body
  }
}
