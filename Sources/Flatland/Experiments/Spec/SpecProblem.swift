/// One thing wrong with a spec (or a warning about it): where, which key, what is accepted.
///
/// ```text
/// two-valleys.toml:14:7: methods[0].rho: -1 is not valid; expected a number ≥ 0
/// --lr: 'fast' is not valid; expected a positive number
/// ```
public struct SpecProblem: Error, Sendable, Hashable, CustomStringConvertible {
  public enum Severity: Sendable, Hashable {
    /// The experiment cannot run.
    case error
    /// It runs, but something the user wrote has no effect or looks like a mistake.
    case warning
  }

  public var path: SpecPath
  public var location: SpecLocation?
  public var message: String
  public var severity: Severity

  public init(_ message: String, at path: SpecPath, location: SpecLocation? = nil, severity: Severity = .error) {
    self.message = message
    self.path = path
    self.location = location
    self.severity = severity
  }

  /// `file:line:column: path: message` for files; `--flag: message` for flags (the flag says
  /// which value it is); `path: message` for specs built in code.
  public var description: String {
    switch location {
    case .file?:
      return "\(location!): \(path.isRoot ? "" : "\(path): ")\(message)"
    case .flag(let flag)?:
      return "\(flag): \(message)"
    case nil:
      return path.isRoot ? message : "\(path): \(message)"
    }
  }
}

/// Every problem of a spec at once: thrown by `ExperimentSpec.resolve()` and the readers.
public struct SpecProblems: Error, Sendable, Equatable, CustomStringConvertible {
  public var problems: [SpecProblem]

  public init(_ problems: [SpecProblem]) { self.problems = problems }

  /// One problem per line, in the order of the file.
  public var description: String { problems.map(\.description).joined(separator: "\n") }

  public var errors: [SpecProblem] { problems.filter { $0.severity == .error } }

  /// The same problems, those of each file in the order of its lines, others in the order found.
  public var sorted: SpecProblems {
    var log = ProblemLog()
    log.add(contentsOf: problems)
    return SpecProblems(log.sorted)
  }
  public var warnings: [SpecProblem] { problems.filter { $0.severity == .warning } }
}

/// Collects problems while a spec is read or resolved, so that one pass reports them all.
///
/// Problems keep the order they were found in, except that problems with a file position are
/// sorted by it; exact duplicates (the same flag checked for several methods) are reported once.
public struct ProblemLog: Sendable {
  public private(set) var problems: [SpecProblem] = []
  /// Positions of the spec's keys and values, used to place problems found after reading.
  public var sources: SpecSources

  public init(sources: SpecSources = SpecSources()) { self.sources = sources }

  public var hasErrors: Bool { problems.contains { $0.severity == .error } }

  /// Records a problem at `path`, placed at the value's position (or its key's, with `atKey`);
  /// nothing when the value there could not even be read (that problem is already reported).
  public mutating func error(_ message: String, at path: SpecPath, atKey: Bool = false) {
    guard !sources.isUnreadable(path) else { return }
    add(
      SpecProblem(
        message, at: sources.writtenPath(path),
        location: atKey ? sources.keyLocation(of: path) : sources.location(of: path)))
  }

  public mutating func warning(_ message: String, at path: SpecPath, atKey: Bool = false) {
    add(
      SpecProblem(
        message, at: sources.writtenPath(path),
        location: atKey ? sources.keyLocation(of: path) : sources.location(of: path), severity: .warning))
  }

  /// Adds a problem unless one that reads the same is there (one flag checked for each method).
  public mutating func add(_ problem: SpecProblem) {
    if !problems.contains(where: { $0.severity == problem.severity && $0.description == problem.description }) {
      problems.append(problem)
    }
  }

  public mutating func add(contentsOf other: [SpecProblem]) {
    for p in other { add(p) }
  }

  /// The problems, those with file positions in file order.
  public var sorted: [SpecProblem] {
    // Each file's problems stay together where its first one was found, in line order there.
    var firstOffset: [String: Int] = [:]
    for (offset, p) in problems.enumerated() {
      if case .file(let f, _, _)? = p.location, firstOffset[f] == nil { firstOffset[f] = offset }
    }
    func key(_ offset: Int, _ p: SpecProblem) -> (Int, Int, Int, Int) {
      if case .file(let f, let line, let column)? = p.location {
        // swift-format-ignore: NeverForceUnwrap
        return (firstOffset[f]!, line, column, offset)
      }
      return (offset, 0, 0, offset)
    }
    return problems.enumerated().sorted { key($0.offset, $0.element) < key($1.offset, $1.element) }.map(\.element)
  }

  /// Throws every problem when there is at least one error.
  public func finish() throws(SpecProblems) {
    if hasErrors { throw SpecProblems(sorted) }
  }
}
