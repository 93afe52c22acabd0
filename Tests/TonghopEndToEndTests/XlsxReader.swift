import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import ZIPFoundation

/// Reads an `.xlsx` back for tests: unzips the parts and parses the sheet XML, so that tests
/// check what Excel and LibreOffice will open, not what tonghop meant to write.
struct XlsxReader {
    struct Cell: Equatable {
        var text: String?
        var number: Double?
        var formula: String?
    }

    /// Sheet name → cell reference ("D12") → cell.
    let sheets: [String: [String: Cell]]
    /// Sheet names in workbook order.
    let sheetNames: [String]
    let parts: [String: Data]

    init(url: URL) throws {
        let archive = try Archive(url: url, accessMode: .read)
        var parts: [String: Data] = [:]
        for entry in archive {
            var data = Data()
            _ = try archive.extract(entry, consumer: { data.append($0) })
            parts[entry.path] = data
        }
        self.parts = parts
        let shared = XMLCollector.collect(parts["xl/sharedStrings.xml"] ?? Data(), element: "si")
            .map { $0.texts.joined() }
        let workbook = XMLCollector.collect(parts["xl/workbook.xml"]!, element: "sheet")
        let rels = XMLCollector.collect(parts["xl/_rels/workbook.xml.rels"]!, element: "Relationship")
        var sheets: [String: [String: Cell]] = [:]
        var names: [String] = []
        for sheet in workbook {
            let name = sheet.attributes["name"]!
            names.append(name)
            let rid = sheet.attributes["r:id"]!
            let target = rels.first { $0.attributes["Id"] == rid }!.attributes["Target"]!
            let path = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
            var cells: [String: Cell] = [:]
            for c in XMLCollector.collect(parts[path]!, element: "c") {
                let ref = c.attributes["r"]!
                let value = c.children["v"]
                let formula = c.children["f"]
                switch c.attributes["t"] {
                case "s": cells[ref] = Cell(text: shared[Int(value!)!], number: nil, formula: formula)
                case "str", "inlineStr": cells[ref] = Cell(text: value ?? c.texts.joined(), number: nil, formula: formula)
                default: cells[ref] = Cell(text: nil, number: value.flatMap(Double.init), formula: formula)
                }
            }
            sheets[name] = cells
        }
        self.sheets = sheets
        self.sheetNames = names
    }

    func cell(_ sheet: String, _ ref: String) -> Cell? { sheets[sheet]?[ref] }

    /// The row number (1-based) whose column `column` holds `text`.
    func row(_ sheet: String, column: String, text: String) -> Int? {
        sheets[sheet]?.first { $0.key.hasPrefix(column) && Int($0.key.dropFirst(column.count)) != nil && $0.value.text == text }
            .map { Int($0.key.dropFirst(column.count))! }
    }

    /// The column letters whose header row holds `text`.
    func column(_ sheet: String, headerRow: Int, text: String) -> String? {
        sheets[sheet]?.first { $0.value.text == text && $0.key.hasSuffix(String(headerRow)) && Int($0.key.dropFirst($0.key.prefix { $0.isLetter }.count)) == headerRow }
            .map { String($0.key.prefix { $0.isLetter }) }
    }
}

/// Collects elements of one name with their attributes, their direct child texts and all
/// text inside them.
final class XMLCollector: NSObject, XMLParserDelegate {
    struct Element {
        var attributes: [String: String]
        var children: [String: String] = [:]
        var texts: [String] = []
    }

    let name: String
    var found: [Element] = []
    var current: Element?
    var childName: String?
    var buffer = ""

    init(name: String) { self.name = name }

    static func collect(_ data: Data, element: String) -> [Element] {
        let parser = XMLParser(data: data)
        let collector = XMLCollector(name: element)
        parser.delegate = collector
        parser.parse()
        return collector.found
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName qName: String?,
                attributes attributeDict: [String: String] = [:]) {
        if elementName == name {
            current = Element(attributes: attributeDict)
        } else if current != nil {
            childName = elementName
            buffer = ""
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        guard current != nil else { return }
        buffer += string
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        if elementName == name, let c = current {
            found.append(c)
            current = nil
        } else if current != nil, let child = childName, child == elementName {
            current!.children[child] = buffer
            if child == "t" { current!.texts.append(buffer) }
            childName = nil
        }
    }
}
