import TonghopBase
import TonghopCatalog

extension LayoutReader {
    /// Whether a sheet holds a report anywhere: a form's `don_vi` line, or a header line naming
    /// a unit and a period (a table's or the long layout's). A cover page, instructions or a
    /// list of names has neither.
    package static func holdsReport(_ records: [CSVRecord]) -> Bool {
        records.contains { r in
            guard !r.isBlank else { return false }
            return isFormHeading(r) || namesUnitAndPeriod(r)
        }
    }
}
