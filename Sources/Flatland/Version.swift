/// The toolkit's version, recorded in every file it writes (`flatland --version`).
public enum FlatlandVersion {
  public static let string = "0.3.0"
}
