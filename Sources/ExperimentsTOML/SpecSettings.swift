import Flatland

/// `--set KEY.PATH=VALUE`: changes a spec tree before it is read, so a file can be rerun with other
/// settings (`--set run.steps=50`, `--set 'methods[*].lr=0.01'`, `--set 'outputs[0].grid=80'`).
///
/// The value is read as a TOML value when it is one (`50`, `[0.3, 1]`, `"text"`, `{ a = 1 }`), and
/// as command-line text otherwise (`--set landscape.name=himmelblau`). `[*]` stands for every
/// element of an array. Missing tables are created; array indices must exist.
public enum SpecSettings {
  public static func apply(_ settings: [String], to node: inout SpecNode) throws(SpecProblems) {
    var problems: [SpecProblem] = []
    for setting in settings {
      let flag = SpecLocation.flag("--set \(setting)")
      guard let eq = setting.firstIndex(of: "=") else {
        problems.append(SpecProblem("expected KEY.PATH=VALUE such as run.steps=50", at: .root, location: flag))
        continue
      }
      let pathText = String(setting[..<eq]).trimmingWhitespace
      let valueText = String(setting[setting.index(after: eq)...])
      guard let path = parsePath(pathText) else {
        problems.append(
          SpecProblem(
            "'\(pathText)' is not a key path; expected keys and indices such as run.steps or methods[0].rho",
            at: .root, location: flag))
        continue
      }
      var value = TOMLSpecReader.value(valueText) ?? SpecNode(.text(valueText))
      relocate(&value, to: flag)
      if let problem = set(value, at: path[...], in: &node, done: [], flag: flag) { problems.append(problem) }
    }
    if !problems.isEmpty { throw SpecProblems(problems) }
  }

  enum Step: Equatable {
    case key(String)
    case index(Int)
    case every
  }

  /// `a.b[0].c`, `methods[*].lr`, `"quoted key".x`.
  static func parsePath(_ text: String) -> [Step]? {
    var steps: [Step] = []
    var chars = Array(text)
    var i = 0
    func bare(_ c: Character) -> Bool { c.isLetter || c.isNumber || c == "-" || c == "_" }
    while i < chars.count {
      if chars[i] == "[" {
        guard let close = chars[i...].firstIndex(of: "]") else { return nil }
        let inside = String(chars[(i + 1)..<close])
        if inside == "*" {
          steps.append(.every)
        } else if let n = Int(inside), n >= 0 {
          steps.append(.index(n))
        } else {
          return nil
        }
        i = close + 1
      } else if chars[i] == "." {
        // A dot joins two keys: not first, not last, not doubled, not before an index.
        guard !steps.isEmpty, i + 1 < chars.count, chars[i + 1] != ".", chars[i + 1] != "[" else { return nil }
        i += 1
      } else if chars[i] == "\"" {
        guard let close = chars[(i + 1)...].firstIndex(of: "\"") else { return nil }
        steps.append(.key(String(chars[(i + 1)..<close])))
        i = close + 1
      } else {
        var j = i
        while j < chars.count, bare(chars[j]) { j += 1 }
        guard j > i else { return nil }
        steps.append(.key(String(chars[i..<j])))
        i = j
      }
    }
    chars.removeAll()
    return steps.isEmpty ? nil : steps
  }

  static func set(
    _ value: SpecNode, at steps: ArraySlice<Step>, in node: inout SpecNode, done: [Step], flag: SpecLocation
  )
    -> SpecProblem?
  {
    guard let step = steps.first else {
      node = value
      return nil
    }
    let rest = steps.dropFirst()
    let here = describe(done)
    switch step {
    case .key(let key):
      guard node.entries != nil else {
        return SpecProblem("\(here) is not a table, so it has no key '\(key)'", at: .root, location: flag)
      }
      var child = node[key] ?? SpecNode(.table([]), at: flag)
      if let problem = set(value, at: rest, in: &child, done: done + [step], flag: flag) { return problem }
      node.set(key, child, keyLocation: flag)
      return nil
    case .index(let n):
      guard var items = node.elements else {
        return SpecProblem("\(here) is not an array, so it has no element [\(n)]", at: .root, location: flag)
      }
      guard n < items.count else {
        return SpecProblem("\(here) has \(items.count) element(s); [\(n)] does not exist", at: .root, location: flag)
      }
      if let problem = set(value, at: rest, in: &items[n], done: done + [step], flag: flag) { return problem }
      node.value = .array(items)
      return nil
    case .every:
      guard var items = node.elements else {
        return SpecProblem("\(here) is not an array, so [*] has nothing to set", at: .root, location: flag)
      }
      for k in items.indices {
        if let problem = set(value, at: rest, in: &items[k], done: done + [.index(k)], flag: flag) { return problem }
      }
      node.value = .array(items)
      return nil
    }
  }

  static func describe(_ steps: [Step]) -> String {
    var path = SpecPath.root
    for s in steps {
      switch s {
      case .key(let k): path = path + k
      case .index(let n): path = path + n
      case .every: break
      }
    }
    return path.description
  }

  static func relocate(_ node: inout SpecNode, to location: SpecLocation) {
    node.location = location
    switch node.value {
    case .table(var entries):
      for k in entries.indices {
        entries[k].keyLocation = location
        relocate(&entries[k].node, to: location)
      }
      node.value = .table(entries)
    case .array(var items):
      for k in items.indices { relocate(&items[k], to: location) }
      node.value = .array(items)
    default: break
    }
  }
}

extension String {
  var trimmingWhitespace: String {
    var s = Substring(self)
    while s.first?.isWhitespace == true { s.removeFirst() }
    while s.last?.isWhitespace == true { s.removeLast() }
    return String(s)
  }
}
