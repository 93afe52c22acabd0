import TonghopBase
import TonghopCatalog
import TonghopAggregate
import TonghopStore

/// The `.xlsx` rendering of a ``BlankForm``: the administrative header block, then the same
/// heading lines and table as the CSV form, so that a filled copy reads back like its CSV twin.
///
/// Excel itself refuses most mistakes: each value cell carries a data validation (a whole
/// number ≥ 0 for a count, a number ≥ 0 for a measure, a drop-down for an answer), and the
/// sheet is protected with every cell locked except those the reporter fills in.
///
/// The header block sits above the form's heading; ``LayoutReader`` takes the rows above a
/// form's `don_vi` line as titles.
public enum BlankFormSheet {
    /// Columns of the table, as in ``FormLayoutWriter/tableHeader``.
    package static let valueColumn = 4, noteColumn = 5, lastColumn = 5

    public static func sheet(_ form: BlankForm, catalog: Catalog, window: ReportingWindow) -> SheetModel {
        var sheet = SheetModel(name: BlankFormWording.sheetName)
        let (superior, agency) = BlankFormWording.agency(form, catalog: catalog)
        sheet.merge(0, 0, 0, 1, superior, .agency)
        sheet.merge(1, 0, 1, 1, agency, .agencyUnderline)
        sheet.merge(0, 2, 0, lastColumn, BlankFormWording.motto, .motto)
        sheet.merge(1, 2, 1, lastColumn, BlankFormWording.mottoLine, .mottoUnderline)
        sheet.merge(3, 0, 3, lastColumn, BlankFormWording.title, .title)
        sheet.merge(4, 0, 4, lastColumn, BlankFormWording.subtitle(form), .subtitle)
        sheet.merge(5, 0, 5, lastColumn, "(\(window.sentence(form.period)))", .window)
        var r = 6
        for line in BlankFormWording.instructions {
            sheet.merge(r, 0, r, lastColumn, line, .note)
            r += 1
        }
        r += 1

        for (key, value) in form.heading {
            sheet.set(r, 0, .text(key), .code)
            if BlankForm.headingEntries.contains(key) {
                sheet.set(r, 1, value.isEmpty ? .empty : .text(value), .entryText)
                sheet.validate(r, 1, BlankFormWording.headingEntry(key))
            } else {
                sheet.set(r, 1, .text(value), .text)
            }
            r += 1
        }
        r += 1

        let headerRow = r
        for (c, title) in FormLayoutWriter.tableHeader.enumerated() { sheet.set(r, c, .text(title), .columnHeader) }
        r += 1
        for (row, line) in zip(form.rows, form.tableRows(catalog: catalog)) {
            sheet.set(r, 0, .text(line.code), .code)
            sheet.set(r, 1, .text(line.name), .text)
            sheet.set(r, 2, line.category.isEmpty ? .empty : .text(line.category), .code)
            sheet.set(r, 3, .text(line.measure), .code)
            sheet.set(r, valueColumn, .empty, .entry)
            sheet.validate(r, valueColumn, BlankFormWording.value(row, catalog: catalog))
            sheet.set(r, noteColumn, line.note.isEmpty ? .empty : .text(line.note), .entryText)
            // libxlsxwriter cannot autofit: give wrapped names and notes the lines they need.
            let lines = max((line.name.count + 59) / 60, (line.note.count + 37) / 38, 1)
            if lines > 1 { sheet.rowHeights[r] = Double(lines) * 15.5 }
            r += 1
        }
        sheet.columnWidths = [0: 12, 1: 62, 2: 14, 3: 12, valueColumn: 14, noteColumn: 40]
        sheet.rowHeights[3] = 22
        sheet.repeatRows = headerRow...headerRow
        sheet.isProtected = true
        return sheet
    }
}
