/// The exit codes of every command, for cron and scripts (documented in the README).
public enum ExitStatus: Int32, Sendable {
    /// Everything read was accepted (warnings allowed).
    case success = 0
    /// The run failed: an output could not be written, the store could not be opened.
    case failure = 1
    /// The run completed, but some files or rows were rejected.
    case rejected = 2
    /// `run` only: nothing new in `inputs/`, and every report in `outputs/` up to date.
    case nothingToDo = 3
    /// `templates/` is missing or wrong.
    case configuration = 4
    /// Another run holds the store's lock.
    case locked = 5
}
