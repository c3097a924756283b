import Testing

@testable import Flatland
@testable import FlatlandPlot

/// The label syntax's output is markup Pango can draw.
@Suite struct LabelRenderingTests {
  /// Every Greek letter and symbol renders through Pango without falling back to plain text.
  @Test func everyCommandIsValidMarkup() throws {
    let measurer = TextMeasurer()
    for name in MathText.commandNames where !MathText.groups.contains(name) && MathText.accents[name] == nil {
      let markup = try MathText.markup("$\\\(name) x$")
      #expect(measurer.size(of: markup, size: 12).width > 0, "\\\(name)")
      #expect(TextEngine.isValidMarkup(markup), "\\\(name) → \(markup)")
    }
  }
}
