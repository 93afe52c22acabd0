import Foundation
import ZIPFoundation
import TonghopBase
import TonghopCatalog

/// One part of a zipped office file (`.xlsx`, `.ods`), extracted within a budget.
///
/// A small zip can hide a huge part, and a zip's headers may lie about the size of what they
/// hold: the bytes are counted as they come out, and extraction stops one byte past what is
/// left of the file's budget, whatever the header said.
package enum ZipPart {
    package typealias Refusal = InputWorkbook.Refusal

    /// What all the parts of one file may hold together once uncompressed: as much as a CSV
    /// file may (``TextDecoding/maximumFileSize``).
    package struct Budget {
        package var left = TextDecoding.maximumFileSize
    }

    package static func extract(_ archive: Archive, _ path: String, budget: inout Budget) throws -> Data {
        guard let entry = archive[path] else { throw Refusal(code: .unreadableWorkbook, detail: "thiếu phần \(path)") }
        let limit = budget.left
        let megabytes = TextDecoding.maximumFileSize / 1_048_576
        let tooLarge = Refusal(code: .tooLarge, detail: "\(path): quá \(megabytes) MB khi giải nén (cả tệp tối đa \(megabytes) MB)")
        guard entry.uncompressedSize <= UInt64(limit) else { throw tooLarge }
        var data = Data()
        do {
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                guard data.count + chunk.count <= limit else { throw tooLarge }
                data.append(chunk)
            }
        } catch let refusal as Refusal {
            throw refusal
        } catch {
            throw Refusal(code: .unreadableWorkbook, detail: "phần \(path) bị hỏng")
        }
        budget.left -= data.count
        return data
    }
}
