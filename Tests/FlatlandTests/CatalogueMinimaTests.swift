import Foundation
import Testing

@testable import Flatland

/// The standard test functions list the minima the literature gives (Jamil & Yang 2013; Surjanovic &
/// Bingham's virtual library), found here by Newton's method from a grid of seeds.
@Suite struct CatalogueMinimaTests {
  func minima(_ name: String) throws -> [KnownMinimum] { try LandscapeCatalog.make(name).info.minima }

  func contains(_ list: [KnownMinimum], _ location: Vec2, _ value: Double, _ tolerance: Double = 1e-4) -> Bool {
    list.contains { ($0.location - location).length < tolerance && abs($0.value - value) < tolerance }
  }

  @Test func singleMinimumFunctions() throws {
    let booth = try minima("booth")
    #expect(booth.count == 1 && contains(booth, Vec2(1, 3), 0, 1e-12))
    #expect(close(booth[0].eigenvalues.min, 2, 1e-12) && close(booth[0].eigenvalues.max, 18, 1e-12))
    let matyas = try minima("matyas")
    #expect(matyas.count == 1 && contains(matyas, .zero, 0, 1e-12))
    #expect(close(matyas[0].eigenvalues.min, 0.04, 1e-12) && close(matyas[0].eigenvalues.max, 1, 1e-12))
    let beale = try minima("beale")
    #expect(beale.count == 1 && contains(beale, Vec2(3, 0.5), 0, 1e-10))
  }

  @Test func goldsteinPriceHasItsFourMinima() throws {
    let m = try minima("goldstein-price")
    #expect(m.count == 4)
    #expect(contains(m, Vec2(0, -1), 3, 1e-9))
    #expect(contains(m, Vec2(-0.6, -0.4), 30, 1e-9))
    #expect(contains(m, Vec2(1.8, 0.2), 84, 1e-9))
    #expect(contains(m, Vec2(1.2, 0.8), 840, 1e-9))
  }

  @Test func camels() throws {
    let six = try minima("six-hump-camel")
    #expect(six.count == 6)
    #expect(contains(six, Vec2(0.0898, -0.7126), -1.0316) && contains(six, Vec2(-0.0898, 0.7126), -1.0316))
    #expect(contains(six, Vec2(1.7036, -0.7961), -0.2155) && contains(six, Vec2(-1.6071, -0.5687), 2.1043))
    let three = try minima("three-hump-camel")
    #expect(three.count == 3 && three[0].location.length < 1e-12 && three[0].value == 0)
    #expect(contains(three, Vec2(1.7476, -0.8738), 0.2986))
  }

  @Test func styblinskiTangHasFourMinima() throws {
    let m = try minima("styblinski-tang")
    #expect(m.count == 4)
    #expect(contains(m, Vec2(-2.903534, -2.903534), -78.33233))
    #expect(contains(m, Vec2(2.746803, 2.746803), -50.05889))
  }

  @Test func latticeFunctions() throws {
    let rastrigin = try minima("rastrigin")
    #expect(rastrigin.count == 121)
    #expect(rastrigin[0].location.length < 1e-12 && rastrigin[0].value == 0)
    #expect(contains(rastrigin, Vec2(0.994959, 0), 0.994959))
    let ackley = try minima("ackley")
    #expect(ackley[0].location == .zero && ackley[0].value < 1e-15 && ackley[0].eigenvalues.max == .infinity)
    #expect(contains(ackley, Vec2(0.952167, 0), 2.579928))
    let easom = try minima("easom")
    #expect(easom[0].label.isEmpty && contains(easom, Vec2(Double.pi, Double.pi), -1, 1e-12))
  }

  /// Ackley's minimum is a kink: value, gradient and Hessian there are finite (the square root's
  /// derivative at 0 is taken as 0), and a run started exactly there stays there.
  @Test func ackleyKinkProducesNoNaN() {
    let a = Ackley()
    #expect(a.value(at: .zero).magnitude < 1e-14)
    #expect(a.gradient(at: .zero) == .zero)
    let j = a.jet(at: .zero)
    #expect(j.hessian.xx.isFinite && j.hessian.xy.isFinite && j.hessian.yy.isFinite)
    let t = Runner.run(.sam(learningRate: 0.01, rho: 0.05), on: a, from: .zero, steps: 10)
    #expect(t.points.allSatisfy { $0 == .zero })
  }

  @Test func wellsListTheirMinimaAndRejectBadCounts() throws {
    #expect(try minima("wells").count == 3)
    #expect(try LandscapeCatalog.make("wells", parameters: ["count": 4]).info.minima.count == 4)
    #expect(throws: FlatlandError.self) { try LandscapeCatalog.make("wells", parameters: ["count": 5]) }
    #expect(throws: FlatlandError.self) { try LandscapeCatalog.make("wells", parameters: ["sx1": 0]) }
    let sharpAndFlat = try minima("sharp-and-flat")
    #expect(sharpAndFlat.count == 4)
    #expect(sharpAndFlat.filter { $0.eigenvalues.min > 50 }.count == 3)
  }
}
