/// A spec to and from its tree form, the one shape shared by TOML, JSON, flags and `--set`.
extension ExperimentSpec {
  /// Reads a tree: every type problem and unknown key at once, each at its position. Ranges,
  /// defaults and meanings are checked later, by `resolve()`.
  public static func read(_ node: SpecNode) -> (spec: ExperimentSpec, problems: [SpecProblem]) {
    var reader = SpecReader()
    var spec = ExperimentSpec()
    reader.fields(node, at: .root, into: &spec, fields, what: "an experiment")
    spec.sources = reader.sources
    return (spec, reader.log.sorted)
  }

  /// Reads a tree, throwing when it has errors.
  public static func load(_ node: SpecNode) throws(SpecProblems) -> ExperimentSpec {
    let (spec, problems) = read(node)
    if problems.contains(where: { $0.severity == .error }) { throw SpecProblems(problems) }
    return spec
  }

  /// The spec as a tree, keys in the reference's order; unset keys are left out.
  public var node: SpecNode { .table(self, Self.fields) }
}

extension ExperimentSpec: Codable {
  /// Decodes the JSON form of a spec (the schema of the TOML files); problems are thrown as
  /// `SpecProblems` inside a `DecodingError`.
  public init(from decoder: any Decoder) throws {
    let node = try SpecNode(from: decoder)
    do {
      self = try ExperimentSpec.load(node)
    } catch {
      throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "\(error)"))
    }
  }

  public func encode(to encoder: any Encoder) throws { try node.encode(to: encoder) }
}

extension SpecNode: Codable {
  public init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    if container.decodeNil() {
      throw DecodingError.dataCorruptedError(in: container, debugDescription: "null is not a spec value")
    } else if let b = try? container.decode(Bool.self) {
      self.init(.bool(b))
    } else if let i = try? container.decode(Int64.self) {
      self.init(.integer(i))
    } else if let d = try? container.decode(Double.self) {
      self.init(.float(d))
    } else if let s = try? container.decode(String.self) {
      self.init(.string(s))
    } else if let a = try? container.decode([SpecNode].self) {
      self.init(.array(a))
    } else {
      let table = try decoder.container(keyedBy: AnyKey.self)
      self.init(
        .table(try table.allKeys.map { Entry(key: $0.stringValue, node: try table.decode(SpecNode.self, forKey: $0)) }))
    }
  }

  public func encode(to encoder: any Encoder) throws {
    switch value {
    case .table(let entries):
      var container = encoder.container(keyedBy: AnyKey.self)
      for e in entries { try container.encode(e.node, forKey: AnyKey(e.key)) }
    case .array(let items):
      var container = encoder.unkeyedContainer()
      for item in items { try container.encode(item) }
    case .string(let s), .text(let s):
      var container = encoder.singleValueContainer()
      try container.encode(s)
    case .integer(let i):
      var container = encoder.singleValueContainer()
      try container.encode(i)
    case .float(let d):
      var container = encoder.singleValueContainer()
      try container.encode(d)
    case .bool(let b):
      var container = encoder.singleValueContainer()
      try container.encode(b)
    }
  }

  struct AnyKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(_ s: String) { stringValue = s }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
  }
}
