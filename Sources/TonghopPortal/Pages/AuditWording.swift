/// The audit log's codes in the words its readers use. The store keeps the codes (`dang-nhap`,
/// `accepted`, `tu-choi: outsideScope`): stable keys that scripts and older lines share; the
/// page says them in Vietnamese, every code from this one table.
enum AuditWording {
    /// Actions, outcomes and the reasons a refusal gives (``Refused/code``).
    static let words: [String: String] = [
        // What was done.
        "dang-nhap": "Đăng nhập",
        "dang-xuat": "Đăng xuất",
        "gui-tep": "Gửi tệp",
        "tai-ve": "Tải về",
        "xuat": "Xuất số liệu",
        "tai-khoan": "Tài khoản",
        "truy-cap": "Truy cập",
        // How it ended.
        "thanh-cong": "Thành công",
        "sai-mat-khau": "Sai mật khẩu",
        "tam-khoa": "Tạm khóa (sai quá nhiều lần)",
        "accepted": "Nhận",
        "partial": "Nhận một phần",
        "rejected": "Từ chối",
        "da-nhan-truoc": "Đã nhận trước đó",
        "ngoai-pham-vi": "Ngoài phạm vi",
        "tu-choi": "Từ chối truy cập",
        // Why a request was refused.
        "outsideScope": "Ngoài phạm vi",
        "role": "Không đủ quyền",
        "csrf": "Biểu mẫu không hợp lệ",
        "unauthorized": "Chưa xác thực",
    ]

    /// A stored action or outcome in words: its leading code, then what follows it — a code in
    /// brackets or after a colon in lower-case words, anything else (unit codes) as it is.
    /// `da-nhan-truoc (accepted)` → "Đã nhận trước đó (nhận)"; a code not in the table is shown as stored.
    static func text(_ stored: String) -> String {
        guard let end = stored.firstIndex(where: { !isCodeCharacter($0) }) else { return words[stored] ?? stored }
        var out = words[String(stored[..<end])] ?? String(stored[..<end])
        var token = ""
        func flush() {
            if let word = words[token] { out += word.prefix(1).lowercased() + word.dropFirst() } else { out += token }
            token = ""
        }
        for c in stored[end...] {
            if isCodeCharacter(c) { token.append(c) } else { flush(); out.append(c) }
        }
        flush()
        return out
    }

    private static func isCodeCharacter(_ c: Character) -> Bool { c.isLetter || c.isNumber || c == "-" }
}
