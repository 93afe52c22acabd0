import Foundation
import TonghopBase
import TonghopCatalog
import TonghopIngest
import TonghopValidate
import TonghopStore
import TonghopAggregate
import TonghopRender

/// `outputs/phieu-bao-loi/`: one ``ErrorSlip`` per file of `inputs/` whose latest version was
/// rejected or partly rejected, at the same relative path with `.txt` added
/// (`2024/35-ha-nam/2024-Q1/xa/13285.csv` → `phieu-bao-loi/2024/35-ha-nam/2024-Q1/xa/13285.csv.txt`).
///
/// The folder always shows the inbox as it stands: every run rewrites the slips of the files
/// still bad and removes the slips of files since corrected (or taken out of `inputs/`), so a
/// compiler never sends back a slip for a problem already fixed.
///
/// Names come from input paths, which people choose: every component is cleaned (no `..`,
/// no leading dot, no separators or control characters) and the result is checked to lie
/// inside the folder, so no file name can make tonghop write anywhere else.
public enum ErrorSlipFolder {
    public static let name = "phieu-bao-loi"

    /// The slip's path for an input path, inside `folder`.
    public static func url(for inputPath: String, in folder: URL) -> URL? {
        let components = inputPath.split(whereSeparator: { $0 == "/" || $0 == "\\" }).map { safe(String($0)) }.filter { !$0.isEmpty }
        guard !components.isEmpty else { return nil }
        var url = folder
        for (i, c) in components.enumerated() {
            url.appendPathComponent(i == components.count - 1 ? c + ".txt" : c)
        }
        let root = folder.standardizedFileURL.path + "/"
        return url.standardizedFileURL.path.hasPrefix(root) ? url : nil
    }

    /// A path component that is a plain name: at most 150 characters of letters, digits and
    /// the harmless punctuation of file names.
    package static func safe(_ component: String) -> String {
        var out = ""
        for ch in component.precomposedStringWithCanonicalMapping {
            if ch.isLetter || ch.isNumber || " -_.,()[]+".contains(ch) { out.append(ch) } else { out.append("_") }
        }
        while out.hasPrefix(".") || out.hasPrefix(" ") { out.removeFirst() }
        return String(out.prefix(150))
    }

    /// Writes one file's slip (atomically), leaving the others as they are: an upload's.
    public static func write(_ text: String, for inputPath: String, in folder: URL) throws -> URL? {
        guard let url = url(for: inputPath, in: folder) else { return nil }
        try AtomicFile.write(text, to: url)
        return url
    }

    /// Writes the slips (each atomically) and removes the stale ones; returns the slips written.
    public static func sync(_ slips: [(path: String, text: String)], folder: URL) throws -> [URL] {
        var written: [URL] = []
        for slip in slips {
            guard let url = url(for: slip.path, in: folder) else { continue }
            try AtomicFile.write(slip.text, to: url)
            written.append(url)
        }
        let keep = Set(written.map(\.standardizedFileURL.path))
        guard let e = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isDirectoryKey]) else { return written }
        var folders: [URL] = []
        for case let url as URL in e {
            if (try? url.resourceValues(forKeys: [.isDirectoryKey]).isDirectory) == true {
                folders.append(url)
            } else if url.pathExtension == "txt", !keep.contains(url.standardizedFileURL.path) {
                try FileManager.default.removeItem(at: url)
            }
        }
        // Deepest first, so that a folder emptied of its sub-folders goes too.
        for f in folders.sorted(by: { $0.path.count > $1.path.count })
        where (try? FileManager.default.contentsOfDirectory(atPath: f.path).isEmpty) == true {
            try FileManager.default.removeItem(at: f)
        }
        return written
    }
}
