import Foundation
import MicsyncCommands
import MicsyncKit

@main
struct MicsyncMain {
    static func main() async {
        let arguments = Array(CommandLine.arguments.dropFirst())
        // Building the whole command tree costs ArgumentParser about 8 ms; the version needs none of it.
        if arguments == ["--version"] {
            print(MicsyncVersion.current)
            exit(0)
        }
        exit(await Micsync.main(arguments: arguments))
    }
}
