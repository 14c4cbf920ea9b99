import MicsyncCLI
import MicsyncKit

/// `--color auto|always|never`, anywhere before `--`: taken out of the arguments before parsing, so that
/// every command honours it (the root and the sync actions declare it for help and completions).
enum ColourOption {
    /// The choice (the last one given, `auto` without one) and the other arguments.
    static func take(_ arguments: [String]) throws(MicsyncError) -> (choice: Style.Choice, rest: [String]) {
        var choice = Style.Choice.auto
        var rest: [String] = []
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            if argument == "--" {
                rest += arguments[index...]
                break
            }
            let value: String?
            if argument == "--color" {
                index += 1
                value = index < arguments.count ? arguments[index] : nil
            } else if argument.hasPrefix("--color=") {
                value = String(argument.dropFirst("--color=".count))
            } else {
                rest.append(argument)
                index += 1
                continue
            }
            guard let value, let given = Style.Choice(rawValue: value) else {
                throw .usage("--color takes auto, always or never")
            }
            choice = given
            index += 1
        }
        return (choice, rest)
    }
}
