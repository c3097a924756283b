/// Routes of one gradient rule stepped together at any width — the batch engine's eight lanes,
/// `Runner.end`'s one: the rule's state, the oracle and the random streams.
struct RoutePass<O: GradientOracle, R: LaneRandom> {
  let rule: GradientRule
  let steps: Int
  var w: LaneVec<O.S>
  var state = GradientRule.LaneState<O.S>()
  var oracle: O
  var rng: R
  var t = 0

  init(rule: GradientRule, steps: Int, w: LaneVec<O.S>, oracle: O, rng: R) {
    self.rule = rule
    self.steps = steps
    self.w = w
    self.oracle = oracle
    self.rng = rng
  }

  /// The next point of every route, the direction that moved it there and the loss at the
  /// point the step started from (where the step evaluated it).
  @inline(__always)
  mutating func next() -> (point: LaneVec<O.S>, direction: LaneVec<O.S>, loss: O.S, lossKnown: O.S.Mask) {
    let done = rule.advance(&w, step: t, of: steps, state: &state, oracle: &oracle, rng: &rng)
    t += 1
    return (w, done.direction, done.loss, done.lossKnown)
  }
}
