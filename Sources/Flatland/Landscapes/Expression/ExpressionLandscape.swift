/// A landscape typed by the user: `ExpressionLandscape(parsing: "x^2 + 10*y^2 - exp(-(x-1)^2)")`.
///
/// The formula is parsed once into an `ExpressionNode`, compiled once into an `ExpressionProgram`
/// and evaluated over the same scalar protocol as the built-ins, so gradients and Hessians are exact. Known minima are not known in advance;
/// the window is the symmetric box `±window` (default ±3), or any box.
public struct ExpressionLandscape: Landscape {
  public let text: String
  public let root: ExpressionNode
  public let info: LandscapeInfo
  /// The tree compiled once: every evaluation runs this flat program, read through `code` (a raw
  /// view of the program's instructions, so running it retains nothing).
  let program: ExpressionProgram
  nonisolated(unsafe) let code: UnsafeBufferPointer<ExpressionProgram.Instruction>

  public init(parsing text: String, window half: Double = 3) throws(ExpressionError) {
    try self.init(parsing: text, window: Box(x: -half...half, y: -half...half))
  }

  /// The formula over the plot window `box`; the suggested start sits at 80% of the way from the
  /// centre to the upper-right corner ((1.8, 1.8) in the default ±3 window).
  public init(parsing text: String, window box: Box) throws(ExpressionError) {
    self.text = text
    let tree = try ExpressionParser.parse(text)
    root = tree
    program = ExpressionProgram(tree)
    code = UnsafeBufferPointer(program.code)
    // A step size that is stable for the sharpest curvature on a coarse grid over the window.
    let start = box.center + 0.3 * Vec2(box.width, box.height)
    let probes = gridSeeds(box, 15) + [start]
    let curvature =
      probes.map { w -> Double in
        let (x, y) = Jet2.variables(at: w)
        let (lo, hi) = tree.evaluate(x, y).hessian.eigenvalues
        return Swift.max(Swift.abs(lo), Swift.abs(hi))
      }.filter(\.isFinite).max() ?? 1
    let lr = Swift.min(0.1, 0.5 / Swift.max(curvature, 1e-9))
    info = LandscapeInfo(
      name: "expression", summary: "a formula typed by the user", formula: root.unicode,
      domain: Box(x: -1e6...1e6, y: -1e6...1e6), window: box, minima: [],
      suggested: SuggestedRun(starts: [start], learningRate: lr, rho: 0.05, steps: 500),
      expression: text, titleMarkup: root.markup)
  }

  public func evaluate<T: LandscapeArithmetic>(_ x: T, _ y: T) -> T { ExpressionProgram.run(code, x, y) }

  public func sampleRow(y: Double, x0: Double, dx: Double, into out: UnsafeMutableBufferPointer<Double>) {
    let row = root.evaluateRow(y: y, x0: x0, dx: dx, count: out.count)
    for i in out.indices { out[i] = row[i] }
  }
}
