/// What an update rule asks of a landscape, for one run (`Oracle`) or eight at once (`LaneOracle`).
///
/// `counting` says in which lanes an evaluation is spent: a lane whose run would not evaluate
/// here (an RST step that does not perturb) gets the value but is not charged for it.
public protocol GradientOracle {
  associatedtype S: Lane
  /// Draws the step's noise sample in every lane (one batch per step, ALGORITHMS.md A1).
  mutating func beginStep<R: LaneRandom>(at w: LaneVec<S>, rng: inout R)
  mutating func gradient(at w: LaneVec<S>, counting: S.Mask) -> LaneVec<S>
  mutating func valueAndGradient(at w: LaneVec<S>, counting: S.Mask) -> (value: S, gradient: LaneVec<S>)
  mutating func value(at w: LaneVec<S>, counting: S.Mask) -> S
}

extension Oracle: GradientOracle {
  public typealias S = Double

  public mutating func beginStep<R: LaneRandom>(at w: LaneVec<Double>, rng: inout R) {
    rng.withStream(lane: 0) { beginStep(at: w.vec2, &$0) }
  }
  public mutating func gradient(at w: LaneVec<Double>, counting: Bool) -> LaneVec<Double> {
    LaneVec(counting ? gradient(at: w.vec2) : landscape.gradient(at: w.vec2) + stepNoise)
  }
  public mutating func valueAndGradient(at w: LaneVec<Double>, counting: Bool) -> (
    value: Double, gradient: LaneVec<Double>
  ) {
    let (v, g) = counting ? valueAndGradient(at: w.vec2) : landscape.valueAndGradient(at: w.vec2)
    return (v, LaneVec(counting ? g : g + stepNoise))
  }
  public mutating func value(at w: LaneVec<Double>, counting: Bool) -> Double {
    counting ? value(at: w.vec2) : landscape.value(at: w.vec2)
  }
}

/// Eight runs' view of one landscape: one noise sample per lane per step, evaluations counted per
/// lane, every evaluation one call into the landscape's specialised eight-lane entry point.
public struct LaneOracle<L: Landscape>: GradientOracle {
  public typealias S = Lanes8
  public let landscape: L
  public let noise: NoiseModel
  public private(set) var gradientEvaluations = Lanes8(0)
  public private(set) var functionEvaluations = Lanes8(0)
  public private(set) var stepNoise = LaneVec<Lanes8>.zero

  public init(landscape: L, noise: NoiseModel = .none) {
    self.landscape = landscape
    self.noise = noise
  }

  public mutating func beginStep<R: LaneRandom>(at w: LaneVec<Lanes8>, rng: inout R) {
    switch noise {
    case .none:
      break
    case .gaussian(let sigma):
      for i in 0..<8 { stepNoise[lane: i] = sigma * rng.gaussianPair(lane: i) }
    case .hessian(let scale):
      for i in 0..<8 {
        let root = landscape.hessian(at: w[lane: i]).positiveSquareRoot
        stepNoise[lane: i] = scale * root.applied(to: rng.gaussianPair(lane: i))
      }
    }
  }

  @inline(__always) private static func charge(_ counter: inout Lanes8, _ m: Lanes8.Mask) {
    counter = counter + Lanes8.select(m, Lanes8(1), Lanes8(0))
  }

  // The landscape is read through these non-mutating helpers: called on `self.landscape` from a
  // mutating method, a landscape holding references (a typed formula) would be copied, retaining
  // them, at every evaluation.
  @inline(__always) private func evaluate(_ w: LaneVec<Lanes8>) -> (value: Lanes8, gradient: LaneVec<Lanes8>) {
    landscape.valueAndGradient(lanes: w)
  }
  @inline(__always) private func evaluateValue(_ w: LaneVec<Lanes8>) -> Lanes8 { landscape.value(lanes: w) }

  public mutating func gradient(at w: LaneVec<Lanes8>, counting: Lanes8.Mask) -> LaneVec<Lanes8> {
    Self.charge(&gradientEvaluations, counting)
    return evaluate(w).gradient + stepNoise
  }
  public mutating func valueAndGradient(at w: LaneVec<Lanes8>, counting: Lanes8.Mask) -> (
    value: Lanes8, gradient: LaneVec<Lanes8>
  ) {
    Self.charge(&gradientEvaluations, counting)
    let (v, g) = evaluate(w)
    return (v, g + stepNoise)
  }
  public mutating func value(at w: LaneVec<Lanes8>, counting: Lanes8.Mask) -> Lanes8 {
    Self.charge(&functionEvaluations, counting)
    return evaluateValue(w)
  }
}
