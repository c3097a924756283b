/// The common keys layered on every gradient preset: base optimizer, weight decay, learning-rate
/// schedule and radius schedule, with the ones that differ from the preset's own defaults added
/// to its legend.
extension MethodCatalog {
  static func layered(
    _ method: Method, _ p: MethodParameters, _ preset: MethodPreset, base defaultBase: BaseChoice = .sgd,
    radius radiusDefault: RadiusChoice = .constant
  ) -> Method {
    guard case .gradient(var rule) = method.rule else { return method }
    var out = method
    var extra: [Method.Hyperparameter] = []
    if preset.accepts(.base) {
      switch p.base {
      case .momentum: rule.base = .momentum(p.mu, nesterov: false)
      case .nesterov: rule.base = .momentum(p.mu, nesterov: true)
      case .adam: rule.base = .standardAdam
      case .sgd: rule.base = .sgd
      }
      if p.base != defaultBase {
        extra.append(.init("base", p.base.rawValue))
        if p.base == .momentum || p.base == .nesterov { extra.append(.init("μ", formatShort(p.mu))) }
      }
    }
    if p.wd != 0 {
      rule.penalty.weightDecay = p.wd
      rule.penalty.mode = p.wdMode
      extra.append(.init("λ", "\(formatShort(p.wd)) (\(p.wdMode.rawValue))"))
    }
    switch p.schedule {
    case .step: rule.learningRateSchedule = .step(every: p.lrEvery, factor: p.lrFactor)
    case .cosine: rule.learningRateSchedule = .cosine(final: p.lrFinal)
    case .warmupCosine: rule.learningRateSchedule = .warmupCosine(warmup: p.warmup, final: p.lrFinal)
    case .constant: rule.learningRateSchedule = .constant
    }
    if rule.learningRateSchedule != .constant { extra.append(.init("η sched.", rule.learningRateSchedule.label)) }
    if preset.accepts(.radius) {
      switch p.radius {
      case .linear: rule.radius = .linear(final: p.rhoFinal)
      case .cosine: rule.radius = .cosine(final: p.rhoFinal)
      case .lrProportional: rule.radius = .learningRateProportional(minimum: p.rhoMin)
      case .gradScaled: rule.radius = .gradientScaled(kappa: p.kappa)
      case .targetSharpness:
        rule.radius = .targetSharpness(target: p.target, kappa: p.kappa, minimum: p.rhoMin, maximum: p.rhoMax)
      case .constant: rule.radius = .constant
      }
      if p.radius != radiusDefault { extra.append(.init("ρ sched.", rule.radius.label)) }
    }
    out.rule = .gradient(rule)
    out.hyperparameters += extra
    return out
  }
}
