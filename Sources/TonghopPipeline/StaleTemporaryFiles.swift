import Foundation
import TonghopBase
import TonghopCatalog
import TonghopIngest
import TonghopValidate
import TonghopStore
import TonghopAggregate
import TonghopRender

/// The temporary files (`.<name>.<pid>.tmp`) that a killed run left under `outputs/`.
///
/// Workbooks and CSV files are written under such a name and renamed into place when complete
/// (``WorkbookWriter``, ``AtomicFile``), so a half-written file never has a real name; a run
/// killed half-way leaves its temporary file behind. Only files whose process is gone are
/// removed: a `tonghop report` running beside us still owns its own.
public enum StaleTemporaryFiles {
    /// Removes them; returns their paths relative to `outputs/`.
    public static func remove(under outputs: URL) -> [String] {
        guard let walker = FileManager.default.enumerator(at: outputs, includingPropertiesForKeys: [.isRegularFileKey]) else { return [] }
        var removed: [String] = []
        let root = outputs.standardizedFileURL.path + "/"
        for case let url as URL in walker {
            guard let pid = writer(of: url.lastPathComponent), pid != getpid(), !isRunning(pid) else { continue }
            if (try? FileManager.default.removeItem(at: url)) != nil {
                let path = url.standardizedFileURL.path
                removed.append(path.hasPrefix(root) ? String(path.dropFirst(root.count)) : path)
            }
        }
        return removed.sorted()
    }

    /// The process id in a temporary name `.<name>.<pid>.tmp`; nil for any other name.
    package static func writer(of name: String) -> pid_t? {
        guard name.hasPrefix("."), name.hasSuffix(".tmp") else { return nil }
        let parts = name.dropLast(4).split(separator: ".")
        guard parts.count >= 2, let pid = parts.last.flatMap({ pid_t($0) }), pid > 0 else { return nil }
        return pid
    }

    package static func isRunning(_ pid: pid_t) -> Bool {
        kill(pid, 0) == 0 || errno == EPERM
    }
}
