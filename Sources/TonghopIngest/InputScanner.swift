import Foundation
import TonghopBase

/// An entry found under `inputs/`: a report file to read, or something named as not read.
public struct InputFile: Sendable {
    /// What tonghop does with an entry of the inbox.
    public enum Kind: Sendable, Equatable {
        /// A report file (`.csv`, `.txt`, `.tsv`, a workbook `.xlsx`, `.xls`, `.ods`, DHIS2's
        /// `.xml` or `.json`): read.
        case report
        /// A regular file of a kind tonghop does not read (a PDF, a Word file, a picture, a zip):
        /// named with what to do. The extension, lower case, as found.
        case notRead(String)
        /// A symbolic link that leads outside `inputs/`: never followed.
        case linkOutsideInbox
        /// Not a regular file: a folder behind a link, a pipe, a device.
        case notRegular(NonRegularFile)
    }

    /// The file's path on disk: for a link within the inbox, the file it leads to.
    public let path: String
    /// Path relative to `inputs/`, with `/`: the file's name in the store and in messages.
    public let relativePath: String
    public let size: Int64
    /// Modification time, seconds since 1970.
    public let modifiedAt: Double
    public let kind: Kind

    public var url: URL { URL(fileURLWithPath: path) }
}

/// Lists everything under `inputs/` (sub-folders too), in a stable order: each folder's
/// entries by name.
///
/// Report files are `.csv`, `.txt` and `.tsv` (Excel's "Unicode Text" is saved as `.txt`),
/// workbooks `.xlsx`, `.xls` and `.ods` (a filled blank form, or reports typed in Excel or
/// LibreOffice), and DHIS2's exchange files `.xml` (ADX) and `.json` (dataValueSets); what each
/// file is, is told from its content. Every other file is listed too,
/// as not read, so that the run names it: an officer who dropped a PDF must hear that nobody
/// read it. Hidden files and folders are skipped (`.DS_Store`, a `.git`), and so are Excel's
/// lock files (`~$name.xlsx`, left while a workbook is open).
///
/// A symbolic link is followed only to a file inside `inputs/`: an inbox shared with others (a
/// network share, the portal) must not let tonghop copy a file from elsewhere on the machine
/// into its store and outputs. A link to a folder is never followed, so a link can never make
/// the scan loop; pipes and devices are listed, never opened for reading here. Nothing in
/// `inputs/` is ever modified.
///
/// It walks the folders with `readdir` and `stat`: with tens of thousands of files, Foundation's
/// URL resource values cost more than reading the files.
public enum InputScanner {
    package static let extensions: Set<String> = ["csv", "txt", "tsv", "xlsx", "xls", "ods", "xml", "json"]

    public static func scan(_ inputs: URL) throws -> [InputFile] {
        var info = stat()
        guard stat(inputs.path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else {
            throw ConfigurationError(file: inputs.path, "thư mục inputs không tồn tại")
        }
        // Where the inbox really is, for telling where a link leads.
        let root = realPath(inputs.path) ?? inputs.path
        return walk(inputs.path, relative: "", root: root, parallel: true)
    }

    /// The canonical path of a file (links, `.` and `..` resolved), if it exists.
    package static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// The entries under a folder. The subfolders of the first folder that has several
    /// (the provinces of a year, or the years) are walked on every core: a warm run's time is
    /// mostly stat-ing tens of thousands of files. Only one level is: a parallel walk nested
    /// in another gains nothing, and a file beside the one year folder must not make the
    /// whole year one task.
    private static func walk(_ directory: String, relative: String, root: String, parallel: Bool) -> [InputFile] {
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
                return walk(directory + "/" + name, relative: relative + name + "/", root: root, parallel: parallel && !splitHere)
            }
            var relativePath = relative + name
            if !relativePath.isASCII { relativePath = relativePath.precomposedStringWithCanonicalMapping }
            func listed(_ kind: InputFile.Kind, path: String? = nil, _ status: stat) -> [InputFile] {
                [InputFile(path: path ?? directory + "/" + name, relativePath: relativePath, size: Int64(status.st_size),
                           modifiedAt: Double(status.st_mtim.tv_sec) + Double(status.st_mtim.tv_nsec) / 1_000_000_000, kind: kind)]
            }
            var readPath: String?
            if (info.st_mode & S_IFMT) == S_IFLNK {
                // A link is read as the file it leads to only when that file lies in the inbox.
                let linkInfo = info
                guard let target = realPath(directory + "/" + name), target.hasPrefix(root + "/") else {
                    return listed(.linkOutsideInbox, linkInfo)
                }
                guard stat(target, &info) == 0 else { return listed(.linkOutsideInbox, linkInfo) }
                readPath = target
            }
            switch info.st_mode & S_IFMT {
            case S_IFREG: break
            case S_IFDIR: return listed(.notRegular(.directory), info)
            case S_IFIFO: return listed(.notRegular(.fifo), info)
            case S_IFCHR, S_IFBLK: return listed(.notRegular(.device), info)
            case S_IFSOCK: return listed(.notRegular(.socket), info)
            default: return listed(.notRegular(.other), info)
            }
            let fileExtension = name.lastIndex(of: ".").map { name[name.index(after: $0)...].lowercased() } ?? ""
            guard extensions.contains(fileExtension) else { return listed(.notRead(fileExtension), info) }
            return listed(.report, path: readPath, info)
        }
        if splitHere {
            return ParallelMap.map(names.map(\.name)) { entry($0) }.flatMap { $0 }
        }
        return names.flatMap { entry($0.name) }
    }
}
