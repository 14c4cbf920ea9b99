import Foundation
import MicsyncCommands
import MicsyncKit

@main
struct MicsyncMain {
    static func main() async {
        // Raw bytes, not CommandLine.arguments: a typed name that is not valid UTF-8 must reach its file.
        let arguments = Array(RawPath.arguments(CommandLine.argc, CommandLine.unsafeArgv).dropFirst())
        // Building the whole command tree costs ArgumentParser about 8 ms; the version needs none of it.
        if arguments == ["--version"] {
            print(MicsyncVersion.current)
            exit(0)
        }
        exit(await Micsync.main(arguments: arguments))
    }
}
