import TonghopBase
import TonghopCatalog

/// A Compound File (MS-CFB, the container of `.xls` and `.doc` files) read from its bytes, as
/// far as finding one stream and reading it: the header, the sector allocation table (FAT), the
/// directory, and the mini stream for small streams.
///
/// Every offset and chain is checked against the bytes there are: a chain that loops or points
/// past the end, a stream longer than the file, stop the reading with an error, never a crash
/// and never more memory than the file's size.
package struct CompoundFile {
    package struct Damaged: Error {
        package let reason: String
    }

    package static let signature: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]
    package static let endOfChain: UInt32 = 0xFFFF_FFFE

    private let bytes: [UInt8]
    private let sectorSize: Int
    private let fat: [UInt32]
    private let miniFAT: [UInt32]
    private let miniCutoff: Int
    /// The directory's streams: name, first sector, size; the root's gives the mini stream.
    private let entries: [(name: String, type: UInt8, start: UInt32, size: Int)]

    package init(_ bytes: [UInt8]) throws(Damaged) {
        guard bytes.count >= 512, bytes.starts(with: Self.signature) else { throw Damaged(reason: "không phải Compound File") }
        self.bytes = bytes
        let shift = Self.u16(bytes, 0x1E)
        guard shift == 9 || shift == 12 else { throw Damaged(reason: "cỡ sector \(shift) không hợp lệ") }
        sectorSize = 1 << Int(shift)
        miniCutoff = Int(Self.u32(bytes, 0x38))
        // The FAT's own sectors: 109 in the header, the rest in the DIFAT chain.
        var fatSectors: [UInt32] = (0..<109).map { Self.u32(bytes, 0x4C + 4 * $0) }.filter { $0 < Self.endOfChain }
        var difat = Self.u32(bytes, 0x44)
        let perSector = sectorSize / 4
        let sectorCount = max(0, bytes.count / sectorSize - 1)
        var steps = 0
        while difat < Self.endOfChain {
            steps += 1
            guard steps <= sectorCount, let at = Self.offset(of: difat, size: sectorSize, in: bytes) else {
                throw Damaged(reason: "chuỗi DIFAT hỏng")
            }
            for k in 0..<(perSector - 1) {
                let s = Self.u32(bytes, at + 4 * k)
                if s < Self.endOfChain { fatSectors.append(s) }
            }
            difat = Self.u32(bytes, at + 4 * (perSector - 1))
        }
        guard fatSectors.count <= sectorCount else { throw Damaged(reason: "bảng FAT dài hơn tệp") }
        var fat: [UInt32] = []
        fat.reserveCapacity(fatSectors.count * perSector)
        for s in fatSectors {
            guard let at = Self.offset(of: s, size: sectorSize, in: bytes) else { throw Damaged(reason: "sector FAT ngoài tệp") }
            for k in 0..<perSector { fat.append(Self.u32(bytes, at + 4 * k)) }
        }
        self.fat = fat
        let directory = try Self.chain(from: Self.u32(bytes, 0x30), fat: fat, size: sectorSize, in: bytes, limit: bytes.count)
        var entries: [(name: String, type: UInt8, start: UInt32, size: Int)] = []
        var e = 0
        while e + 128 <= directory.count {
            let nameLength = min(Int(Self.u16(directory, e + 0x40)), 64)
            let units = stride(from: 0, to: max(0, nameLength - 2), by: 2).map { UInt16(directory[e + $0]) | UInt16(directory[e + $0 + 1]) << 8 }
            entries.append((String(decoding: units, as: UTF16.self), directory[e + 0x42], Self.u32(directory, e + 0x74),
                            Int(Self.u32(directory, e + 0x78))))
            e += 128
        }
        self.entries = entries
        let miniFATBytes = try Self.chain(from: Self.u32(bytes, 0x3C), fat: fat, size: sectorSize, in: bytes, limit: bytes.count)
        miniFAT = stride(from: 0, to: miniFATBytes.count - 3, by: 4).map { Self.u32(miniFATBytes, $0) }
    }

    /// A stream by name (the first of the names given that the directory has); nil when none is there.
    package func stream(named names: [String]) throws(Damaged) -> [UInt8]? {
        guard let entry = entries.first(where: { $0.type == 2 && names.contains($0.name) }) else { return nil }
        guard entry.size <= bytes.count else { throw Damaged(reason: "luồng \(entry.name) dài hơn tệp") }
        if entry.size >= miniCutoff {
            return Array(try Self.chain(from: entry.start, fat: fat, size: sectorSize, in: bytes, limit: entry.size).prefix(entry.size))
        }
        // A small stream lies in 64-byte mini sectors of the mini stream (the root entry's).
        guard let root = entries.first(where: { $0.type == 5 }), root.size <= bytes.count else { throw Damaged(reason: "thiếu luồng gốc") }
        let mini = try Self.chain(from: root.start, fat: fat, size: sectorSize, in: bytes, limit: root.size)
        return Array(try Self.chain(from: entry.start, fat: miniFAT, size: 64, in: mini, limit: entry.size).prefix(entry.size))
    }

    /// The bytes of a chain of sectors, up to `limit` bytes (rounded up to a sector).
    private static func chain(from start: UInt32, fat: [UInt32], size: Int, in bytes: [UInt8], limit: Int) throws(Damaged) -> [UInt8] {
        var result: [UInt8] = []
        var sector = start
        var steps = 0
        while sector < endOfChain && result.count < limit {
            steps += 1
            let base = size == 64 ? 0 : size
            let at = Int(sector) * size + base
            guard steps <= fat.count, Int(sector) < fat.count, at + size <= bytes.count else {
                throw Damaged(reason: "chuỗi sector hỏng")
            }
            result.append(contentsOf: bytes[at..<(at + size)])
            sector = fat[Int(sector)]
        }
        return result
    }

    /// Where a sector starts (the header is sector -1), if it lies in the bytes.
    private static func offset(of sector: UInt32, size: Int, in bytes: [UInt8]) -> Int? {
        let at = (Int(sector) + 1) * size
        return at + size <= bytes.count ? at : nil
    }

    package static func u16(_ b: [UInt8], _ at: Int) -> UInt16 {
        at + 2 <= b.count ? UInt16(b[at]) | UInt16(b[at + 1]) << 8 : 0
    }

    package static func u32(_ b: [UInt8], _ at: Int) -> UInt32 {
        at + 4 <= b.count ? UInt32(b[at]) | UInt32(b[at + 1]) << 8 | UInt32(b[at + 2]) << 16 | UInt32(b[at + 3]) << 24 : 0
    }
}
