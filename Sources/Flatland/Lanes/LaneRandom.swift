/// One random stream per lane: each run draws from its own stream, as it would alone.
///
/// A run's numbers depend on what the run is (ALGORITHMS.md A6), never on which lanes it shares a
/// batch with: lane `i` only ever draws from stream `i`, and only when its run would.
public protocol LaneRandom {
  associatedtype Stream: RandomNumberGeneratorWithGaussian
  /// Runs `body` on lane `i`'s stream.
  mutating func withStream<T>(lane i: Int, _ body: (inout Stream) -> T) -> T
}

extension LaneRandom {
  @inline(__always) public mutating func uniform(lane i: Int) -> Double { withStream(lane: i) { $0.nextUniform() } }
  @inline(__always) public mutating func gaussianPair(lane i: Int) -> Vec2 {
    withStream(lane: i) { $0.nextGaussianPair() }
  }
}

/// The one stream of a run stepped alone.
public struct SingleStream<R: RandomNumberGeneratorWithGaussian>: LaneRandom {
  public var stream: R
  public init(_ stream: R) { self.stream = stream }
  @inline(__always) public mutating func withStream<T>(lane i: Int, _ body: (inout R) -> T) -> T { body(&stream) }
}

/// The streams of the eight runs in a batch's lanes.
public struct LaneStreams: LaneRandom {
  public var streams: [Xoshiro256StarStar]
  public init(_ streams: [Xoshiro256StarStar]) {
    precondition(streams.count == Lanes8.width, "one stream per lane")
    self.streams = streams
  }
  @inline(__always)
  public mutating func withStream<T>(lane i: Int, _ body: (inout Xoshiro256StarStar) -> T) -> T {
    body(&streams[i])
  }
}
