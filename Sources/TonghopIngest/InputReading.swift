import Foundation
import TonghopBase


/// Reads an input file into memory, never more than ``TextDecoding/maximumFileSize`` + 1
/// bytes of it, whatever the file is.
///
/// A report is a few kilobytes. A file that keeps growing, a symbolic link to `/dev/zero`,
/// or a named pipe nobody writes to must neither hang the run nor fill the memory: the file
/// is opened without blocking, refused unless it is a regular file, and read in chunks up to
/// the limit; one byte more than the limit is enough to know it is too large.
public enum InputReading {
    public enum Result {
        case bytes([UInt8])
        case refused(ProblemCode, detail: Wording)
    }

    /// - Parameter followingLinks: false for the inbox: the scan has resolved the links it
    ///   follows (to files inside `inputs/`), and a file swapped for a link since is refused,
    ///   not followed. `check` reads the paths it is given as they are.
    public static func contents(of path: String, limit: Int = TextDecoding.maximumFileSize, followingLinks: Bool = true) -> Result {
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | (followingLinks ? 0 : O_NOFOLLOW))
        if fd < 0 && errno == ELOOP && !followingLinks { return .refused(.linkOutsideInbox, detail: Wording("")) }
        guard fd >= 0 else { return .refused(.readFailed, detail: Wording(String(cString: strerror(errno)))) }
        defer { close(fd) }
        var status = stat()
        guard fstat(fd, &status) == 0 else { return .refused(.readFailed, detail: Wording(String(cString: strerror(errno)))) }
        switch status.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: return .refused(.notARegularFile, detail: Messages.fileKind(.directory))
        case S_IFIFO: return .refused(.notARegularFile, detail: Messages.fileKind(.fifo))
        case S_IFCHR, S_IFBLK: return .refused(.notARegularFile, detail: Messages.fileKind(.device))
        case S_IFSOCK: return .refused(.notARegularFile, detail: Messages.fileKind(.socket))
        default: return .refused(.notARegularFile, detail: Messages.fileKind(.other))
        }
        // Read straight into the array, sized by what fstat says plus one byte (to notice a file
        // that grew), growing only if the file keeps growing; no zeroed buffer per file.
        var bytes: [UInt8] = []
        var capacity = min(Int(status.st_size), limit) + 1
        while true {
            var failed: Int32 = 0
            let previous = bytes
            bytes = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
                previous.withUnsafeBufferPointer { old in
                    if let from = old.baseAddress, old.count > 0 { buffer.baseAddress!.update(from: from, count: old.count) }
                }
                count = previous.count
                while count < capacity {
                    let n = read(fd, buffer.baseAddress! + count, capacity - count)
                    if n < 0 {
                        if errno == EINTR { continue }
                        failed = errno
                        return
                    }
                    if n == 0 { break }
                    count += n
                }
            }
            if failed != 0 { return .refused(.readFailed, detail: Wording(String(cString: strerror(failed)))) }
            // Short of the capacity: the end of the file. At the limit + 1: too large.
            if bytes.count < capacity || bytes.count > limit { break }
            capacity = min(capacity * 2, limit + 1)
        }
        if bytes.count > limit {
            return .refused(.tooLarge, detail: Messages.sizeLimit(megabytes: limit / 1_048_576, limit: limit / 1_048_576))
        }
        return .bytes(bytes)
    }
}
