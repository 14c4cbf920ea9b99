import Testing

extension RunResult {
    /// Records an issue at the caller, with all the process printed, unless it exited with `expected`.
    public func expect(
        status expected: Int32, _ comment: Comment? = nil, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(!killedBySignal && status == expected, "\(context(comment))\(self)", sourceLocation: sourceLocation)
    }

    /// Records an issue at the caller unless the process died of `signal` (and not of its own accord first).
    public func expect(
        killedBy signal: Int32, _ comment: Comment? = nil, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(killedBySignal && status == signal, "\(context(comment))\(self)", sourceLocation: sourceLocation)
    }

    private func context(_ comment: Comment?) -> String { comment.map { "\($0): " } ?? "" }
}

/// The runs of micsync with the exit status each must end with: a status nobody checks lets a crash pass.
extension Sandbox {
    @discardableResult
    public func expectRun(
        _ arguments: [String], input: String = "", in directory: String? = nil,
        environment: [String: String] = [:], status: Int32, _ comment: Comment? = nil,
        sourceLocation: SourceLocation = #_sourceLocation
    ) async throws -> RunResult {
        let result = try await run(arguments, input: input, in: directory, environment: environment)
        result.expect(status: status, comment, sourceLocation: sourceLocation)
        return result
    }

    @discardableResult
    public func expectRunInTerminal(
        _ arguments: [String], input: String = "", environment: [String: String] = [:], status: Int32,
        _ comment: Comment? = nil, sourceLocation: SourceLocation = #_sourceLocation
    ) async throws -> RunResult {
        let result = try await runInTerminal(arguments, input: input, environment: environment)
        result.expect(status: status, comment, sourceLocation: sourceLocation)
        return result
    }

    @discardableResult
    public func expectRunUnprivileged(
        _ arguments: [String], unreadable: [String], status: Int32, _ comment: Comment? = nil,
        sourceLocation: SourceLocation = #_sourceLocation
    ) async throws -> RunResult {
        let result = try await runUnprivileged(arguments, unreadable: unreadable)
        result.expect(status: status, comment, sourceLocation: sourceLocation)
        return result
    }
}
