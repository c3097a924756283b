import Dispatch
import Foundation

/// A quantity evaluated on a grid over a box, for heatmaps (sharpness maps, curvature maps).
public struct GridMap: Sendable {
  public let nx: Int
  public let ny: Int
  public let box: Box
  /// `values[j·nx + i]` at `(xmin + (i + ½)Δx, ymin + (j + ½)Δy)`: cell centres.
  public var values: [Double]

  /// The cell centre of `(i, j)`.
  public func center(_ i: Int, _ j: Int) -> Vec2 {
    Vec2(box.xmin + (Double(i) + 0.5) * box.width / Double(nx), box.ymin + (Double(j) + 0.5) * box.height / Double(ny))
  }

  /// Evaluates `quantity` at every cell centre, rows in parallel on all cores.
  public init(box: Box, nx: Int, ny: Int, quantity: @Sendable (Vec2) -> Double) {
    self.init(box: box, nx: nx, ny: ny, groupsOf: 1) { centres, out in out[0] = quantity(centres[0]) }
  }

  /// Evaluates `quantity` eight cell centres at a time (a row's last group padded with its last
  /// centre), rows in parallel on all cores.
  public init(box: Box, nx: Int, ny: Int, lanes quantity: @Sendable (LaneVec<Lanes8>) -> Lanes8) {
    self.init(box: box, nx: nx, ny: ny, groupsOf: 8) { centres, out in
      var w = LaneVec<Lanes8>.zero
      for l in 0..<8 { w[lane: l] = centres[l] }
      let v = quantity(w)
      for l in 0..<8 { out[l] = v[lane: l] }
    }
  }

  /// The loop both share: each row in groups of `width` centres (padded with the row's last),
  /// `fill(centres, out)` writing one value per centre.
  private init(
    box: Box, nx: Int, ny: Int, groupsOf width: Int,
    fill: @Sendable (_ centres: [Vec2], _ out: inout [Double]) -> Void
  ) {
    self.nx = nx
    self.ny = ny
    self.box = box
    var values = [Double](repeating: 0, count: nx * ny)
    let dx = box.width / Double(nx)
    let dy = box.height / Double(ny)
    values.withUnsafeMutableBufferPointer { buffer in
      let base = UncheckedPointer(buffer.baseAddress!)
      DispatchQueue.concurrentPerform(iterations: ny) { j in
        var centres = [Vec2](repeating: .zero, count: width)
        var out = [Double](repeating: 0, count: width)
        for first in stride(from: 0, to: nx, by: width) {
          for l in 0..<width {
            let i = Swift.min(first + l, nx - 1)
            centres[l] = Vec2(box.xmin + (Double(i) + 0.5) * dx, box.ymin + (Double(j) + 0.5) * dy)
          }
          fill(centres, &out)
          for l in 0..<Swift.min(width, nx - first) { base.pointer[j * nx + first + l] = out[l] }
        }
      }
    }
    self.values = values
  }

  /// The smallest and largest finite values.
  public var finiteRange: (min: Double, max: Double)? {
    let finite = values.filter(\.isFinite)
    guard let lo = finite.min(), let hi = finite.max() else { return nil }
    return (lo, hi)
  }
}

/// What a heatmap of a landscape can show (ALGORITHMS.md A8).
public enum MapQuantity: String, Sendable, CaseIterable {
  /// The loss itself.
  case loss
  /// `E L(w + ε)` with `ε ∼ N(0, ρ²/2·I)` (so `E‖ε‖² = ρ²`): what random SAM and MFVI descend.
  case smoothedLoss = "smoothed-loss"
  /// `max_{‖e‖ ≤ ρ} L(w + e) = L + S_ρ`: what SAM ideally descends (GSAM's f_p).
  case perturbedLoss = "perturbed-loss"
  /// `L(w + ρĝ)`: what SAM descends in practice (NaN at `g = 0`).
  case proxyLoss = "proxy-loss"
  /// Exact worst-case sharpness `S_ρ` over the disk.
  case sharpness
  /// Adaptive sharpness over `‖e/(|w| + η)‖ ≤ ρ`.
  case adaptiveSharpness = "adaptive-sharpness"
  /// SAM's first-order proxy `L(w + ρĝ) − L(w)` (NaN at `g = 0`).
  case proxy
  /// Largest and smallest Hessian eigenvalue (the latter is signed: a diverging map).
  case lambdaMax = "lambda-max"
  case lambdaMin = "lambda-min"
  /// Hessian trace.
  case trace

  /// The value at `w` for radius `rho`.
  public func value<L: Landscape>(of landscape: L, at w: Vec2, rho: Double) -> Double {
    switch self {
    case .loss: return landscape.value(at: w)
    case .smoothedLoss: return GaussianSmoothing.smoothed(landscape, at: w, sigma: rho / 2.0.squareRoot())
    case .perturbedLoss: return landscape.value(at: w) + Sharpness.worstCase(of: landscape, at: w, rho: rho).value
    case .proxyLoss:
      let g = landscape.gradient(at: w)
      let n = g.length
      return n > 0 ? landscape.value(at: w + (rho / n) * g) : .nan
    case .sharpness: return Sharpness.worstCase(of: landscape, at: w, rho: rho).value
    case .adaptiveSharpness: return Sharpness.adaptive(of: landscape, at: w, rho: rho).value
    case .proxy: return Sharpness.firstOrderProxy(of: landscape, at: w, rho: rho) ?? .nan
    case .lambdaMax: return landscape.hessian(at: w).eigenvalues.max
    case .lambdaMin: return landscape.hessian(at: w).eigenvalues.min
    case .trace: return landscape.hessian(at: w).trace
    }
  }

  /// The values at eight points, bit for bit `value` per lane: the worst cases and the smoothed
  /// loss run in lanes, the others point by point.
  public func values<L: Landscape>(of landscape: L, at w: LaneVec<Lanes8>, rho: Double) -> Lanes8 {
    switch self {
    case .sharpness:
      return Sharpness.worstCaseValues(of: landscape, at: w, rho: rho, scale: LaneVec(Lanes8(1), Lanes8(1)))
    case .perturbedLoss:
      return landscape.value(lanes: w)
        + Sharpness.worstCaseValues(of: landscape, at: w, rho: rho, scale: LaneVec(Lanes8(1), Lanes8(1)))
    case .adaptiveSharpness:
      let eta = Lanes8(Sharpness.adaptiveEta)
      return Sharpness.worstCaseValues(
        of: landscape, at: w, rho: rho, scale: LaneVec(Lanes8.abs(w.x) + eta, Lanes8.abs(w.y) + eta))
    case .smoothedLoss:
      return GaussianSmoothing.smoothed(landscape, at: w, sigma: rho / 2.0.squareRoot())
    case .loss, .proxyLoss, .proxy, .lambdaMax, .lambdaMin, .trace:
      var out = Lanes8(0)
      for i in 0..<8 { out[lane: i] = value(of: landscape, at: w[lane: i], rho: rho) }
      return out
    }
  }

  /// Signed quantities get a diverging colormap centred at 0.
  public var isSigned: Bool { self == .lambdaMin || self == .trace }

  /// A label for colorbars (TeX-like syntax).
  public var label: String {
    switch self {
    case .loss: return "$L(w)$"
    case .smoothedLoss: return "$\\mathrm{E}\\, L(w + \\epsilon),\\ \\epsilon \\sim N(0, \\rho^2 I/2)$"
    case .perturbedLoss: return "$\\max_{\\|e\\| \\leq \\rho} L(w + e)$"
    case .proxyLoss: return "$L(w + \\rho \\hat{g})$"
    case .sharpness: return "$S_\\rho(w)$"
    case .adaptiveSharpness: return "adaptive $S_\\rho(w)$"
    case .proxy: return "$L(w + \\rho \\hat{g}) - L(w)$"
    case .lambdaMax: return "$\\lambda_{\\mathrm{max}}(H)$"
    case .lambdaMin: return "$\\lambda_{\\mathrm{min}}(H)$"
    case .trace: return "$\\mathrm{tr}\\, H$"
    }
  }
}

/// A buffer pointer handed to `concurrentPerform` workers that write disjoint elements.
struct UncheckedPointer<Element>: @unchecked Sendable {
  let pointer: UnsafeMutablePointer<Element>
  init(_ p: UnsafeMutablePointer<Element>) { pointer = p }
}
