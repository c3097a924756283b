import Foundation

/// CSV text with a provenance comment, a header and rows; numbers with Swift's shortest round-trip
/// digits (parsing a cell gives back the exact double; NaN is `nan`).
struct CSVText {
  private(set) var text: String

  /// `comments` are further `# ` lines between the provenance and the header.
  init(header: [String], provenance: Provenance?, comments: [String] = []) {
    text = provenance.map { "# \($0.line)\n" } ?? ""
    text += comments.map { "# \($0)\n" }.joined()
    text += header.joined(separator: ",") + "\n"
  }

  mutating func row(_ cells: [String]) { text += cells.joined(separator: ",") + "\n" }

  static func number(_ v: Double) -> String { "\(v)" }

  /// A cell that may hold commas or quotes.
  static func quoted(_ s: String) -> String {
    s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" })
      ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
  }
}

/// The `method` column of data files: the preset name, and `sam#2`, `sam#3` for further methods
/// that share a preset name, in the order given.
func methodColumnNames(_ methods: [Method]) -> [String] {
  var seen: [String: Int] = [:]
  return methods.map { m in
    seen[m.name, default: 0] += 1
    let k = seen[m.name]!
    return k == 1 ? m.name : "\(m.name)#\(k)"
  }
}

/// The distinct methods of some runs, in order of first appearance.
func distinctMethods(_ trajectories: [Trajectory]) -> [Method] {
  var distinct: [Method] = []
  for t in trajectories where !distinct.contains(t.method) { distinct.append(t.method) }
  return distinct
}
