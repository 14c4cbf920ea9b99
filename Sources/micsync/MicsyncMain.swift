import Foundation
import MicsyncCommands

@main
struct MicsyncMain {
    static func main() async {
        exit(await Micsync.main(arguments: Array(CommandLine.arguments.dropFirst())))
    }
}
