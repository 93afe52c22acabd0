/// What ADX (IHE QRPH Aggregate Data Exchange 1.0) fixes, for its reader and its writer.
///
/// A message is `<adx xmlns="urn:ihe:qrph:adx:2015" exported="...">` holding `group`s, each
/// with `orgUnit`, `period` (an ISO 8601 start and duration) and `dataSet`, holding
/// `dataValue`s with `dataElement`, `value` (a decimal) and one attribute per disaggregation,
/// named by its category.
public enum ADXFormat {
    public static let namespace = "urn:ihe:qrph:adx:2015"

    /// Attribute names of a `dataValue` that are no category.
    package static let reserved: Set<String> = ["dataElement", "value"]

    /// Whether a category's name can be an attribute of `dataValue`: an XML name of ASCII letters,
    /// digits and `_`, `-`, `.`, starting with a letter or `_`, and not one ADX already uses.
    package static func isAttributeName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, !reserved.contains(name), !name.lowercased().hasPrefix("xml") else { return false }
        func letter(_ c: Unicode.Scalar) -> Bool { (c >= "A" && c <= "Z") || (c >= "a" && c <= "z") || c == "_" }
        return letter(first) && name.unicodeScalars.allSatisfy { letter($0) || ($0 >= "0" && $0 <= "9") || $0 == "-" || $0 == "." }
    }
}

/// DHIS2's dataValueSets as CSV: the columns DHIS2 writes and reads, in its order.
public enum DataValueSetColumns {
    public static let header = ["dataelement", "period", "orgunit", "catoptcombo", "attroptcombo", "value",
                                "storedby", "lastupdated", "comment", "followup"]
}
