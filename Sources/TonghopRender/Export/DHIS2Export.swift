import TonghopBase
import TonghopCatalog
import TonghopAggregate
import TonghopStore

/// The figures of a scope and its direct children in DHIS2's exchange formats: ADX 1.0 (IHE
/// QRPH), dataValueSets as JSON, and dataValueSets as CSV.
///
/// The same figures as the long layout's (``LongExport/figures(scope:rollup:)``): a
/// disaggregated indicator's total and the parts every unit gave, a yes/no or categorical
/// indicator as the number of units per answer (ADX's values are decimals), nothing a unit
/// cannot know whole. Identifiers are tonghop's own codes unless `templates/dhis2.csv` maps them
/// (``DHIS2Mapping``); periods are DHIS2's and ADX's names of the same period
/// (``Period/dhis2Code``, ``Period/adxCode``).
///
/// Deterministic: the same store gives the same bytes. The timestamps (`exported`,
/// `lastUpdated`) are the period's document date, noon UTC of the last day of its reporting
/// window, the date the workbooks carry, never the clock.
public enum DHIS2Export {
    /// Who stored the values, as DHIS2 records it.
    package static let storedBy = "tonghop"

    /// The document date of the period: `2024-06-14T12:00:00Z` for 2024-H1 under Decree 09.
    public static func timestamp(_ rollup: Rollup) -> String {
        let end = rollup.catalog.window.window(rollup.period).to
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(end.year)-\(two(end.month))-\(two(end.day))T12:00:00Z"
    }

    // MARK: ADX

    /// An ADX message: one `group` per unit, one `dataValue` per figure, parts and answers
    /// in an attribute named by the indicator's category (`PHAN_TO` unless `dhis2.csv` says).
    public static func adx(scope: String, rollup: Rollup) -> String {
        let mapping = rollup.catalog.dhis2
        let period = rollup.period.adxCode
        let dataSet = mapping.dataSet(Submission.compiledForm)
        var lines = ["<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
                     "<adx xmlns=\"\(ADXFormat.namespace)\" exported=\"\(timestamp(rollup))\">"]
        var open: String?
        for f in LongExport.figures(scope: scope, rollup: rollup) {
            if open != f.unitCode {
                if open != nil { lines.append("  </group>") }
                lines.append("  <group orgUnit=\"\(xml(mapping.orgUnit(f.unitCode)))\" period=\"\(period)\" dataSet=\"\(xml(dataSet))\">")
                open = f.unitCode
            }
            var line = "    <dataValue dataElement=\"\(xml(mapping.dataElement(f.indicator.code)))\""
            if !f.category.isEmpty {
                line += " \(mapping.categoryAttribute(of: f.indicator.code))=\"\(xml(mapping.categoryOption(f.category, of: f.indicator.code)))\""
            }
            lines.append(line + " value=\"\(DecimalText.text(f.value))\"/>")
        }
        if open != nil { lines.append("  </group>") }
        lines.append("</adx>")
        return lines.joined(separator: "\n") + "\n"
    }

    /// Text in an XML attribute.
    package static func xml(_ text: String) -> String {
        var out = ""
        for ch in text.unicodeScalars {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t", "\n", "\r": out += "&#\(ch.value);"
            default: out.unicodeScalars.append(ch)
            }
        }
        return out
    }

    // MARK: dataValueSets

    /// One data value as DHIS2 names it.
    package struct DataValue {
        package var dataElement, period, orgUnit, categoryOptionCombo, value: String
    }

    package static func dataValues(scope: String, rollup: Rollup) -> [DataValue] {
        let mapping = rollup.catalog.dhis2
        let period = rollup.period.dhis2Code
        return LongExport.figures(scope: scope, rollup: rollup).map { f in
            DataValue(dataElement: mapping.dataElement(f.indicator.code), period: period, orgUnit: mapping.orgUnit(f.unitCode),
                      categoryOptionCombo: mapping.categoryOption(f.category, of: f.indicator.code), value: DecimalText.text(f.value))
        }
    }

    /// A dataValueSet in JSON: the data set and period at the top, then one data value per
    /// line; the total's category option combo left out (DHIS2's default) unless mapped.
    public static func json(scope: String, rollup: Rollup) -> String {
        let stamp = timestamp(rollup)
        let values = dataValues(scope: scope, rollup: rollup).map { v in
            var fields = [("dataElement", v.dataElement), ("period", v.period), ("orgUnit", v.orgUnit)]
            if !v.categoryOptionCombo.isEmpty { fields.append(("categoryOptionCombo", v.categoryOptionCombo)) }
            fields += [("value", v.value), ("storedBy", storedBy), ("lastUpdated", stamp)]
            return "    {" + fields.map { "\(json($0.0)): \(json($0.1))" }.joined(separator: ", ") + "}"
        }
        return """
            {
              "dataSet": \(json(rollup.catalog.dhis2.dataSet(Submission.compiledForm))),
              "period": \(json(rollup.period.dhis2Code)),
              "dataValues": [
            \(values.joined(separator: ",\n"))
              ]
            }

            """
    }

    /// A JSON string.
    package static func json(_ text: String) -> String {
        var out = "\""
        for ch in text.unicodeScalars {
            switch ch {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where ch.value < 0x20:
                let hex = String(ch.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(ch)
            }
        }
        return out + "\""
    }

    /// A dataValueSet as CSV, with DHIS2's columns in DHIS2's order; text goes through
    /// ``CSVField`` (no cell can open as a formula).
    public static func csv(scope: String, rollup: Rollup) -> String {
        let stamp = timestamp(rollup)
        let rows = dataValues(scope: scope, rollup: rollup).map { v in
            ([v.dataElement, v.period, v.orgUnit, v.categoryOptionCombo, ""].map(CSVField.text) + [v.value]
                + [storedBy, stamp, "", "false"].map(CSVField.text)).joined(separator: ",")
        }
        return ([DataValueSetColumns.header.joined(separator: ",")] + rows).joined(separator: "\n") + "\n"
    }
}

/// What `tonghop export --format` writes.
public enum ExportFormat: String, CaseIterable, Sendable {
    /// The long layout, `ma_don_vi,ky_bao_cao,ma_chi_tieu,phan_to,gia_tri` (the default).
    case csv
    /// ADX 1.0, XML.
    case adx
    /// DHIS2's dataValueSets in JSON.
    case dhis2JSON = "dhis2-json"
    /// DHIS2's dataValueSets in CSV.
    case dhis2CSV = "dhis2-csv"

    public func text(scope: String, rollup: Rollup) -> String {
        switch self {
        case .csv: return LongExport.csv(scope: scope, rollup: rollup)
        case .adx: return DHIS2Export.adx(scope: scope, rollup: rollup)
        case .dhis2JSON: return DHIS2Export.json(scope: scope, rollup: rollup)
        case .dhis2CSV: return DHIS2Export.csv(scope: scope, rollup: rollup)
        }
    }
}
