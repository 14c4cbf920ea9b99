import Foundation
import Testing

// The synchronous helpers of the tests written before the helpers became async. Each blocks a thread of the
// test runner's pool (two on two cores) until its process ends, so that every other test waits: a test awaits
// the async helper of the same name instead. Remove this file once no test uses it.

extension Command {
    @available(*, deprecated, message: "await run()")
    public func runBlocking() throws -> RunResult {
        let running = try RunningProcess(self, input: input)
        running.block(untilEnded: true)
        return running.result
    }
}

extension Binary {
    @available(*, deprecated, message: "await the async Binary.run")
    public static func run(
        _ executable: String, _ arguments: [String], input: String = "", directory: String,
        environment: [String: String]
    ) throws -> RunResult {
        try Command(executable, arguments, input: input, directory: directory, environment: environment)
            .runBlocking()
    }
}

extension RunningProcess {
    @available(*, deprecated, message: "await finish()")
    public func finish() {
        try? stdin.close()
        block(untilEnded: true)
    }

    @available(*, deprecated, message: "await waitForStderr(containing:)")
    public func waitForStderr(containing text: String) throws {
        for _ in 0..<400 where !stderr.contains(text) { usleep(25_000) }
        #expect(stderr.contains(text), "waited for \(text) on stderr, got:\n\(stderr)")
    }

    /// What tests read of the Foundation `Process` this used to be.
    @available(*, deprecated, message: "use pid, hasExited, signal(_:) and await waitForExit()")
    public var process: ProcessView { ProcessView(running: self) }

    public struct ProcessView {
        let running: RunningProcess
        public var processIdentifier: Int32 { running.pid }
        public var isRunning: Bool { !running.hasExited }
        public func waitUntilExit() { running.block(untilEnded: false) }
    }
}

extension Sandbox {
    @available(*, deprecated, message: "await the async run")
    @discardableResult
    public func run(
        _ executable: String, _ arguments: [String], environment: [String: String] = [:]
    ) throws -> RunResult {
        try tool(executable, arguments, environment: environment).runBlocking()
    }

    @available(*, deprecated, message: "await the async run")
    @discardableResult
    public func run(
        _ arguments: [String], input: String = "", in directory: String? = nil, environment: [String: String] = [:]
    ) throws -> RunResult {
        try micsync(arguments, input: input, in: directory, environment: environment).runBlocking()
    }

    @available(*, deprecated, message: "await the async runUnprivileged")
    public func runUnprivileged(_ arguments: [String], unreadable: [String]) throws -> RunResult {
        try unprivileged(arguments, unreadable: unreadable).runBlocking()
    }

    @available(*, deprecated, message: "await the async runInTerminal")
    @discardableResult
    public func runInTerminal(
        _ arguments: [String], input: String = "", environment: [String: String] = [:]
    ) throws -> RunResult {
        try inTerminal(arguments, input: input, environment: environment).runBlocking()
    }

    @available(*, deprecated, message: "await the async expectRun")
    @discardableResult
    public func expectRun(
        _ arguments: [String], input: String = "", in directory: String? = nil,
        environment: [String: String] = [:], status: Int32, _ comment: Comment? = nil,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> RunResult {
        let result = try micsync(arguments, input: input, in: directory, environment: environment).runBlocking()
        result.expect(status: status, comment, sourceLocation: sourceLocation)
        return result
    }

    @available(*, deprecated, message: "await the async expectRunInTerminal")
    @discardableResult
    public func expectRunInTerminal(
        _ arguments: [String], input: String = "", environment: [String: String] = [:], status: Int32,
        _ comment: Comment? = nil, sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> RunResult {
        let result = try inTerminal(arguments, input: input, environment: environment).runBlocking()
        result.expect(status: status, comment, sourceLocation: sourceLocation)
        return result
    }

    @available(*, deprecated, message: "await the async expectRunUnprivileged")
    @discardableResult
    public func expectRunUnprivileged(
        _ arguments: [String], unreadable: [String], status: Int32, _ comment: Comment? = nil,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> RunResult {
        let result = try unprivileged(arguments, unreadable: unreadable).runBlocking()
        result.expect(status: status, comment, sourceLocation: sourceLocation)
        return result
    }
}

/// Polls `condition` every 20 ms; false when it did not hold within `seconds`.
@available(*, deprecated, message: "await the async waitUntil")
public func waitUntil(_ seconds: Double = 10, _ condition: () -> Bool) -> Bool {
    let deadline = Date(timeIntervalSinceNow: seconds)
    while !condition() {
        if Date() > deadline { return false }
        usleep(20_000)
    }
    return true
}
