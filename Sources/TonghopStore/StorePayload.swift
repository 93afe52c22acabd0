import Foundation
import TonghopBase
import TonghopCatalog

/// A report's values as the store keeps them: one `code\tcategory\tvalue` line each.
extension Store {
    // MARK: Encoding

    /// A report's identity: a unit's report for a period on a form. Three strings, not one made
    /// of them: a national batch keys forty-five thousand reports twice.
    package struct ReportKey: Hashable {
        package let unit: String
        package let period: String
        package let form: String
    }

    package static func key(_ unit: String, _ period: String, _ form: String) -> ReportKey { ReportKey(unit: unit, period: period, form: form) }

    package static func payload(_ values: [StoredValue]) -> String {
        // Built on bytes, without a temporary String per line: a million lines a national year.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(values.count * 20)
        for v in values {
            bytes.append(contentsOf: v.indicator.utf8)
            bytes.append(0x09)
            bytes.append(contentsOf: v.category.utf8)
            bytes.append(0x09)
            DecimalText.append(v.value, to: &bytes)
            bytes.append(0x0A)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Reads a payload back, splitting on bytes: a national year is a million of these lines.
    package static func values(fromPayload payload: String) -> [StoredValue] {
        var result: [StoredValue] = []
        var payload = payload
        payload.withUTF8 { bytes in
            var lineStart = 0
            var tabs: [Int] = []
            tabs.reserveCapacity(2)
            for i in 0...bytes.count {
                let b: UInt8 = i < bytes.count ? bytes[i] : 0x0A
                if b == 0x09 {
                    tabs.append(i)
                } else if b == 0x0A {
                    if tabs.count == 2, i > lineStart {
                        let code = String(decoding: UnsafeBufferPointer(rebasing: bytes[lineStart..<tabs[0]]), as: UTF8.self)
                        let category = String(decoding: UnsafeBufferPointer(rebasing: bytes[(tabs[0] + 1)..<tabs[1]]), as: UTF8.self)
                        if let v = Store.number(UnsafeBufferPointer(rebasing: bytes[(tabs[1] + 1)..<i])) {
                            result.append(StoredValue(code, category, v))
                        }
                    }
                    tabs.removeAll(keepingCapacity: true)
                    lineStart = i + 1
                }
            }
        }
        return result
    }
}
