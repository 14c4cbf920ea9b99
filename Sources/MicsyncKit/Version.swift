/// The one place the version of micsync is written.
/// `micsync --version` prints it; `micsync-release` reads this file from the repository it runs in.
public enum MicsyncVersion {
    public static let current = "0.1.0"
}
