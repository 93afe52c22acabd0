import Foundation

/// An input file found under `inputs/`.
public struct InputFile: Sendable {
    /// The file's path on disk.
    public let path: String
    /// Path relative to `inputs/`, with `/`: the file's name in the store and in messages.
    public let relativePath: String
    public let size: Int64
    /// Modification time, seconds since 1970.
    public let modifiedAt: Double

    public var url: URL { URL(fileURLWithPath: path) }
}

/// Lists the report files under `inputs/` (sub-folders too), in a stable order: each folder's
/// entries by name.
///
/// Report files are `.csv`, `.txt` and `.tsv` (Excel's "Unicode Text" is saved as `.txt`), and
/// `.xlsx` (a filled blank form, or a report typed in Excel). Hidden files and folders are
/// skipped, and so are Excel's lock files (`~$name.xlsx`, left while a workbook is open) and
/// anything that is not a regular file (a pipe or a device never hangs a run); symbolic links
/// to folders are not followed, so a link can never make the scan loop. Nothing in `inputs/`
/// is ever modified.
///
/// It walks the folders with `readdir` and `stat`: with tens of thousands of files, Foundation's
/// URL resource values cost more than reading the files.
public enum InputScanner {
    static let extensions: Set<String> = ["csv", "txt", "tsv", "xlsx"]

    public static func scan(_ inputs: URL) throws -> [InputFile] {
        var info = stat()
        guard stat(inputs.path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else {
            throw ConfigurationError(file: inputs.path, "thư mục inputs không tồn tại")
        }
        return walk(inputs.path, relative: "", parallel: true)
    }

    /// The report files under a folder. The subfolders of the first folder that has several
    /// (the provinces of a year, or the years) are walked on every core: a warm run's time is
    /// mostly stat-ing tens of thousands of files. Only one level is: a parallel walk nested
    /// in another gains nothing, and a file beside the one year folder must not make the
    /// whole year one task.
    private static func walk(_ directory: String, relative: String, parallel: Bool) -> [InputFile] {
        guard let handle = opendir(directory) else { return [] }
        defer { closedir(handle) }
        // Each folder's entries in byte order of their names: a stable order for every run,
        // without comparing whole paths across tens of thousands of files.
        var names: [(key: [UInt8], name: String)] = []
        var folders = 0
        while let entry = readdir(handle) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self))
            }
            if name.hasPrefix(".") || name.hasPrefix("~$") { continue }
            names.append((Array(name.utf8), name))
            // The type from the folder listing, when the file system gives it (else maybe a folder).
            let type = Int(entry.pointee.d_type)
            if type == Int(DT_DIR) || type == Int(DT_UNKNOWN) || type == Int(DT_LNK) { folders += 1 }
        }
        names.sort { $0.key.lexicographicallyPrecedes($1.key) }
        // Entries are looked at relative to the open folder: the kernel does not walk the
        // whole path again for each of tens of thousands of files.
        let folder = dirfd(handle)
        let splitHere = parallel && folders > 1
        @Sendable func entry(_ name: String) -> [InputFile] {
            var info = stat()
            guard fstatat(folder, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { return [] }
            if (info.st_mode & S_IFMT) == S_IFDIR {
                return walk(directory + "/" + name, relative: relative + name + "/", parallel: parallel && !splitHere)
            }
            // A link to a file is read as that file.
            if (info.st_mode & S_IFMT) == S_IFLNK && fstatat(folder, name, &info, 0) != 0 { return [] }
            guard (info.st_mode & S_IFMT) == S_IFREG else { return [] }
            guard let dot = name.lastIndex(of: "."), extensions.contains(name[name.index(after: dot)...].lowercased()) else { return [] }
            let relativePath = relative + name
            return [InputFile(path: directory + "/" + name,
                              relativePath: relativePath.isASCII ? relativePath : relativePath.precomposedStringWithCanonicalMapping,
                              size: Int64(info.st_size),
                              modifiedAt: Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1_000_000_000)]
        }
        if splitHere {
            return ParallelMap.map(names.map(\.name)) { entry($0) }.flatMap { $0 }
        }
        return names.flatMap { entry($0.name) }
    }
}
