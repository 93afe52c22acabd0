#!/usr/bin/env bash
# make serve-demo: the portal on loopback over a home holding the sample reports, with three
# accounts whose passwords it prints — a commune (Phường Phủ Lý, 13285, nhap-lieu), a province
# (Ninh Bình, 37, tong-hop) and the nation (VN, quan-tri). The home is .build/serve-demo/, made
# afresh each time; Ctrl-C stops the server.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=$PWD/.build/release/tonghop
HOME_DIR=$PWD/.build/serve-demo
LISTEN=${LISTEN:-127.0.0.1:8080}
rm -rf "$HOME_DIR" && mkdir -p "$HOME_DIR"
ln -s "$PWD/templates" "$HOME_DIR/templates"
cp -R inputs "$HOME_DIR/inputs"
echo "Nhận và tổng hợp số liệu mẫu (tonghop run)..."
rc=0; "$BIN" run --home "$HOME_DIR" > "$HOME_DIR/lan-chay-dau.log" 2>&1 || rc=$?
if [ $rc -ne 0 ] && [ $rc -ne 2 ]; then cat "$HOME_DIR/lan-chay-dau.log"; exit $rc; fi
password() { python3 -c 'import secrets; print(secrets.token_urlsafe(9))'; }
echo
echo "Tài khoản (mật khẩu mới mỗi lần chạy):"
for account in "xa-13285 13285 nhap-lieu" "tinh-37 37 tong-hop" "quan-tri-vn VN quan-tri"; do
  set -- $account
  pw=$(password)
  echo "$pw" | "$BIN" user add "$1" --unit "$2" --role "$3" --password-stdin --home "$HOME_DIR" > /dev/null
  printf '  %-12s  đơn vị %-6s  %-10s  mật khẩu: %s\n' "$1" "$2" "$3" "$pw"
done
echo
echo "Mở http://$LISTEN/ trong trình duyệt. Dừng bằng Ctrl-C."
exec "$BIN" serve --home "$HOME_DIR" --listen "$LISTEN"
