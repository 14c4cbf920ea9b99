/// What to do when ssh cannot reach a host, from ssh's own last words: only a host key that could not be
/// verified is answered with running `ssh HOST` once; a refused connection or no answer is no key problem.
enum SshHint {
    static func hint(_ reason: String, host: String) -> String {
        let ssh = "`ssh \(RsyncInvocation.shellQuoted(host))`"
        let said = reason.lowercased()
        if said.contains("host key verification failed") || said.contains("host key for") {
            return "run \(ssh) once, to check and accept its host key"
        }
        if said.contains("permission denied") {
            return "load your key into the agent (`ssh-add`), or add it to \(host)'s authorized_keys; \(ssh) must "
                + "log in without a password"
        }
        if said.contains("connection refused") {
            return "is the ssh server on \(host) running, and on the port your ssh config says? try \(ssh)"
        }
        if said.contains("could not resolve hostname") || said.contains("name or service not known") {
            return "is \(host) the right name (in the config file, or in ~/.ssh/config)? try \(ssh)"
        }
        if said.contains("timed out") || said.contains("no route to host") || said.contains("network is unreachable") {
            return "is \(host) switched on and on this network? try \(ssh)"
        }
        return "try \(ssh) to see why"
    }
}
