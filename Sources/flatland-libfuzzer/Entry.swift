// The libFuzzer target (`make libfuzz`): coverage-guided inputs through the same checks as
// `make fuzz`. The first byte of an input picks the parser (formula, label, spec file, command
// line), the rest is its text. Built with `-sanitize=fuzzer -D LIBFUZZER`; a normal build is a
// replayer instead: `flatland-libfuzzer FILE…` runs saved inputs (crash-* files) through the checks.
import FlatlandFuzzing
import Foundation

let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("flatland-libfuzz-\(getpid())")
nonisolated(unsafe) let checks: InputChecks = {
  try? FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
  return InputChecks(scratch: scratch)
}()

/// Ends the process on a verdict that is a bug, so that libFuzzer keeps the input.
func judge(_ verdict: FuzzVerdict, _ input: [UInt8]) {
  switch verdict {
  case .accepted, .refused: return
  case .strayFiles(let files): print("flatland-libfuzzer: a refused command line left \(files)")
  case .disagreement: print("flatland-libfuzzer: refused in-process, run by the command")
  }
  abort()
}

#if LIBFUZZER
  /// One input. libFuzzer's runtime refers to it by this name.
  @_cdecl("LLVMFuzzerTestOneInput")
  public func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    // Inputs over 8 KB only slow the search; the formula limit alone is 4000 characters.
    guard let data, size <= 8192 else { return 0 }
    let input = Array(UnsafeBufferPointer(start: data, count: size))
    judge(checks.bytes(input), input)
    return 0
  }

  /// libFuzzer's driver (compiler-rt): SwiftPM links the executable's own `main`, which starts it.
  @_silgen_name("LLVMFuzzerRunDriver")
  func runDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
  ) -> CInt
#endif

@main struct Entry {
  static func main() {
    #if LIBFUZZER
      atexit { try? FileManager.default.removeItem(at: scratch) }
      var argc = CommandLine.argc
      var argv = CommandLine.unsafeArgv
      exit(runDriver(&argc, &argv) { fuzzOne($0, $1) })
    #else
      let files = CommandLine.arguments.dropFirst()
      guard !files.isEmpty else {
        print("usage: flatland-libfuzzer FILE…   (replays saved inputs; build with make libfuzz to fuzz)")
        exit(2)
      }
      for file in files {
        guard let data = FileManager.default.contents(atPath: file) else {
          print("\(file): cannot read")
          exit(2)
        }
        let verdict = checks.bytes(Array(data))
        judge(verdict, Array(data))
        print("\(file): \(verdict)")
      }
      try? FileManager.default.removeItem(at: scratch)
    #endif
  }
}
