import TonghopBase
import TonghopCatalog
import TonghopAggregate
import TonghopStore

extension LongExport {
    /// One stored version of a report, as it was received, in the long layout: any past
    /// version can be taken out of the store (`tonghop history --version N -o file.csv`).
    public static func csv(version: Store.StoredVersion) -> String {
        let rows = version.values.map { v in
            "\(version.unitCode),\(version.period.code),\(v.indicator),\(v.category),\(DecimalText.text(v.value))"
        }
        return ([header] + rows).joined(separator: "\n") + "\n"
    }
}
