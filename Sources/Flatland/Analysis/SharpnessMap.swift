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
    self.nx = nx
    self.ny = ny
    self.box = box
    var values = [Double](repeating: 0, count: nx * ny)
    let dx = box.width / Double(nx)
    let dy = box.height / Double(ny)
    values.withUnsafeMutableBufferPointer { buffer in
      let base = UncheckedPointer(buffer.baseAddress!)
      DispatchQueue.concurrentPerform(iterations: ny) { j in
        for i in 0..<nx {
          base.pointer[j * nx + i] = quantity(
            Vec2(box.xmin + (Double(i) + 0.5) * dx, box.ymin + (Double(j) + 0.5) * dy))
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
    case .sharpness: return Sharpness.worstCase(of: landscape, at: w, rho: rho).value
    case .adaptiveSharpness: return Sharpness.adaptive(of: landscape, at: w, rho: rho).value
    case .proxy: return Sharpness.firstOrderProxy(of: landscape, at: w, rho: rho) ?? .nan
    case .lambdaMax: return landscape.hessian(at: w).eigenvalues.max
    case .lambdaMin: return landscape.hessian(at: w).eigenvalues.min
    case .trace: return landscape.hessian(at: w).trace
    }
  }

  /// Signed quantities get a diverging colormap centred at 0.
  public var isSigned: Bool { self == .lambdaMin || self == .trace }

  /// A label for colorbars (TeX-like syntax).
  public var label: String {
    switch self {
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
