import Foundation
import Testing

@testable import Flatland

/// Typed formulas: every built-in's formula, typed as text, is the same function (values, gradients,
/// Hessians to 1e-12 relative); malformed formulas each give their own error, never a crash.
@Suite struct ExpressionTests {
  @Test(arguments: LandscapeCatalog.names)
  func typedFormulaOfEveryBuiltInMatchesIt(_ name: String) throws {
    let builtIn = try LandscapeCatalog.make(name)
    let text = builtIn.info.expression
    #expect(!text.isEmpty)
    let typed = try ExpressionLandscape(parsing: text)
    var rng = Xoshiro256StarStar(seed: 11)
    let box = builtIn.info.window
    for _ in 0..<40 {
      let w = Vec2(box.xmin + box.width * rng.nextUniform(), box.ymin + box.height * rng.nextUniform())
      let (a, b) = (builtIn.jet(at: w), typed.jet(at: w))
      let scale = max(1, abs(a.value), a.gradient.length, abs(a.hessian.xx) + abs(a.hessian.xy) + abs(a.hessian.yy))
      #expect(abs(a.value - b.value) <= 1e-12 * scale, "\(name) value at \(w)")
      #expect((a.gradient - b.gradient).length <= 1e-12 * scale, "\(name) gradient at \(w)")
      let dh = abs(a.hessian.xx - b.hessian.xx) + abs(a.hessian.xy - b.hessian.xy) + abs(a.hessian.yy - b.hessian.yy)
      #expect(dh <= 1e-12 * scale, "\(name) Hessian at \(w)")
    }
  }

  @Test func gridRowsMatchPointEvaluation() throws {
    let f = try ExpressionLandscape(parsing: "x^2 + 10*y^2 - exp(-(x-1)^2) + max(x, y)^3 / (2 + cos(y))")
    var row = [Double](repeating: 0, count: 17)
    row.withUnsafeMutableBufferPointer { f.sampleRow(y: 0.3, x0: -2, dx: 0.25, into: $0) }
    for (i, v) in row.enumerated() { #expect(v == f.value(at: Vec2(-2 + Double(i) * 0.25, 0.3))) }
  }

  @Test(arguments: [
    ("2^3^2", 512.0), ("-x^2", -4), ("-2^2", -4), ("2^-1", 0.5), ("x**2 + 1", 5), ("pi", Double.pi),
    ("e", M_E), ("min(x, y) + max(x, 3)", 4), ("pow(x, 3)", 8), ("abs(-x) * sqrt(4)", 4), ("1e2 * .5", 50),
    ("tan(0) + tanh(0) + log(e)", 1), ("  x  *  y ", 2), ("x / y / 2", 1), ("x - y - 1", 0),
  ])
  func grammarEvaluatesLikeMathematics(_ text: String, _ expected: Double) throws {
    let f = try ExpressionLandscape(parsing: text)
    #expect(close(f.value(at: Vec2(2, 1)), expected, 1e-15), "\(text)")
  }

  @Test(arguments: [
    ("", "the formula is empty"),
    ("x^2 + )", "unexpected ')' at column 7"),
    ("x^2 + 10*y^2 - exp(-(x-1)^2))", "unexpected ')' at column 29"),
    ("(x + y", "'(' at column 1 is never closed"),
    ("sin(x", "'(' at column 4 is never closed"),
    ("x +", "the formula ends too early"),
    ("sinn(x)", "unknown name 'sinn' at column 1 (did you mean 'sin'?); accepted: x, y, e, pi, exp"),
    ("z + 1", "unknown name 'z' at column 1"),
    ("max(x)", "function 'max' at column 1 takes 2 arguments, got 1"),
    ("exp(x, y)", "function 'exp' at column 1 takes 1 argument, got 2"),
    ("sin x", "function 'sin' needs its arguments in parentheses at column 5"),
    ("1e999", "'1e999' at column 1 is not a finite number"),
    ("1.2.3", "'1.2.3' at column 1 is not a finite number"),
    ("x # y", "unexpected '#' at column 3"),
    ("2 x", "unexpected 'x' at column 3"),
    (String(repeating: "(", count: 500) + "x" + String(repeating: ")", count: 500), "nests deeper than 64 levels"),
    (String(repeating: "-", count: 300) + "x", "chains more than 256 signs or powers in a row at column 257"),
    (String(repeating: "2^", count: 300) + "x", "chains more than 256 signs or powers in a row"),
    (String(repeating: "x+", count: 3000) + "x", "at most 4000 are accepted"),
  ])
  func malformedFormulasGiveTheirOwnError(_ text: String, _ message: String) {
    do {
      _ = try ExpressionParser.parse(text)
      Issue.record("'\(text.prefix(40))' parsed")
    } catch {
      #expect(error.description.contains(message), "\(error.description)")
    }
  }

  @Test func formulasRenderReadably() throws {
    let tree = try ExpressionParser.parse("x^2 + 10*y^2 - exp(-(x-1)^2)")
    #expect(tree.unicode == "x² + 10·y² − exp(−(x − 1)²)")
    #expect(tree.markup == "<i>x</i><sup>2</sup> + 10·<i>y</i><sup>2</sup> − exp(−(<i>x</i> − 1)<sup>2</sup>)")
  }

  @Test func catalogueTreatsFormulasAsLandscapes() throws {
    #expect(LandscapeCatalog.looksLikeFormula("x^2+y^2") && !LandscapeCatalog.looksLikeFormula("two-valleys"))
    let f = try LandscapeCatalog.make("x^2 + 10*y^2", parameters: ["window": 2])
    #expect(f.info.window == Box(x: -2...2, y: -2...2))
    #expect(f.value(at: Vec2(1, 1)) == 11)
  }
}
