import TonghopBase

extension InputWorkbook {
    /// Reads back, cell by cell, the letters of a CSV form opened with the wrong character set
    /// before it was saved as this workbook (see ``Mojibake``); a byte-order mark at the start
    /// of a cell is dropped, garbled or not. Returns how many cells were garbled.
    ///
    /// Cell by cell, not all or nothing: an officer may have typed a few cells again, rightly,
    /// after the damage, and those stay as they are.
    package mutating func repairGarbledCells() -> Int {
        var repaired = 0
        for s in sheets.indices {
            for r in sheets[s].records.indices {
                var fields = sheets[s].records[r].fields
                var changed = false
                for f in fields.indices where !fields[f].isASCII {
                    if let text = Mojibake.repaired(fields[f]) {
                        fields[f] = text
                        repaired += 1
                    } else if fields[f].unicodeScalars.first == "\u{FEFF}" {
                        fields[f].unicodeScalars.removeFirst()
                    } else {
                        continue
                    }
                    changed = true
                }
                if changed { sheets[s].records[r].fields = fields }
            }
        }
        return repaired
    }
}
