import Foundation
import Testing

@testable import Flatland

/// The variational view's toy and the map quantities its figure needs: the loss as the notebook
/// computes it, Gaussian smoothing exact on polynomials, the disk maximum in lanes as in scalars.
@Suite struct VariationalToyTests {
  /// Values of the notebook's `l(θ₀, θ₁)` (2D_toy_illustration.ipynb, its parameters), computed in
  /// float64 by numpy with the notebook's own expression.
  @Test func theLossIsTheNotebooks() {
    let toy = VariationalToy()
    let reference: [(Vec2, Double)] = [
      (Vec2(-20, 10), 0.536835708628122), (Vec2(20, 30), 0.5108137849205452), (Vec2(0, 20), 0.5644515766731923),
      (Vec2(35, 2), 1.2317499252891704), (Vec2(-28, 44), 0.9633681409491759),
    ]
    for (w, value) in reference {
      #expect(abs(toy.value(at: w) - value) <= 1e-14 * value, "\(w)")
    }
    // The two valleys: the sharp one (left) deeper than the flat one, and sharper.
    let minima = toy.info.minima
    #expect(minima.map(\.label) == ["flat valley", "sharp valley"])
    #expect(minima[1].value < minima[0].value && minima[1].eigenvalues.max > minima[0].eigenvalues.max)
    // On y = 0 both energies are infinite: NaN (∞ − ∞), as the notebook computes it too.
    #expect(!toy.value(at: Vec2(3, 0)).isFinite)
  }

  @Test func smoothingIsExactOnQuadraticsAndTheSameInLanes() {
    let sample = GaussianSmoothing.sample
    #expect(sample.count == 4096)
    let mean = sample.reduce(Vec2.zero, +) / Double(sample.count)
    #expect(abs(mean.x) < 1e-15 && abs(mean.y) < 1e-15)
    // E (a(x+σz₁)² + b(y+σz₂)²) = L(w) + σ²(a + b), for the quadratic a·x² + b·y².
    let q = Quadratic(a: 1.5, b: 4)
    let w = Vec2(0.3, -0.7)
    let sigma = 0.8
    let smoothed = GaussianSmoothing.smoothed(q, at: w, sigma: sigma)
    #expect(abs(smoothed - (q.value(at: w) + sigma * sigma * (1.5 + 4))) < 1e-12)
    #expect(MapQuantity.smoothedLoss.value(of: q, at: w, rho: sigma * 2.0.squareRoot()) == smoothed)
    // Eight points at once: each lane's bits are the scalar average's.
    let toy = VariationalToy()
    var lanes = LaneVec<Lanes8>.zero
    for l in 0..<8 { lanes[lane: l] = Vec2(-20 + 7 * Double(l), 5 + 4 * Double(l)) }
    let values = MapQuantity.smoothedLoss.values(of: toy, at: lanes, rho: 8)
    for l in 0..<8 {
      #expect(
        values[lane: l].bitPattern == MapQuantity.smoothedLoss.value(of: toy, at: lanes[lane: l], rho: 8).bitPattern)
    }
  }

  @Test func theLossesSamDescends() {
    let toy = VariationalToy()
    for w in [Vec2(-25, 40), Vec2(10, 12), Vec2(30, 35)] {
      let loss = toy.value(at: w)
      let perturbed = MapQuantity.perturbedLoss.value(of: toy, at: w, rho: 8)
      #expect(perturbed == loss + Sharpness.worstCase(of: toy, at: w, rho: 8).value)
      let proxy = MapQuantity.proxyLoss.value(of: toy, at: w, rho: 8)
      #expect(abs(proxy - (loss + (MapQuantity.proxy.value(of: toy, at: w, rho: 8)))) < 1e-14)
      // The one-step proxy never exceeds the exact maximum over the disk.
      #expect(proxy <= perturbed + 1e-12)
    }
    #expect(MapQuantity.proxyLoss.value(of: Quadratic(a: 1, b: 1), at: .zero, rho: 1).isNaN)
  }

  @Test func aColourRangeIsChecked() {
    func problems(_ range: Vec2, _ quantity: MapKind = .loss) -> [String] {
      var output = OutputSpec(.figure(.map), file: "m.png")
      output.quantity = quantity
      output.range = range
      return ExperimentSpec(landscape: LandscapeSpec(name: "ujvary-toy"), outputs: [output]).validate().map(
        \.description)
    }
    #expect(problems(Vec2(0.49, 0.7)).isEmpty)
    #expect(problems(Vec2(0.7, 0.49)).contains { $0.contains("outputs[0].range") && $0.contains("low < high") })
    #expect(problems(Vec2(0, 1), .basins).contains { $0.contains("has no effect on a basin map") })
  }

  /// The README's reading of the four panels, at the two minima of L and ρ = 8: the sharp valley
  /// is deeper in L, and smoothing and the disk maximum both put the flat one below it.
  @Test func theReadmesReadingOfTheFourPanels() {
    let toy = VariationalToy()
    let (flat, sharp) = (toy.info.minima[0].location, toy.info.minima[1].location)
    func at(_ q: MapQuantity, _ w: Vec2) -> Double { q.value(of: toy, at: w, rho: 8) }
    for q in [MapQuantity.loss, .smoothedLoss, .perturbedLoss, .proxyLoss] {
      print("ujvary-toy \(q.rawValue): flat \(at(q, flat)), sharp \(at(q, sharp))")
    }
    #expect(at(.loss, sharp) < at(.loss, flat))
    #expect(at(.smoothedLoss, flat) < at(.smoothedLoss, sharp))
    #expect(at(.perturbedLoss, flat) < at(.perturbedLoss, sharp))
  }
}
