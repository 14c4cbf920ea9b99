#!/bin/sh
# Scaffolds a new action module: `make new-action NAME=foo` (README: "Adding an action").
# Writes Sources/Actions/Foo/Foo.swift and Tests/EndToEndTests/Actions/FooTests.swift, and registers the
# module with one line in Package.swift's actionModules and two in Sources/MicsyncCommands/Registry.swift.
set -eu

name=${1:-}
case "$name" in
    "" | *[!a-z0-9-]* | [!a-z]* | *- | *--*)
        echo "usage: make new-action NAME=foo (lowercase letters, digits and single dashes, starting with a letter)" >&2
        exit 2 ;;
esac
# foo-bar → FooBar: the module's folder, the action's type; its target is FooBarAction.
type=$(printf '%s\n' "$name" \
    | awk -F- '{ for (i = 1; i <= NF; i++) printf "%s%s", toupper(substr($i, 1, 1)), substr($i, 2) }')
folder="Sources/Actions/$type"
test_file="Tests/EndToEndTests/Actions/${type}Tests.swift"

for existing in "$folder" "$test_file"; do
    if [ -e "$existing" ]; then echo "new-action: $existing already exists" >&2; exit 2; fi
done
if grep -q "(\"${type}Action\"," Package.swift || grep -q "commandName: \"$name\"\|name = \"$name\"" -r Sources; then
    echo "new-action: an action named $name is already registered" >&2
    exit 2
fi

mkdir -p "$folder" "$(dirname "$test_file")"
cat > "$folder/$type.swift" <<SWIFT
import MicsyncCLI
import MicsyncKit

/// WORKING → every accessible BACKUP, asking before overwriting; never deletes. Edit to taste: see the
/// protocol \`SyncAction\` for everything an action can declare.
public enum $type: SyncAction {
    /// -m and the common options; \`MirrorOptions\` adds -d -D, \`CompareOptions\` is for read-only actions,
    /// and a struct of your own can add flags (see Sources/Actions/Diff).
    public typealias Options = CopyOptions

    public static let name = "$name"
    public static let originallySpelled = true
    /// Source and destinations: WORKING → every BACKUP. Declare \`endpoints\` for another choice
    /// (\`LocationChooser\` has the pieces).
    public static let direction: Direction = .workingToBackup
    public static let summary = "Copy from a WORKING location to every accessible BACKUP."
    public static let discussion = """
        New files are copied and listed; modified files are listed and you are asked once per BACKUP \\
        whether to overwrite them (-m: without asking). Nothing is deleted.

        Examples:
          micsync $name ~/docs          copy ~/docs to every BACKUP
          micsync --$name -n ~/docs     the original's spelling; a dry run
        """
}
SWIFT

cat > "$test_file" <<SWIFT
import Foundation
import TestSupport
import Testing

/// \`micsync $name\`, run for real on a sandbox tree.
@Suite struct ${type}Tests {
    @Test func copiesToEveryBackup() throws {
        let box = try Sandbox()
        try box.standard()
        try box.write("report", at: "w/docs/report.txt")

        let result = try box.run(["$name", "w/docs"])
        #expect(result.status == 0, "\\(result)")
        #expect(box.read("b1/docs/report.txt") == "report")
        #expect(box.read("b2/docs/report.txt") == "report")
    }

    @Test func answersToHelpInBothSpellings() throws {
        let box = try Sandbox()
        for arguments in [["$name", "--help"], ["--$name", "--help"], ["help", "$name"]] {
            let result = try box.run(arguments)
            #expect(result.status == 0, "\\(arguments): \\(result)")
            #expect(result.stdout.contains("Examples:"), "\\(arguments): \\(result)")
        }
    }
}
SWIFT

# Registration: one line in Package.swift's actionModules list, an import and a command in the registry.
awk -v line="    (\"${type}Action\", \"$type\")," '
    /^let actionModules/ { inside = 1 }
    inside && /^\]/ { print line; inside = 0 }
    { print }' Package.swift > Package.swift.new && mv Package.swift.new Package.swift
awk -v import_line="import ${type}Action" -v command="        SyncCommand<$type>.self," '
    /^import / && !imported && $0 > import_line { print import_line; imported = 1 }
    /^$/ && !imported && seen_import { print import_line; imported = 1 }
    /^import / { seen_import = 1 }
    /^    \];?$/ && inside { print command; inside = 0 }
    /commands: \[/ { inside = 1 }
    { print }' Sources/MicsyncCommands/Registry.swift > Registry.swift.new \
    && mv Registry.swift.new Sources/MicsyncCommands/Registry.swift

echo "new-action: wrote $folder/$type.swift and $test_file;"
echo "new-action: registered ${type}Action in Package.swift and Sources/MicsyncCommands/Registry.swift"
