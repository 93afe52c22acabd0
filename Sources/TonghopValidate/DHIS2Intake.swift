import Foundation
import TonghopBase
import TonghopCatalog
import TonghopIngest
#if canImport(FoundationXML)
import FoundationXML
#endif

/// DHIS2's exchange formats read from `inputs/`: ADX (XML), dataValueSets in JSON, and (see
/// ``DataValueSetCSV``) in CSV, each recognised from its content, never from its name.
///
/// Every data value is translated through `templates/dhis2.csv` (``DHIS2Mapping``) into the
/// long layout's report of a unit and period, and handed to the same validation as the long
/// layout: every value gets the same checks and messages, an error costs that value, and a file
/// that names a province or the nation is a compiled report. XML and JSON have no columns: a
/// message points at the record (`group[2]/dataValue[5]/@value`, `dataValues[12].value`), and
/// at its line in an XML file.
///
/// Nothing in a file is followed or expanded (``XMLSafety``); the file is at most
/// ``TextDecoding/maximumFileSize``, like any input.
package enum DHIS2Intake {
    /// One data value as the file gives it, each field a cell: in a CSV file its real line and
    /// column; in XML and JSON the value's number as its line and the field's as its column,
    /// put back by ``locate(_:places:)``.
    package struct Value {
        package var orgUnit: SourceCell
        package var period: SourceCell
        package var dataSet: SourceCell?
        package var dataElement: SourceCell
        /// The category option combo (DHIS2), or the option of an ADX category attribute.
        package var option: SourceCell?
        package var attributeOption: SourceCell?
        package var value: SourceCell
        /// ADX: the dataValue's attributes besides `dataElement` and `value`, by name.
        package var attributes: [(name: String, cell: SourceCell)] = []
        package var completeDate: String?
    }

    /// The fields of a value, numbered as the columns of an XML or JSON value's cells.
    package enum Field: Int, CaseIterable {
        case orgUnit = 1, period, dataSet, dataElement, option, value, attributeOption
    }

    /// Where each field of a value of an XML or JSON file was written, by its column: a
    /// ``Field``'s, or past them for an ADX value's other attributes.
    package struct Place {
        /// The field's line in an XML file; none in JSON, which has no useful lines.
        package var lines: [Int: Int] = [:]
        /// The field's path in the file: `group[2]/@orgUnit`, `dataValues[4].value`.
        package var paths: [Int: String] = [:]
    }

    // MARK: Into the long layout

    /// The values as reports of the long layout, one per unit and period in order of first
    /// appearance; values refused before validation (an attribute option combo, an ADX
    /// attribute tonghop has no category for) as refused rows.
    package static func reading(_ values: [Value], layout: Layout, catalog: Catalog, file: String) -> LayoutReading {
        let mapping = catalog.dhis2
        var reading = LayoutReading(layout: layout)
        var order: [String] = []
        var groups: [String: RawReport] = [:]
        for v in values {
            var unit = v.orgUnit
            unit.text = mapping.unit(orgUnit: unit.text)
            var period = v.period
            if let p = Period.parse(period.text) ?? Period.adx(period.text) { period.text = p.code }
            var indicator = v.dataElement
            indicator.text = mapping.indicator(dataElement: indicator.text)
            func refuse(_ code: ProblemCode, _ cell: SourceCell, found: String, expected: Wording? = nil, detail: Wording? = nil) {
                reading.refusedRows.append(Problem(.error, code, file: file, line: cell.line, column: cell.column, found: found,
                                                   expected: expected, detail: detail, unitCode: unit.text,
                                                   period: Period.parse(period.text)?.code))
            }
            if let aoc = v.attributeOption, mapping.category(option: aoc.text, of: "") != "" {
                refuse(.attributeOptionComboNotRead, aoc, found: aoc.text, detail: Wording(indicator.text))
                continue
            }
            var option = v.option
            var strayAttribute = false
            for (name, cell) in v.attributes {
                if mapping.isCategoryAttribute(name, of: indicator.text) {
                    option = cell
                } else {
                    refuse(.unknownCategoryAttribute, cell, found: "\(name)=\"\(cell.text)\"",
                           expected: Wording(mapping.categoryAttribute(of: indicator.text)), detail: Wording(indicator.text))
                    strayAttribute = true
                }
            }
            if strayAttribute { continue }
            var category = option
            category?.text = mapping.category(option: option?.text ?? "", of: indicator.text)
            var value = v.value
            // DHIS2's yes/no data elements say true and false.
            if catalog.indicator(indicator.text.upperCode)?.valueType == .yesNo, (category?.text ?? "").isEmpty {
                switch value.text.lowercased() {
                case "true": value.text = "co"
                case "false": value.text = "khong"
                default: break
                }
            }
            let key = unit.text + "\u{1F}" + period.text
            if groups[key] == nil {
                order.append(key)
                var form: SourceCell?
                if var dataSet = v.dataSet {
                    dataSet.text = mapping.form(dataSet: dataSet.text)
                    // A data set that is one of tonghop's forms says which; any other says nothing.
                    if catalog.forms[dataSet.text.upperCode] != nil { form = dataSet }
                }
                let preparedOn = v.completeDate.map { String($0.prefix(10)) }.flatMap { $0.count == 10 ? $0 : nil }
                    .map { SourceCell($0, line: v.value.line, column: 0) }
                groups[key] = RawReport(unit: unit, period: period, form: form, preparedOn: preparedOn, line: v.value.line, values: [])
            }
            groups[key]!.values.append(RawValue(indicator: indicator, category: category, value: value))
        }
        reading.reports = order.map { groups[$0]! }
        return reading
    }

    /// Puts the problems and reports of an XML or JSON file back where they were written: the
    /// value's number and field number become the record's path (and its line in XML).
    package static func locate(_ outcome: inout FileOutcome, places: [Place]) {
        for i in outcome.problems.indices {
            guard let line = outcome.problems[i].line, line >= 1, line <= places.count else { continue }
            let place = places[line - 1]
            let column = outcome.problems[i].column ?? Field.value.rawValue, value = Field.value.rawValue
            outcome.problems[i].line = place.lines[column] ?? place.lines[value]
            outcome.problems[i].column = nil
            outcome.problems[i].element = place.paths[column] ?? place.paths[value]
        }
        for i in outcome.submissions.indices {
            let line = outcome.submissions[i].line
            outcome.submissions[i].line = line >= 1 && line <= places.count ? places[line - 1].lines[Field.value.rawValue] ?? 1 : 1
            // Positions of values were the values' numbers: no cell to point at later.
            for k in outcome.submissions[i].values.indices { outcome.submissions[i].values[k].position = nil }
            for k in outcome.submissions[i].reconciliation.indices { outcome.submissions[i].reconciliation[k].position = nil }
        }
    }

    // MARK: Reading a file

    /// The outcome of an ADX or JSON file, told from its first character that is not blank;
    /// nil for any other text (a CSV file).
    package static func read(_ text: [UInt8], outcome: FileOutcome, catalog: Catalog, today: Int, scope: String?) -> FileOutcome? {
        guard let first = text.first(where: { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }) else { return nil }
        let parsed: Result<(layout: Layout, values: [Value], places: [Place]), Refusal>
        switch first {
        case UInt8(ascii: "{"), UInt8(ascii: "["): parsed = DataValueSetJSON.parse(Data(text))
        case UInt8(ascii: "<"): parsed = ADXMessage.parse(Data(declaredUTF8(text)))
        default: return nil
        }
        var outcome = outcome
        // A UTF-16 file with its byte-order mark is what XML and JSON allow and say: nothing to
        // check, unlike a CSV file guessed to be so.
        if outcome.encoding?.hasPrefix("UTF-16") == true { outcome.problems.removeAll { $0.code == .encodingAssumed } }
        switch parsed {
        case .failure(let refusal):
            var problem = Problem(.error, refusal.code, file: outcome.path, line: refusal.line, detail: refusal.detail)
            problem.element = refusal.element
            outcome.problems.append(problem)
            return outcome
        case .success(let file):
            let reading = reading(file.values, layout: file.layout, catalog: catalog, file: outcome.path)
            outcome = FileIntake.interpret(reading, outcome: outcome, firstLine: nil, catalog: catalog, today: today, scope: scope)
            locate(&outcome, places: file.places)
            return outcome
        }
    }

    /// The XML declaration made to say UTF-8: the text reaches the parser as UTF-8 whatever the
    /// file was saved in (``TextDecoding``), and a declaration still naming `UTF-16` would make
    /// the parser read those bytes as UTF-16.
    package static func declaredUTF8(_ text: [UInt8]) -> [UInt8] {
        let declaration = Array("<?xml".utf8), encoding = Array("encoding".utf8)
        guard let start = text.firstIndex(where: { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }),
              text[start...].starts(with: declaration),
              let end = text[start...].firstIndex(of: UInt8(ascii: ">")) else { return text }
        var i = start
        while i + encoding.count < end {
            if text[i..<(i + encoding.count)].elementsEqual(encoding) { break }
            i += 1
        }
        guard i + encoding.count < end,
              let quote = text[(i + encoding.count)..<end].firstIndex(where: { $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "'") }),
              let close = text[(quote + 1)..<end].firstIndex(of: text[quote]) else { return text }
        return Array(text[..<(quote + 1)]) + Array("UTF-8".utf8) + Array(text[close...])
    }

    /// Why a file cannot be read at all.
    package struct Refusal: Error {
        package var code: ProblemCode
        package var detail: Wording
        package var line: Int? = nil
        package var element: String? = nil
    }
}

// MARK: dataValueSets in JSON

/// DHIS2's dataValueSets in JSON: `{"dataSet": ..., "period": ..., "orgUnit": ..., "dataValues": [...]}`,
/// each data value with `dataElement`, `period`, `orgUnit`, `categoryOptionCombo`,
/// `attributeOptionCombo`, `value` (a string, a number or a boolean); what the set gives at its
/// top applies to every value that does not say otherwise. Other keys (`storedBy`,
/// `lastUpdated`, `comment`, `followup`) are not read.
package enum DataValueSetJSON {
    /// A JSON string, number or boolean as text (a number as ``XlsxParts/numberText(_:)`` writes it).
    package struct Scalar: Decodable {
        package var text: String

        package init(from decoder: Decoder) throws {
            let c = try decoder.singleValueContainer()
            if c.decodeNil() { text = "" } else if let s = try? c.decode(String.self) { text = s } else if let b = try? c.decode(Bool.self) {
                text = b ? "true" : "false"
            } else {
                text = XlsxParts.numberText(try c.decode(Double.self))
            }
        }
    }

    package struct Entry: Decodable {
        package var dataElement, period, orgUnit, categoryOptionCombo, attributeOptionCombo, value: Scalar?
    }

    package struct ValueSet: Decodable {
        package var dataSet, period, orgUnit, attributeOptionCombo, completeDate: Scalar?
        package var dataValues: [Entry]?
    }

    package static func parse(_ data: Data) -> Result<(layout: Layout, values: [DHIS2Intake.Value], places: [DHIS2Intake.Place]), DHIS2Intake.Refusal> {
        let set: ValueSet
        do {
            set = try JSONDecoder().decode(ValueSet.self, from: data)
        } catch DecodingError.dataCorrupted(let context) where context.codingPath.isEmpty {
            return .failure(.init(code: .unreadableJSON, detail: Wording(context.debugDescription)))
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.dataCorrupted(context) {
            return .failure(.init(code: .notADataValueSet, detail: Messages.jsonShape(path: path(context.codingPath))))
        } catch {
            return .failure(.init(code: .unreadableJSON, detail: Wording("\(error)")))
        }
        guard let entries = set.dataValues else {
            return .failure(.init(code: .notADataValueSet, detail: Messages.jsonShape(path: "dataValues")))
        }
        typealias Field = DHIS2Intake.Field
        var values: [DHIS2Intake.Value] = []
        var places: [DHIS2Intake.Place] = []
        for (i, e) in entries.enumerated() {
            let n = i + 1
            var place = DHIS2Intake.Place()
            /// The entry's own field, else the set's, with the path of the one given.
            func field(_ f: Field, _ own: Scalar?, _ name: String, _ top: Scalar? = nil) -> SourceCell {
                let given = own ?? top
                place.paths[f.rawValue] = own != nil || top == nil ? "dataValues[\(i)].\(name)" : name
                return SourceCell(given?.text.trimmingBlanks ?? "", line: n, column: f.rawValue)
            }
            let aoc = field(.attributeOption, e.attributeOptionCombo, "attributeOptionCombo", set.attributeOptionCombo)
            values.append(DHIS2Intake.Value(orgUnit: field(.orgUnit, e.orgUnit, "orgUnit", set.orgUnit),
                                            period: field(.period, e.period, "period", set.period),
                                            dataSet: set.dataSet.map { _ in field(.dataSet, nil, "dataSet", set.dataSet) },
                                            dataElement: field(.dataElement, e.dataElement, "dataElement"),
                                            option: field(.option, e.categoryOptionCombo, "categoryOptionCombo"),
                                            attributeOption: aoc.text.isEmpty ? nil : aoc,
                                            value: field(.value, e.value, "value"),
                                            completeDate: set.completeDate?.text))
            places.append(place)
        }
        return .success((.dataValueSetJSON, values, places))
    }

    /// `dataValues[3].value` from a decoder's path.
    package static func path(_ keys: [CodingKey]) -> String {
        keys.reduce("") { path, key in
            if let i = key.intValue { return path + "[\(i)]" }
            return path.isEmpty ? key.stringValue : path + "." + key.stringValue
        }
    }
}

// MARK: ADX

/// An ADX message (``ADXFormat``): its groups' data values, each with the line it is on.
package final class ADXMessage: NSObject, XMLParserDelegate {
    private(set) var values: [DHIS2Intake.Value] = []
    private(set) var places: [DHIS2Intake.Place] = []
    /// The root element when it is not ADX's: its name and namespace.
    private(set) var foreignRoot: String?

    private var depth = 0
    private var groups = 0
    private var group: (attributes: [String: String], line: Int, values: Int)?

    package static func parse(_ data: Data) -> Result<(layout: Layout, values: [DHIS2Intake.Value], places: [DHIS2Intake.Place]), DHIS2Intake.Refusal> {
        guard !XMLSafety.declaresDocumentType(data) else {
            return .failure(.init(code: .xmlDocumentType, detail: Wording("<!DOCTYPE")))
        }
        let message = ADXMessage()
        let parser = XMLSafety.parser(data)
        parser.shouldProcessNamespaces = true
        parser.delegate = message
        let ok = parser.parse() && parser.parserError == nil
        if let root = message.foreignRoot { return .failure(.init(code: .notADX, detail: Wording(root))) }
        guard ok else {
            let reason = (parser.parserError as NSError?).map { "XML \($0.code)" } ?? "XML"
            return .failure(.init(code: .unreadableXML, detail: Wording(reason), line: parser.lineNumber))
        }
        return .success((.adx, message.values, message.places))
    }

    /// Unprefixed attributes only (`xsi:schemaLocation` and the like say nothing about figures).
    private static func plain(_ attributes: [String: String]) -> [String: String] {
        attributes.filter { !$0.key.contains(":") && !$0.key.hasPrefix("xmlns") }
    }

    package func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes: [String: String] = [:]) {
        depth += 1
        if depth == 1 {
            guard elementName == "adx", namespaceURI == ADXFormat.namespace else {
                foreignRoot = "<\(qName ?? elementName)>" + (namespaceURI.map { " (\($0))" } ?? "")
                parser.abortParsing()
                return
            }
            return
        }
        guard namespaceURI == ADXFormat.namespace else { return }
        switch (depth, elementName) {
        case (2, "group"):
            groups += 1
            group = (Self.plain(attributes), parser.lineNumber, 0)
        case (3, "dataValue"):
            guard var g = group else { return }
            g.values += 1
            group = g
            addValue(Self.plain(attributes), group: g, line: parser.lineNumber)
        default:
            break
        }
    }

    package func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        if depth == 2 { group = nil }
        depth -= 1
    }

    private func addValue(_ attributes: [String: String], group g: (attributes: [String: String], line: Int, values: Int), line: Int) {
        typealias Field = DHIS2Intake.Field
        let n = values.count + 1
        let groupPath = "group[\(groups)]", valuePath = "group[\(groups)]/dataValue[\(g.values)]"
        var place = DHIS2Intake.Place()
        func cell(_ column: Int, _ text: String?, _ name: String, onGroup: Bool) -> SourceCell {
            place.lines[column] = onGroup ? g.line : line
            place.paths[column] = (onGroup ? groupPath : valuePath) + "/@" + name
            return SourceCell((text ?? "").trimmingBlanks, line: n, column: column)
        }
        func cell(_ f: Field, _ text: String?, _ name: String, onGroup: Bool) -> SourceCell {
            cell(f.rawValue, text, name, onGroup: onGroup)
        }
        var value = DHIS2Intake.Value(orgUnit: cell(.orgUnit, g.attributes["orgUnit"], "orgUnit", onGroup: true),
                                      period: cell(.period, g.attributes["period"], "period", onGroup: true),
                                      dataSet: cell(.dataSet, g.attributes["dataSet"], "dataSet", onGroup: true),
                                      dataElement: cell(.dataElement, attributes["dataElement"], "dataElement", onGroup: false),
                                      option: nil, attributeOption: nil,
                                      value: cell(.value, attributes["value"], "value", onGroup: false),
                                      completeDate: g.attributes["completeDate"])
        // The disaggregations, in a stable order, each a column of its own past the fields.
        let columns = Field.allCases.count + 1
        for (k, name) in attributes.keys.filter({ !ADXFormat.reserved.contains($0) }).sorted().enumerated() {
            value.attributes.append((name, cell(columns + k, attributes[name], name, onGroup: false)))
        }
        values.append(value)
        places.append(place)
    }
}
