import Foundation

/// An input file found under `inputs/`.
public struct InputFile: Sendable {
    public let url: URL
    /// Path relative to `inputs/`, with `/`: the file's name in the store and in messages.
    public let relativePath: String
    public let size: Int64
    /// Modification time, seconds since 1970.
    public let modifiedAt: Double
}

/// Lists the report files under `inputs/` (sub-folders too), in path order.
///
/// Report files are `.csv`, `.txt` and `.tsv` (Excel's "Unicode Text" is saved as `.txt`), and
/// `.xlsx` (a filled blank form, or a report typed in Excel). Hidden files and folders are
/// skipped, and so are Excel's lock files (`~$name.xlsx`, left while a workbook is open);
/// nothing in `inputs/` is ever modified.
public enum InputScanner {
    static let extensions: Set<String> = ["csv", "txt", "tsv", "xlsx"]

    public static func scan(_ inputs: URL) throws -> [InputFile] {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: inputs.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ConfigurationError(file: inputs.path, "thư mục inputs không tồn tại")
        }
        let root = inputs.standardizedFileURL.resolvingSymlinksInPath().path
        var files: [InputFile] = []
        let keys: [URLResourceKey] = [.isRegularFileKey, .fileSizeKey, .contentModificationDateKey]
        guard let e = fm.enumerator(at: inputs, includingPropertiesForKeys: keys, options: [.skipsHiddenFiles]) else { return [] }
        for case let url as URL in e {
            guard extensions.contains(url.pathExtension.lowercased()), !url.lastPathComponent.hasPrefix("~$") else { continue }
            guard let values = try? url.resourceValues(forKeys: Set(keys)), values.isRegularFile == true else { continue }
            let full = url.standardizedFileURL.resolvingSymlinksInPath().path
            var relative = full.hasPrefix(root + "/") ? String(full.dropFirst(root.count + 1)) : url.lastPathComponent
            relative = relative.precomposedStringWithCanonicalMapping
            files.append(InputFile(url: url, relativePath: relative, size: Int64(values.fileSize ?? 0),
                                   modifiedAt: values.contentModificationDate?.timeIntervalSince1970 ?? 0))
        }
        return files.sorted { $0.relativePath < $1.relativePath }
    }
}
