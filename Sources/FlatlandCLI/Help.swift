/// Help text that survives an 80-column terminal: example commands are broken at spaces, outside
/// quotes, with `\` continuations, so that they still paste as one command.
enum Help {
  static func examples(_ title: String = "Examples:", _ commands: [String]) -> String {
    ([title] + commands.map(wrapped)).joined(separator: "\n")
  }

  static func wrapped(_ command: String) -> String {
    var words: [String] = []
    var current = ""
    var quote: Character?
    for c in command {
      if c == " ", quote == nil {
        words.append(current)
        current = ""
        continue
      }
      if c == "\"" || c == "'" { quote = quote == c ? nil : (quote ?? c) }
      current.append(c)
    }
    words.append(current)
    // An option stays on one line with its value.
    var units: [String] = []
    var k = 0
    while k < words.count {
      if words[k].hasPrefix("-"), k + 1 < words.count, !words[k + 1].hasPrefix("--") {
        units.append(words[k] + " " + words[k + 1])
        k += 2
      } else {
        units.append(words[k])
        k += 1
      }
    }
    words = units
    var lines: [String] = []
    var line = "  "
    for word in words {
      if line.count + word.count + 3 > 76, line.count > 4 {
        lines.append(line + " \\")
        line = "      " + word
      } else {
        line += (line.allSatisfy { $0 == " " } ? "" : " ") + word
      }
    }
    lines.append(line)
    return lines.joined(separator: "\n")
  }
}
