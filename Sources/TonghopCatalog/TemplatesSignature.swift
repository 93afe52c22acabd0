import Foundation

extension Catalog {
    /// What `templates/` holds, as a text that changes when any file in it does: every file's
    /// path, size and modification time, sub-folders included (the plans of `plans/`). Cheap
    /// (no file is read): the portal compares it to reload the catalog, and a run to know that
    /// reports written from other templates are stale.
    public static func templatesSignature(_ templates: URL) -> String {
        // `templates/` is often a link to a shared folder: its files are those of its target.
        let folder = templates.resolvingSymlinksInPath()
        let keys: [URLResourceKey] = [.fileSizeKey, .contentModificationDateKey, .isRegularFileKey]
        let files = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: keys)?.compactMap { $0 as? URL } ?? []
        var parts: [String] = []
        for url in files.sorted(by: { $0.path < $1.path }) {
            let values = try? url.resourceValues(forKeys: Set(keys))
            guard values?.isRegularFile == true else { continue }
            parts.append("\(url.path.dropFirst(folder.path.count))=\(values?.fileSize ?? -1)@\(values?.contentModificationDate?.timeIntervalSince1970 ?? 0)")
        }
        return parts.joined(separator: "\n")
    }
}
