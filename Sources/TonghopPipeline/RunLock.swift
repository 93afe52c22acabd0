import Foundation
import TonghopBase
import TonghopCatalog
import TonghopIngest
import TonghopValidate
import TonghopStore
import TonghopAggregate
import TonghopRender

/// An exclusive lock beside the store (`tonghop.sqlite.lock`), so that two runs at once (two
/// cron entries, cron and a person) never interleave their writes. The kernel releases it
/// when the process ends, even if it is killed.
public final class RunLock {
    private let descriptor: Int32

    /// Waits up to `wait` seconds for the lock; nil if another run still holds it.
    public init?(beside store: URL, wait: Double) throws {
        let path = store.path + ".lock"
        try FileManager.default.createDirectory(at: store.deletingLastPathComponent(), withIntermediateDirectories: true)
        let fd = open(path, O_RDWR | O_CREAT, 0o644)
        guard fd >= 0 else { throw ConfigurationError(file: path, "không tạo được tệp khóa: \(String(cString: strerror(errno)))") }
        let deadline = Date().addingTimeInterval(wait)
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            if Date() >= deadline {
                close(fd)
                return nil
            }
            usleep(100_000)
        }
        descriptor = fd
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
