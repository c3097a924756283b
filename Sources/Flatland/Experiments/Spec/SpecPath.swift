/// Where a value sits in an experiment spec: `methods[0].rho`, `run.starts[1]`, `landscape.params.d1`.
///
/// Paths name values in problems ("methods[0].rho: …"), in `--set KEY.PATH=VALUE`, and in the
/// source map that turns a path back into `file:line:column` or the flag it came from.
public struct SpecPath: Sendable, Hashable, CustomStringConvertible, Comparable {
  public enum Component: Sendable, Hashable {
    case key(String)
    case index(Int)
  }

  public var components: [Component]

  public init(_ components: [Component] = []) { self.components = components }

  /// The root of the document.
  public static let root = SpecPath()

  /// `path + "rho"`.
  public static func + (path: SpecPath, key: String) -> SpecPath { SpecPath(path.components + [.key(key)]) }
  /// `path + 3`: an array element.
  public static func + (path: SpecPath, index: Int) -> SpecPath { SpecPath(path.components + [.index(index)]) }

  public var isRoot: Bool { components.isEmpty }

  /// The last key, if the path ends in one.
  public var lastKey: String? {
    if case .key(let k)? = components.last { return k }
    return nil
  }

  public var description: String {
    var out = ""
    for component in components {
      switch component {
      case .key(let k):
        let bare = !k.isEmpty && k.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }
        let shown = bare ? k : "\"\(k)\""
        out += out.isEmpty ? shown : ".\(shown)"
      case .index(let i): out += "[\(i)]"
      }
    }
    return out.isEmpty ? "(the document)" : out
  }

  public static func < (a: SpecPath, b: SpecPath) -> Bool { a.description < b.description }
}
