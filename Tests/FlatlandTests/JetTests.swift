import Foundation
import Testing

@testable import Flatland

/// The jets must give the exact derivatives of the formula they evaluate: checked against central
/// finite differences at 60 random points of every landscape's window.
@Suite struct JetTests {
  @Test(arguments: LandscapeCatalog.names)
  func gradientsAndHessiansMatchFiniteDifferences(_ name: String) throws {
    let landscape = try LandscapeCatalog.make(name)
    let window = landscape.info.window
    var rng = Xoshiro256StarStar(seed: 7)
    for _ in 0..<60 {
      let w = Vec2(
        window.xmin + rng.nextUniform() * window.width, window.ymin + rng.nextUniform() * window.height)
      let h = 1e-5 * max(1, w.length)
      let fd = Vec2(
        (landscape.value(at: w + Vec2(h, 0)) - landscape.value(at: w - Vec2(h, 0))) / (2 * h),
        (landscape.value(at: w + Vec2(0, h)) - landscape.value(at: w - Vec2(0, h))) / (2 * h))
      let gradient = landscape.gradient(at: w)
      let scale = max(1, abs(landscape.value(at: w)) / max(h, 1e-3))
      #expect(close(gradient, fd, 1e-6 * scale), "gradient of \(name) at \(w): \(gradient) vs \(fd)")

      let jet = landscape.jet(at: w)
      #expect(jet.value == landscape.value(at: w))
      #expect(close(jet.gradient, gradient, 1e-13))
      // Hessian columns by central differences of the exact gradient.
      let hx = (landscape.gradient(at: w + Vec2(h, 0)) - landscape.gradient(at: w - Vec2(h, 0))) / (2 * h)
      let hy = (landscape.gradient(at: w + Vec2(0, h)) - landscape.gradient(at: w - Vec2(0, h))) / (2 * h)
      let hScale = max(1, gradient.length / h)
      #expect(close(jet.hessian.xx, hx.x, 1e-6 * hScale), "H_xx of \(name) at \(w)")
      #expect(close(jet.hessian.xy, hx.y, 1e-6 * hScale), "H_xy of \(name) at \(w)")
      #expect(close(jet.hessian.xy, hy.x, 1e-6 * hScale), "H_yx of \(name) at \(w)")
      #expect(close(jet.hessian.yy, hy.y, 1e-6 * hScale), "H_yy of \(name) at \(w)")
    }
  }

  @Test func unaryFunctionsDifferentiateExactly() {
    // f = exp(x)·sin(y) + log(x)·cos(y) + sqrt(x)·tanh(y) − |x − y|, checked against closed forms.
    let w = Vec2(0.7, 0.3)
    let (x, y) = Jet2.variables(at: w)
    let p1: Jet2 = Jet2.exp(x) * Jet2.sin(y)
    let p2: Jet2 = Jet2.log(x) * Jet2.cos(y)
    let p3: Jet2 = Jet2.sqrt(x) * Jet2.tanh(y)
    let f: Jet2 = p1 + p2 + p3 - Jet2.abs(x - y)
    let (a, b) = (w.x, w.y)
    let t = tanh(b)
    let ea: Double = exp(a)
    let (sb, cb, ra, la): (Double, Double, Double, Double) = (sin(b), cos(b), sqrt(a), log(a))
    let fx: Double = ea * sb + cb / a + 0.5 / ra * t - 1
    let fy: Double = ea * cb - la * sb + ra * (1 - t * t) + 1
    let fxx: Double = ea * sb - cb / (a * a) - 0.25 / (a * ra) * t
    let fxy: Double = ea * cb - sb / a + 0.5 / ra * (1 - t * t)
    let fyy: Double = -ea * sb - la * cb - 2 * ra * t * (1 - t * t)
    #expect(close(f.gradient, Vec2(fx, fy), 1e-14))
    #expect(close(f.hessian.xx, fxx, 1e-14))
    #expect(close(f.hessian.xy, fxy, 1e-14))
    #expect(close(f.hessian.yy, fyy, 1e-14))
  }

  @Test func absAtItsKinkHasZeroDerivativeNotNaN() {
    let (x, _) = Jet2.variables(at: .zero)
    let f = Jet2.abs(x)
    #expect(f.gradient == .zero && f.hessian == .zero)
  }

  @Test func symmetricEigenvaluesAndVectors() {
    let m = Sym2(xx: 802, xy: -400, yy: 200)
    let (lo, hi) = m.eigenvalues
    #expect(close(lo + hi, m.trace, 1e-14) && close(lo * hi, m.determinant, 1e-12))
    let (vlo, vhi) = m.eigenvectors
    #expect(close(m * vhi, hi * vhi, 1e-12) && close(m * vlo, lo * vlo, 1e-12))
  }
}
