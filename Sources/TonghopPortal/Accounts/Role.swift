/// What an account may do within its unit. Each role can do what the one before it can.
public enum Role: String, CaseIterable, Sendable, Comparable {
    /// Sends reports of units within its own and sees what became of them.
    case dataEntry = "nhap-lieu"
    /// Also sees the reporting status, the workbooks and the exports of its unit.
    case compiler = "tong-hop"
    /// Also manages the accounts within its unit and reads the audit log.
    case administrator = "quan-tri"

    private var rank: Int { Role.allCases.firstIndex(of: self)! }

    public static func < (a: Role, b: Role) -> Bool { a.rank < b.rank }

    /// "nhập liệu", as the pages name it.
    public var vietnameseName: String {
        switch self {
        case .dataEntry: return "nhập liệu"
        case .compiler: return "tổng hợp"
        case .administrator: return "quản trị"
        }
    }
}
