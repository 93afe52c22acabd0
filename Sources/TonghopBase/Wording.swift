/// A piece of a message in both languages of ``Language``.
///
/// A problem is found once but read later in either language (`--lang`, the workbooks, the
/// error slips), so what it says about the expected value and its details is kept in both,
/// and the store keeps both. Facts that read the same in every language (a code, a number, a
/// file name) use ``init(_:)``.
public struct Wording: Sendable, Equatable, Hashable, Codable {
    public var vi: String
    public var en: String

    public init(vi: String, en: String) {
        self.vi = vi
        self.en = en
    }

    /// A fact that reads the same in both languages.
    public init(_ same: String) {
        vi = same
        en = same
    }

    public subscript(_ lang: Language) -> String {
        switch lang {
        case .vi: return vi
        case .en: return en
        }
    }
}
