import Foundation
import TonghopBase
import TonghopCatalog
import TonghopIngest
import TonghopValidate
import TonghopStore
import TonghopAggregate
import TonghopRender

/// Checks, before anything is read or stored, that `outputs/` can be written: creates the
/// folder if needed, then creates, writes and removes a small probe file. An unwritable folder
/// (read-only, full disk, a file in its place) then stops the run with the store untouched,
/// instead of after the data was stored.
public enum OutputsProbe {
    public static func check(_ outputs: URL) throws {
        // Its own error is not the clearest: the probe below says why the folder is unusable.
        try? FileManager.default.createDirectory(at: outputs, withIntermediateDirectories: true)
        let probe = outputs.appendingPathComponent(".tonghop-probe.\(getpid()).tmp")
        let fd = open(probe.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw failure(outputs) }
        let bytes = Array("tonghop\n".utf8)
        let written = write(fd, bytes, bytes.count)
        let saved = errno
        close(fd)
        unlink(probe.path)
        guard written == bytes.count else {
            errno = saved
            throw failure(outputs)
        }
    }

    private static func failure(_ outputs: URL) -> OutputError {
        let number = errno
        return OutputError(stage: .probe, path: outputs.path, errorNumber: number, detail: String(cString: strerror(number)))
    }
}
