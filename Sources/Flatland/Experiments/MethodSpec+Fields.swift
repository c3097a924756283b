/// Reading and writing `[[methods]]` tables: `name`, `label`, and the keys of the preset's option
/// table, each converted to the type its option expects.
extension MethodSpec {
  /// The method at `path`, or `nil` when its preset is missing or unknown (noted in the log).
  static func read(_ node: SpecNode, at path: SpecPath, _ reader: inout SpecReader) -> MethodSpec? {
    reader.visit(node, at: path)
    guard node.entries != nil else {
      reader.log.error("expected a table such as { name = \"sam\", rho = 0.1 }, not \(node.typeName)", at: path)
      return nil
    }
    guard let nameNode = node["name"] else {
      reader.log.error("a method needs a name (a preset such as \"sam\"; see `flatland list methods`)", at: path)
      return nil
    }
    guard let preset = reader.choice(nameNode, at: path + "name", MethodPreset.self, what: "method") else {
      return nil
    }
    var spec = MethodSpec(preset)
    let accepted = spec.acceptedKeys
    reader.table(node, at: path, what: "method '\(preset.rawValue)'", accepted: accepted) { reader, key, value, p in
      switch key {
      case "name": break
      case "label": spec.label = reader.string(value, at: p)
      default:
        guard let k = MethodKey(rawValue: key), let option = preset.option(k) else { return }
        if let v = read(value, at: p, as: option, &reader) { spec.values[k] = v }
      }
    }
    return spec
  }

  static func read(_ node: SpecNode, at path: SpecPath, as option: MethodOption, _ reader: inout SpecReader)
    -> MethodValue?
  {
    switch option.kind {
    case .number: return reader.number(node, at: path, expected: option.expected).map { .number($0) }
    case .whole: return reader.integer(node, at: path, expected: option.expected).map { .number(Double($0)) }
    case .pair: return reader.pair(node, at: path, expected: option.expected).map { .pair($0) }
    case .flag: return reader.bool(node, at: path).map { .flag($0) }
    case .choice: return reader.string(node, at: path).map { .choice($0) }
    }
  }

  /// The `[[methods]]` table: name, label, then the set keys in the option table's order.
  public var node: SpecNode {
    var entries = [SpecNode.Entry(key: "name", node: .string(preset.rawValue))]
    if let label { entries.append(.init(key: "label", node: .string(label))) }
    for option in preset.options {
      guard let value = values[option.key] else { continue }
      let node: SpecNode
      switch (value, option.kind) {
      case (.number(let v), .whole): node = v == v.rounded() && Swift.abs(v) < 9e15 ? .integer(Int64(v)) : .float(v)
      case (.number(let v), _): node = .float(v)
      case (.pair(let v), _): node = .pair(v)
      case (.flag(let b), _): node = .bool(b)
      case (.choice(let s), _): node = .string(s)
      }
      entries.append(.init(key: option.key.rawValue, node: node))
    }
    return .table(entries)
  }
}
