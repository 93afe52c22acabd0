import Foundation
import TonghopBase
import TonghopCatalog
#if canImport(FoundationXML)
import FoundationXML
#endif

/// What every XML tonghop reads from an input file is held to: nothing in it is followed,
/// fetched or expanded.
///
/// Entities other than the five XML predefines (`&lt;`...) can only be declared in a document
/// type declaration, and no office file part nor an ADX message needs one: a part that has a
/// `<!DOCTYPE` is refused before parsing, so no entity can be expanded (the "billion laughs")
/// and no external entity or DTD can make the parser read a file or the network. The parser is
/// told not to resolve external entities either.
package enum XMLSafety {
    package static let doctype = Array("<!DOCTYPE".utf8)

    /// Whether the bytes hold a document type declaration, in any case, anywhere.
    package static func declaresDocumentType(_ data: Data) -> Bool {
        data.withUnsafeBytes { raw in
            let b = raw.bindMemory(to: UInt8.self)
            guard b.count >= doctype.count, let base = b.baseAddress else { return false }
            var from = 0
            while from + doctype.count <= b.count {
                guard let hit = memchr(base + from, 0x3C, b.count - from) else { return false }
                let i = UnsafePointer<UInt8>(hit.assumingMemoryBound(to: UInt8.self)) - base
                if i + doctype.count > b.count { return false }
                if (0..<doctype.count).allSatisfy({ k in b[i + k] & (k >= 2 ? 0xDF : 0xFF) == doctype[k] }) { return true }
                from = i + 1
            }
            return false
        }
    }

    /// A parser that resolves no external entity.
    package static func parser(_ data: Data) -> XMLParser {
        let parser = XMLParser(data: data)
        parser.shouldResolveExternalEntities = false
        return parser
    }
}
