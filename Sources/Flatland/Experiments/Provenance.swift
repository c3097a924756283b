/// What made a file: the toolkit's version, the hash of the spec behind it and its seed. Recorded
/// in every file written (PNG text chunks, SVG and PDF metadata, a CSV comment, a JSON key), so a
/// figure found in a folder can be traced to the experiment that made it.
public struct Provenance: Sendable, Equatable {
  public var version: String
  /// SHA-256 of the canonical JSON of the resolved spec that made the file: the experiment and
  /// this output's options, but not its file name (the same figure written under another name
  /// has the same hash).
  public var specHash: String
  public var seed: UInt64

  public init(version: String = FlatlandVersion.string, specHash: String, seed: UInt64) {
    self.version = version
    self.specHash = specHash
    self.seed = seed
  }

  /// `flatland 0.3.0 · spec sha256:… · seed 0`
  public var line: String { "flatland \(version) · spec sha256:\(specHash) · seed \(seed)" }
}

extension Experiment {
  /// The provenance of output `index`: the hash covers the experiment and that output alone.
  public func provenance(forOutput index: Int) -> Provenance {
    var spec = self.spec
    var output = spec.outputs[index]
    output.file = nil
    spec.outputs = [output]
    return Provenance(specHash: SHA256.hex(JSONWriter.compact(spec.node)), seed: seed)
  }

  /// The provenance of the whole experiment (every output, without file names).
  public var provenance: Provenance {
    var spec = self.spec
    spec.outputs = spec.outputs.map {
      var o = $0
      o.file = nil
      return o
    }
    return Provenance(specHash: SHA256.hex(JSONWriter.compact(spec.node)), seed: seed)
  }
}
