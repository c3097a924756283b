import Flatland
import Foundation
import TOMLKit

/// Reads a TOML experiment file into a spec tree with the position of every key and value:
/// TOMLKit parses and checks the text, `TOMLLocator` finds where each value was written.
public enum TOMLSpecReader {
  public static func read(_ text: String, file: String) throws(SpecProblems) -> SpecNode {
    // Syntax first, with positions (and so that TOMLKit never sees text its parser asserts on).
    let locator: TOMLLocator
    do {
      locator = try TOMLLocator(text)
    } catch {
      throw SpecProblems([
        SpecProblem(
          "not valid TOML: \(error.message)", at: .root,
          location: .file(file, line: error.position.line, column: error.position.column))
      ])
    }
    let table: TOMLTable
    do {
      table = try TOMLTable(string: text)
    } catch let error as TOMLParseError {
      throw SpecProblems([
        SpecProblem(
          "not valid TOML: \(error.description)", at: .root,
          location: .file(file, line: error.source.begin.line, column: error.source.begin.column))
      ])
    } catch {
      throw SpecProblems([SpecProblem("not valid TOML: \(error)", at: .root, location: .file(file, line: 1, column: 1))]
      )
    }
    var problems: [SpecProblem] = []
    let node = convert(table, at: .root, locator, file, &problems)
    if !problems.isEmpty { throw SpecProblems(problems) }
    return node
  }

  static func location(_ p: TOMLLocator.Position?, _ file: String) -> SpecLocation? {
    p.map { .file(file, line: $0.line, column: $0.column) }
  }

  static func convert(
    _ value: any TOMLValueConvertible, at path: SpecPath, _ locator: TOMLLocator, _ file: String,
    _ problems: inout [SpecProblem]
  ) -> SpecNode {
    let at = location(locator.values[path] ?? locator.keys[path], file) ?? .file(file, line: 1, column: 1)
    switch value.type {
    case .table:
      // swift-format-ignore: NeverForceUnwrap
      let table = value.table!
      var entries: [(position: TOMLLocator.Position?, entry: SpecNode.Entry)] = []
      for (key, inner) in table {
        let p = path + key
        let node = convert(inner, at: p, locator, file, &problems)
        entries.append(
          (locator.keys[p], SpecNode.Entry(key: key, keyLocation: location(locator.keys[p], file), node: node)))
      }
      // In the order written (TOMLKit's tables are sorted by key).
      entries.sort { a, b in
        switch (a.position, b.position) {
        case (let x?, let y?): return (x.line, x.column) < (y.line, y.column)
        case (_?, nil): return true
        case (nil, _?): return false
        case (nil, nil): return a.entry.key < b.entry.key
        }
      }
      return SpecNode(.table(entries.map(\.entry)), at: at)
    case .array:
      // swift-format-ignore: NeverForceUnwrap
      let items = Array(value.array!)
      return SpecNode(
        .array(items.enumerated().map { convert($1, at: path + $0, locator, file, &problems) }), at: at)
    case .string: return SpecNode(.string(value.string ?? ""), at: at)
    case .int: return SpecNode(.integer(Int64(value.int ?? 0)), at: at)
    case .double: return SpecNode(.float(value.double ?? .nan), at: at)
    case .bool: return SpecNode(.bool(value.bool ?? false), at: at)
    case .date, .time, .dateTime:
      problems.append(
        SpecProblem(
          "dates and times are not values of experiment files; write a number or a string", at: path,
          location: at))
      return SpecNode(.string(""), at: at)
    }
  }

  /// One TOML value (`0.1`, `[1, 2]`, `"text"`, `{ a = 1 }`), or `nil` when the text is not one.
  public static func value(_ text: String) -> SpecNode? {
    guard let locator = try? TOMLLocator("v = " + text), let table = try? TOMLTable(string: "v = " + text),
      let v = table["v"]
    else { return nil }
    var problems: [SpecProblem] = []
    let node = convert(v, at: .root, locator, "", &problems)
    return problems.isEmpty ? strip(node) : nil
  }

  /// The same tree without locations.
  static func strip(_ node: SpecNode) -> SpecNode {
    switch node.value {
    case .table(let entries):
      return SpecNode(.table(entries.map { SpecNode.Entry(key: $0.key, node: strip($0.node)) }))
    case .array(let items): return SpecNode(.array(items.map(strip)))
    default: return SpecNode(node.value)
    }
  }
}
