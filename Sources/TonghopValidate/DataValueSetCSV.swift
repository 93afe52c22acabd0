import TonghopBase
import TonghopCatalog
import TonghopIngest

/// DHIS2's dataValueSets as CSV, told from its header: `dataelement, period, orgunit,
/// catoptcombo, attroptcombo, value, storedby, lastupdated, comment, followup` (any case, in any
/// order; DHIS2's longer names `categoryoptioncombo`, `attributeoptioncombo` too).
///
/// Read as the long layout is (see ``DHIS2Intake``), with the file's own lines and columns in
/// every message. `storedby`, `lastupdated`, `comment`, `followup`, `created` and `deleted`
/// are for DHIS2 and not read; any other column is refused, as in the long layout.
package enum DataValueSetCSV {
    package enum Column {
        case dataElement, period, orgUnit, categoryOptionCombo, attributeOptionCombo, value, ignored
    }

    package static let columns: [String: Column] = [
        "dataelement": .dataElement, "period": .period, "orgunit": .orgUnit,
        "catoptcombo": .categoryOptionCombo, "categoryoptioncombo": .categoryOptionCombo,
        "attroptcombo": .attributeOptionCombo, "attributeoptioncombo": .attributeOptionCombo,
        "value": .value, "storedby": .ignored, "lastupdated": .ignored, "comment": .ignored, "followup": .ignored,
        "created": .ignored, "deleted": .ignored,
    ]

    /// Whether the first line that is not blank names `dataelement` and `orgunit` among its cells.
    package static func recognises(_ records: [CSVRecord]) -> Bool {
        guard let header = records.first(where: { !$0.isBlank }), header.count >= 2 else { return false }
        var element = false, unit = false
        for i in 0..<header.count {
            switch header.trimmed(i).lowercased() {
            case "dataelement": element = true
            case "orgunit": unit = true
            default: break
            }
        }
        return element && unit
    }

    package static func read(_ records: [CSVRecord], file: String, catalog: Catalog) -> LayoutReading {
        let rows = records.filter { !$0.isBlank }
        let header = rows[0]
        var reading = LayoutReading(layout: .dataValueSetCSV)
        var at: [Column: Int] = [:]
        for i in 0..<header.count {
            let name = header.trimmed(i)
            if name.isEmpty { continue }
            guard let column = columns[name.lowercased()] else {
                reading.problems.append(Problem(.error, .unknownColumn, file: file, line: header.line, column: i + 1, found: name))
                continue
            }
            if at[column] == nil { at[column] = i }
        }
        reading.problems += LayoutReader.blankHeaders(header, file: file)
        for (column, name) in [(Column.dataElement, "dataelement"), (.period, "period"), (.orgUnit, "orgunit"), (.value, "value")]
        where at[column] == nil {
            reading.problems.append(Problem(.error, .missingColumn, file: file, line: header.line, detail: Wording(name)))
        }
        guard reading.problems.isEmpty else { return reading }
        var values: [DHIS2Intake.Value] = []
        for r in rows.dropFirst() {
            func cell(_ column: Column) -> SourceCell? { at[column].map { LayoutReader.cell(r, $0) } }
            if var problem = r.hasStrayQuote ? LayoutReader.strayQuote(r, file: file)
                : LayoutReader.tooManyCells(r, headerCount: header.count, file: file) {
                problem.unitCode = cell(.orgUnit)?.text
                problem.period = cell(.period).flatMap { Period.parse($0.text) }?.code
                reading.refusedRows.append(problem)
                continue
            }
            let aoc = cell(.attributeOptionCombo)
            values.append(DHIS2Intake.Value(orgUnit: cell(.orgUnit)!, period: cell(.period)!, dataSet: nil,
                                            dataElement: cell(.dataElement)!, option: cell(.categoryOptionCombo),
                                            attributeOption: aoc?.text.isEmpty == false ? aoc : nil, value: cell(.value)!))
        }
        let translated = DHIS2Intake.reading(values, layout: .dataValueSetCSV, catalog: catalog, file: file)
        reading.reports = translated.reports
        reading.refusedRows += translated.refusedRows
        return reading
    }
}
