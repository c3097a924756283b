import Testing

@testable import Flatland

/// Every listed minimum is a minimum (zero gradient, positive curvature) with the stated eigenvalues,
/// and the stated numbers agree with an independent computation (scipy, see the comments).
@Suite struct KnownMinimaTests {
  @Test(arguments: LandscapeCatalog.names)
  func listedMinimaAreStationaryWithTheStatedCurvature(_ name: String) throws {
    let landscape = try LandscapeCatalog.make(name)
    #expect(!landscape.info.minima.isEmpty)
    for m in landscape.info.minima {
      #expect(landscape.gradient(at: m.location).length <= 1e-9, "gradient at \(name) minimum \(m.location)")
      #expect(close(landscape.value(at: m.location), m.value, 1e-12))
      let (lo, hi) = landscape.hessian(at: m.location).eigenvalues
      #expect(close(lo, m.eigenvalues.min, 1e-9) && close(hi, m.eigenvalues.max, 1e-9))
      #expect(m.eigenvalues.min >= 0)
    }
  }

  /// Reference values from scipy.optimize (BFGS, gtol 1e-12) and a finite-difference Hessian.
  @Test func twoValleysMatchesTheIndependentReference() {
    let minima = TwoValleys().info.minima
    #expect(minima.count == 2)
    #expect(close(minima[0].location, Vec2(0.786396960263308, 0), 1e-7))
    #expect(close(minima[0].value, -1.3374298779263536, 1e-12))
    #expect(close(minima[0].eigenvalues.min, 2.740631527275994, 1e-6))
    #expect(close(minima[0].eigenvalues.max, 35.188311048317544, 1e-6))
    #expect(minima[0].label == "sharp-x well")
    #expect(close(minima[1].location, Vec2(-0.65248024800334226, 0), 1e-7))
    #expect(close(minima[1].value, -0.973889133839965, 1e-12))
    #expect(close(minima[1].eigenvalues.min, 0.5380223516704419, 1e-6))
    #expect(close(minima[1].eigenvalues.max, 4.08070247315262, 1e-6))
  }

  @Test func himmelblauMatchesTheIndependentReference() {
    let minima = Himmelblau().info.minima
    let reference: [(Vec2, Double, Double)] = [
      (Vec2(3, 2), 25.715728832614786, 82.28427132775224),
      (Vec2(-2.805118086952735, 3.1313125182506116), 64.84037285089416, 80.55007185922508),
      (Vec2(-3.7793102533777456, -3.283185991286152), 70.71435482448351, 133.78561529355193),
      (Vec2(3.5844283403304997, -1.8481265269644465), 28.690677236752137, 105.41890841684288),
    ]
    #expect(minima.count == 4)
    for (m, (location, lo, hi)) in zip(minima, reference) {
      #expect(close(m.location, location, 1e-9))
      #expect(abs(m.value) < 1e-20)
      #expect(close(m.eigenvalues.min, lo, 1e-6) && close(m.eigenvalues.max, hi, 1e-6))
    }
  }

  @Test func closedFormMinima() {
    let q = Quadratic(a: 2, b: 7, angle: 30, center: Vec2(1, -1)).info.minima
    #expect(q.count == 1 && q[0].location == Vec2(1, -1) && q[0].eigenvalues == (4, 14))
    let r = Rosenbrock().info.minima[0]
    #expect(r.location == Vec2(1, 1))
    // Eigenvalues of [[802, −400], [−400, 200]]: 501 ± sqrt(301² + 400²).
    #expect(close(r.eigenvalues.max, 501 + (301.0 * 301 + 400 * 400).squareRoot(), 1e-14))
    let s = ScaleSymmetric(lambda: 0.19).info.minima[0]
    #expect(close(s.location, Vec2(0.9, 0.9), 1e-15) && close(s.eigenvalues.min, 0.76, 1e-14))
  }

  @Test func aDestroyedWellIsNotListed() throws {
    // A well with zero depth has no minimum of its own; only the other well remains.
    let landscape = try LandscapeCatalog.make("two-valleys", parameters: ["d1": 0])
    #expect(landscape.info.minima.count == 1)
  }
}
