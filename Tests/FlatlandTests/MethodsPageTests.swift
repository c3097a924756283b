import Foundation
import Testing

@testable import Flatland

/// docs/methods.md keeps up with the catalogue: every preset has a section (a `## ` heading naming
/// it), and the section names each of its own keys (the shared base-optimizer keys are described once
/// at the top), its verification tag and, for `[code]`, a source line.
@Suite struct MethodsPageTests {
  static let page: String = {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("docs/methods.md")
    return (try? String(contentsOf: url, encoding: .utf8)) ?? ""
  }()

  /// The section whose heading names `preset`, up to the next heading.
  static func section(_ preset: MethodPreset) -> String? {
    let parts = page.components(separatedBy: "\n## ")
    return parts.first { part in
      let heading = part.prefix { $0 != "\n" }
      return heading.components(separatedBy: ", ").contains("`\(preset.rawValue)`")
    }
  }

  @Test(arguments: MethodPreset.allCases)
  func everyPresetIsDocumented(_ preset: MethodPreset) throws {
    let text = try #require(Self.section(preset), "docs/methods.md has no section for \(preset.rawValue)")
    // The keys every gradient method or every radius takes are described once, at the top.
    let shared = Set(MethodCatalog.baseOptions.map(\.key) + MethodCatalog.radiusOptions().dropFirst().map(\.key))
    let own = preset.options.map(\.key).filter { preset.entry.family == .zerothOrder || !shared.contains($0) }
    if preset != .custom {
      for key in own {
        #expect(text.contains("`\(key.rawValue)`"), "\(preset.rawValue): key \(key.rawValue) is not in its section")
      }
    }
    let tag = preset.entry.verification.split(separator: " ")[0]
    if preset != .custom, preset != .sgd {
      #expect(text.contains("[\(tag)"), "\(preset.rawValue): tag [\(tag)] missing")
    }
    // The base optimizers are PyTorch's documented semantics, not one file's lines.
    if tag == "code", preset.entry.family != .base {
      #expect(text.contains("l. "), "\(preset.rawValue): no source line")
    }
  }

  /// The variational family is verified against its released code now.
  @Test func theVariationalFamilyIsTaggedCode() {
    for preset in [MethodPreset.randomSAM, .mfvi, .vsam, .mixsam] {
      #expect(preset.entry.verification.hasPrefix("code"), "\(preset.rawValue): \(preset.entry.verification)")
    }
  }
}
