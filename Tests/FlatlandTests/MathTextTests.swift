import Testing

@testable import Flatland

/// The TeX-like label syntax: what each input becomes in Pango markup, and a specific error for each
/// malformed one (never a crash).
@Suite struct MathTextTests {
  @Test(arguments: [
    ("plain text & <tags>", "plain text &amp; &lt;tags&gt;"),
    ("$\\rho$", "<i>ρ</i>"),
    ("$x_1^2 + 10 x_2^2$", "<i>x</i><sub>1</sub><sup>2</sup> + 10<i>x</i><sub>2</sub><sup>2</sup>"),
    ("$\\nabla L(w)$", "∇<i>L</i>(<i>w</i>)"),
    ("$\\|\\epsilon\\|_2 \\le \\rho$", "‖<i>ε</i>‖<sub>2</sub> ≤ <i>ρ</i>"),
    ("loss at $\\rho = 0.1$", "loss at <i>ρ</i> = 0.1"),
    ("$\\Sigma \\Delta \\alpha\\beta$", "ΣΔ<i>α</i><i>β</i>"),
    ("$f_{\\mathrm{p}}(w)$", "<i>f</i><sub>p</sub>(<i>w</i>)"),
    ("$-x^{-1}$", "−<i>x</i><sup>−1</sup>"),
    ("$a - b$", "<i>a</i> − <i>b</i>"),
    (
      "$\\min_w \\max_{\\|e\\| \\le \\rho} L(w+e)$",
      "min<sub><i>w</i></sub>max<sub>‖<i>e</i>‖ ≤ <i>ρ</i></sub><i>L</i>(<i>w</i> + <i>e</i>)"
    ),
    ("cost \\$5", "cost $5"),
    ("$\\hat{g}$", "<i>g\u{0302}</i>"),
    ("$\\mathbf{v}$", "<b>v</b>"),
    ("$(w_1, w_2)$", "(<i>w</i><sub>1</sub>,\u{2009}<i>w</i><sub>2</sub>)"),
  ])
  func translatesToMarkup(_ source: String, _ expected: String) throws {
    #expect(try MathText.markup(source) == expected)
  }

  @Test(arguments: [
    ("$\\rho", "'$' at column 1 opens math that is never closed"),
    ("$x_{1$", "'{' at column 4 is never closed"),
    ("$x}$", "unexpected '}' at column 3"),
    ("$^2$", "'^' at column 2 has nothing to attach to"),
    ("$x_$", "'_' at column 3 needs an argument"),
    ("$\\rhoo$", "unknown command '\\rhoo' at column 2 (did you mean '\\rho'?)"),
    ("$\\foo$", "unknown command '\\foo' at column 2"),
    ("$\\mathrm x$", "'\\mathrm' needs a {…} group"),
    ("$x\\", "'$' at column 1 opens math that is never closed"),  // the `\` escapes where a `$` would close
    ("costs $x", "'$' at column 7 opens math that is never closed"),
    ("$" + String(repeating: "{", count: 80) + "x" + String(repeating: "}", count: 80) + "$", "braces nest too deeply"),
  ])
  func malformedLabelsGiveTheirOwnError(_ source: String, _ message: String) {
    do {
      let markup = try MathText.markup(source)
      Issue.record("'\(source)' was accepted as \(markup)")
    } catch {
      #expect(error.description.contains(message), "\(error.description)")
    }
  }
}
