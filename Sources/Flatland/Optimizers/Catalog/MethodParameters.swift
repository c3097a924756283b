/// Every hyperparameter of every method, typed: what a preset's builder reads once its option
/// table has filled in the defaults and the user's values.
///
/// The initial values below are placeholders, not defaults: resolution sets every key a preset
/// accepts from its option table (`MethodPreset.options`), and a builder reads only those keys.
public struct MethodParameters: Sendable, Equatable {
  // Learning rate, base optimizer, weight decay.
  public var lr = 0.0
  public var base = BaseChoice.sgd
  public var mu = 0.0
  public var wd = 0.0
  public var wdMode = Penalty.WeightDecayMode.coupled
  public var schedule = ScheduleChoice.constant
  public var lrFinal = 0.0
  public var lrEvery = 1
  public var lrFactor = 0.0
  public var warmup = 0
  // Radius: ρ (γ for Fisher SAM) and its schedule.
  public var rho = 0.0
  public var radius = RadiusChoice.constant
  public var rhoFinal = 0.0
  public var kappa = 0.0
  public var target = 0.0
  public var rhoMin = 0.0
  public var rhoMax = 0.0
  // Method-specific.
  /// GSAM's and LookSAM's α.
  public var alpha = 0.0
  public var minimizeFp = true
  /// GSAM's `adaptive`: the perturbation scaled by |w| (davda54/sam's `adaptive=True`).
  public var adaptive = false
  /// ASAM's η of T = |w| + η, Fisher SAM's η of f = 1 + ηg².
  public var eta = 0.0
  public var form = ASAMForm.asam
  /// The variational methods' form (key `form` of `mfvi`, `vsam` and `custom`).
  public var variationalForm = VariationalForm.released
  /// A learned σ's own learning rate.
  public var lrSigma = 0.0
  /// MixSAM's κ, the weight of the noise in the ascent.
  public var kappaScale = 0.0
  public var theta = 0.0
  /// F-SAM's σ, the weight of the removed average (key `sigma` of `fsam`, `smoothing` of `custom`).
  public var smoothing = 0.0
  public var lambda = 0.0
  public var sparsity = 0.0
  public var every = 1
  public var dropRate = 0.0
  public var beta = 0.0
  public var mode = PerturbationMask.SelectionMode.tensor
  /// When SSAM-F computes its mask.
  public var timing = PerturbationMask.FisherTiming.official
  public var k = 1
  public var p = 0.0
  /// A diagonal σ: VSAM's tolerance per parameter, random SAM's and MFVI's noise scale.
  public var sigma = Vec2(1, 1)
  public var samples = 1
  public var learn = false
  public var kl = 0.0
  public var prior = 1.0
  /// The zeroth-order methods' search scale (key `sigma` of `es`, `snes`, `sep-cma-es`).
  public var searchSigma = 0.0
  public var population = 2
  public var perturbation = PerturbationChoice.worstCase
  public var covariance = CovarianceChoice.isotropic
  public var penalty = PenaltyChoice.none
  public var when = WhenChoice.everyStep
  public var direction = DirectionChoice.gradient
  public var mask = MaskChoice.all
  public var combination = CombinationChoice.plain
  public var epsilon = 0.0

  public init() {}
}

/// The defaults a landscape contributes to its methods: its suggested η, ρ and VSAM σ, and a search
/// scale for the zeroth-order methods. Resolution takes these first, then each method's own.
public struct MethodDefaults: Sendable, Equatable {
  public var learningRate: Double
  public var rho: Double
  public var sigma: Vec2
  /// `(ρ/√2, ρ/√2)`: random SAM's and MFVI's σ₀, the release's ρ/√D at D = 2.
  public var rhoPerCoordinate: Vec2 { Vec2(repeating: rho / 2.0.squareRoot()) }

  /// Initial search scale of ES, SNES and sep-CMA-ES.
  public var populationSigma: Double

  public init(learningRate: Double, rho: Double, sigma: Vec2 = Vec2(1, 1), populationSigma: Double = 0.25) {
    self.learningRate = learningRate
    self.rho = rho
    self.sigma = sigma
    self.populationSigma = populationSigma
  }

  /// The landscape's suggestion; the search scale is 5% of the window's shorter side.
  public init(suggestedBy info: LandscapeInfo) {
    self.init(
      learningRate: info.suggested.learningRate, rho: info.suggested.rho, sigma: info.suggested.sigma,
      populationSigma: 0.05 * Swift.min(info.window.width, info.window.height))
  }
}
