#!/usr/bin/env bash
# The delegates' congress (đại hội đại biểu): three cell congresses elect
# and record their official delegates and alternates (QĐ 294-QĐ/TW §11.4:
# official delegates first, then the alternates in order); the roster of
# the upper congress convenes exactly them, with the members of the
# outgoing committee ex officio (rules.md §1.4, §1.8: QĐ 190-QĐ/TW Điều 30
# counts convening-committee members among those convened; documented
# default); an absent official delegate is replaced by the next alternate
# of the same electing organization (QĐ 294-QĐ/TW §11.4.2), else excluded
# as delegate_absent_no_alternate (QĐ 190-QĐ/TW Điều 30); an absent
# committee member is excluded, never replaced (rules.md §1.8 (b)).
. "$(dirname "$0")/lib.sh"

cat >"$TMP/orgs.csv" <<'CSV'
code,name,kind,parent_code,category,unit_code,founded_on,dissolved_on
TW,Đảng Cộng sản Việt Nam,central,,,,,
HP,Đảng bộ thành phố Hải Phòng,province,TW,,31,,
HP.A,Đảng bộ quận A,upper,HP,,,,
HP.A.B,Đảng bộ phường B,base_committee,HP.A,ward,,,
HP.A.B.01,Chi bộ khu dân cư 1,cell,HP.A.B,,,,
HP.A.B.02,Chi bộ khu dân cư 2,cell,HP.A.B,,,,
HP.A.B.03,Chi bộ khu dân cư 3,cell,HP.A.B,,,,
HP.A.C,Chi bộ trường C,base_cell,HP.A,service_unit,,,
CSV
{
  echo "member_id,full_name,gender,birth_date,ethnicity,religion,card_number,org_code,decision_date,ceremony_date,official_date,status,education,profession_level,theory_level,occupation,hometown"
  for m in $(seq 1101 1110) $(seq 1201 1220) $(seq 1301 1310); do
    c=0${m:1:1}
    echo "00${m}HP,Đảng viên ${m},nam,1970-01-01,Kinh,,,HP.A.B.${c},2000-01-01,2000-01-01,2001-01-01,official,12/12,,,,"
  done
  echo "001401HP,Giáo viên C,nữ,1980-01-01,Kinh,,,HP.A.C,2000-01-01,2000-01-01,2001-01-01,official,12/12,,,,"
} >"$TMP/members.csv"
expect_status 0 db init
expect_status 0 db import orgs "$TMP/orgs.csv" members "$TMP/members.csv"

# count FILE -> FILE.result: the election engine's JSON
count() {
  expect_status 0 db election count "$1" --format json
  cp "$TMP/out" "$1.result"
}

# ---- the outgoing committee of HP.A.B: elected at its 2020-2025 congress ----
expect_status 0 db congress plan --org HP.A.B --term 2020-2025 --kind members --planned 2020-06-01
expect_status 0 db congress roster --org HP.A.B --term 2020-2025 --freeze
expect_grep "Triệu tập: 40; loại trừ: 0" "$TMP/out"
cat >"$TMP/c2020.json" <<'JSON'
{"election": "committee", "congress": "members", "seats": 3, "alternates": 0, "convened": 40, "excluded": {},
 "candidates": [{"id": "001101HP", "name": "1101"}, {"id": "001220HP", "name": "1220"}, {"id": "001310HP", "name": "1310"}],
 "ballots_issued": 40,
 "counts": {"returned": 40, "valid": 40, "invalid": 0, "votes": {"001101HP": 40, "001220HP": 39, "001310HP": 38}}}
JSON
count "$TMP/c2020.json"
expect_status 0 db congress result --org HP.A.B --term 2020-2025 "$TMP/c2020.json.result"

# ---- the upper congress is a delegates' congress; the cells elect delegates ----
expect_status 0 db congress plan --org HP.A.B --term 2025-2030 --kind delegates --planned 2025-05-20
for c in 01 02 03; do
  expect_status 0 db congress plan --org HP.A.B.$c --term 2025-2030 --kind members --planned 2025-03-1${c:1}
  expect_status 0 db congress hold --org HP.A.B.$c --term 2025-2030 --date 2025-03-1${c:1}
  expect_status 0 db congress roster --org HP.A.B.$c --term 2025-2030 --freeze
done
# cell 01: 10 members, 3 seats, 1 alternate (a ballot keeps at most as
# many names as there are seats: the engine's rule)
cat >"$TMP/d01.json" <<'JSON'
{"election": "delegates", "congress": "members", "seats": 3, "alternates": 1, "convened": 10, "excluded": {},
 "candidates": [{"id": "001101HP", "name": "1101"}, {"id": "001102HP", "name": "1102"}, {"id": "001103HP", "name": "1103"},
                {"id": "001104HP", "name": "1104"}, {"id": "001105HP", "name": "1105"}],
 "ballots_issued": 10,
 "counts": {"returned": 10, "valid": 10, "invalid": 0,
            "votes": {"001101HP": 9, "001102HP": 8, "001103HP": 7, "001104HP": 6, "001105HP": 0}}}
JSON
# cell 02: 20 members, 4 seats, 2 alternates
cat >"$TMP/d02.json" <<'JSON'
{"election": "delegates", "congress": "members", "seats": 4, "alternates": 2, "convened": 20, "excluded": {},
 "candidates": [{"id": "001201HP", "name": "1201"}, {"id": "001202HP", "name": "1202"}, {"id": "001203HP", "name": "1203"},
                {"id": "001204HP", "name": "1204"}, {"id": "001205HP", "name": "1205"}, {"id": "001206HP", "name": "1206"},
                {"id": "001207HP", "name": "1207"}],
 "ballots_issued": 20,
 "counts": {"returned": 20, "valid": 20, "invalid": 0,
            "votes": {"001201HP": 13, "001202HP": 13, "001203HP": 13, "001204HP": 13, "001205HP": 12, "001206HP": 11,
                      "001207HP": 1}}}
JSON
# cell 03: 10 members, 3 seats, 1 alternate
sed 's/0011/0013/g' "$TMP/d01.json" >"$TMP/d03.json"
for c in 01 02 03; do count "$TMP/d$c.json"; done
expect_eq "cell 02 alternates in order" "$(jq -c '[.candidates[] | select(.as == "alternate") | .id]' "$TMP/d02.json.result")" '["001205HP","001206HP"]'

# refusals before anything is recorded: a cell 03 result naming cell 02's
# alternate (a person holds one seat at the upper congress) comes after
# cell 02 has recorded; the upper congress must be a delegates' congress
expect_status 0 db congress plan --org HP.A --term 2025-2030 --kind members --planned 2025-08-01
expect_status 0 db congress plan --org HP.A.C --term 2025-2030 --kind members --planned 2025-04-01
sed 's/0013/0014/g' "$TMP/d03.json" >"$TMP/dC.json"
count "$TMP/dC.json"
expect_status 1 db congress result --org HP.A.C --term 2025-2030 "$TMP/dC.json.result"
expect_grep "the congress of HP.A for 2025-2030 is a members' congress (đại hội đảng viên): it convenes its members, not delegates, so HP.A.C elects none to it (QĐ 294-QĐ/TW §11.4)" "$TMP/err"

for c in 01 02 03; do
  expect_status 0 db congress result --org HP.A.B.$c --term 2025-2030 "$TMP/d$c.json.result"
done
expect_grep "delegates result of HP.A.B.03 for 2025-2030 recorded: 4 elected" "$TMP/err"
# recording again replaces, not adds
expect_status 0 db congress result --org HP.A.B.01 --term 2025-2030 "$TMP/d01.json.result"
expect_grep "delegates result of HP.A.B.01 for 2025-2030 recorded: 4 elected" "$TMP/err"
# an alternate used twice: cell 03 naming cell 02's first alternate
sed 's/001304HP/001205HP/g' "$TMP/d03.json" >"$TMP/d03x.json"
count "$TMP/d03x.json"
expect_status 1 db congress result --org HP.A.B.03 --term 2025-2030 "$TMP/d03x.json.result"
expect_grep "'001205HP' is already a delegate or alternate elected by HP.A.B.02 for 2025-2030: nobody holds two seats at the same upper congress" "$TMP/err"

# ---- the roster of the delegates' congress ----
expect_status 0 db congress roster --org HP.A.B --term 2025-2030
# exactly: 3 ex officio (001101HP also elected by cell 01: one seat) and the
# official delegates of the three cells; the alternates listed apart
expect_eq "convened" "$(sed -n '2,/^Không triệu tập/p' "$TMP/out" | grep -v '^Không' | cut -f1 | tr '\n' ' ')" \
  "001101HP 001102HP 001103HP 001201HP 001202HP 001203HP 001204HP 001220HP 001301HP 001302HP 001303HP 001310HP "
expect_grep "001102HP	Đảng viên 1102	đại biểu chính thức (HP.A.B.01 bầu)" "$TMP/out"
expect_grep "001220HP	Đảng viên 1220	ủy viên ban chấp hành đương nhiệm (đại biểu đương nhiên)" "$TMP/out"
expect_grep "001205HP	Đảng viên 1205	đại biểu dự khuyết chưa thay thế (HP.A.B.02 bầu)" "$TMP/out"
expect_grep "001206HP	Đảng viên 1206	đại biểu dự khuyết chưa thay thế (HP.A.B.02 bầu)" "$TMP/out"
expect_grep "Triệu tập: 12; loại trừ: 0; số đại biểu để tính kết quả bầu cử: 12" "$TMP/out"
expect_eq "members not elected are not listed" "$(grep -c '001105HP\|001207HP\|001309HP' "$TMP/out")" 0

# an absent delegate of cell 02: its first alternate takes the place, not
# the alternate of cell 01
expect_status 0 db congress roster --org HP.A.B --term 2025-2030 --absent 001201HP
expect_grep "001205HP	Đảng viên 1205	đại biểu dự khuyết thay thế (HP.A.B.02 bầu) thay 001201HP" "$TMP/out"
expect_grep "001201HP	Đảng viên 1201	đại biểu chính thức vắng mặt, có dự khuyết thay (HP.A.B.02 bầu)" "$TMP/out"
expect_grep "001206HP	Đảng viên 1206	đại biểu dự khuyết chưa thay thế (HP.A.B.02 bầu)" "$TMP/out"
expect_grep "001104HP	Đảng viên 1104	đại biểu dự khuyết chưa thay thế (HP.A.B.01 bầu)" "$TMP/out"
expect_grep "Triệu tập: 12; loại trừ: 0; số đại biểu để tính kết quả bầu cử: 12" "$TMP/out"
# the first alternate absent too: the second one, in order
expect_status 0 db congress roster --org HP.A.B --term 2025-2030 --absent 001201HP,001205HP
expect_grep "001206HP	Đảng viên 1206	đại biểu dự khuyết thay thế (HP.A.B.02 bầu) thay 001201HP" "$TMP/out"
# two absent delegates of cell 02: both alternates, in the delegates' order
expect_status 0 db congress roster --org HP.A.B --term 2025-2030 --absent 001203HP --absent 001202HP
expect_grep "001205HP	Đảng viên 1205	đại biểu dự khuyết thay thế (HP.A.B.02 bầu) thay 001202HP" "$TMP/out"
expect_grep "001206HP	Đảng viên 1206	đại biểu dự khuyết thay thế (HP.A.B.02 bầu) thay 001203HP" "$TMP/out"
# no alternate left: excluded from the base (QĐ 190-QĐ/TW Điều 30); an
# absent committee member is excluded, never replaced (rules.md §1.8 (b))
expect_status 0 db congress roster --org HP.A.B --term 2025-2030 --absent 001301HP --absent 001304HP --absent 001310HP --json
expect_eq "json congress" "$(jq -r .congress "$TMP/out")" delegates
expect_eq "json convened" "$(jq .convened "$TMP/out")" 12
expect_eq "json no alternate" "$(jq .excluded.delegate_absent_no_alternate "$TMP/out")" 1
expect_eq "json committee absent" "$(jq .excluded.committee_absent "$TMP/out")" 1
expect_eq "json members' reasons left out" "$(jq '.excluded | has("excused_absent")' "$TMP/out")" false
# the explicit exclusion is the same as the absence when no alternate is left
expect_status 0 db congress roster --org HP.A.B --term 2025-2030 --absent 001304HP --exclude 001301HP:delegate_absent_no_alternate
expect_grep "Triệu tập: 12; loại trừ: 1; số đại biểu để tính kết quả bầu cử: 11" "$TMP/out"

# refusals
expect_status 1 db congress roster --org HP.A.B --term 2025-2030 --exclude 001201HP:delegate_absent_no_alternate
expect_grep "--exclude 001201HP:delegate_absent_no_alternate: 001201HP has an alternate in place: 001205HP, elected by HP.A.B.02 (QĐ 294-QĐ/TW §11.4); give --absent 001201HP" "$TMP/err"
expect_status 1 db congress roster --org HP.A.B --term 2025-2030 --exclude 001201HP:committee_absent
expect_grep "001201HP is not a member of the outgoing committee (ex officio)" "$TMP/err"
expect_status 1 db congress roster --org HP.A.B --term 2025-2030 --exclude 001201HP:excused_absent
expect_grep "applies only to a members' congress (QĐ 190-QĐ/TW Điều 30)" "$TMP/err"
expect_status 1 db congress roster --org HP.A.B --term 2025-2030 --absent 001201HP --absent 001201HP
expect_grep "--absent 001201HP: 001201HP is absent twice" "$TMP/err"
expect_status 1 db congress roster --org HP.A.B --term 2025-2030 --absent 001105HP
expect_grep "--absent 001105HP: 001105HP is not a delegate, alternate or ex officio member of the congress of HP.A.B for 2025-2030" "$TMP/err"
expect_status 1 db congress roster --org HP.A.B.01 --term 2025-2030 --absent 001101HP
expect_grep "is a members' congress: an absent member is excluded with --exclude 001101HP:excused_absent" "$TMP/err"

# a delegate exempted from activity after being elected is still a member
# and a delegate: convened (absent, an alternate would take the place)
expect_status 0 db member event 001302HP --date 2025-04-02 --type exempt_start
expect_status 0 db congress roster --org HP.A.B --term 2025-2030
expect_grep "001302HP	Đảng viên 1302	đại biểu chính thức (HP.A.B.03 bầu)" "$TMP/out"
expect_grep "Triệu tập: 12; loại trừ: 0; số đại biểu để tính kết quả bầu cử: 12" "$TMP/out"

# a delegate who died after being elected: not convened, the alternate of
# the same cell takes the seat (documented default, docs/elections.md)
expect_status 0 db member event 001102HP --date 2025-04-01 --type death
expect_status 0 db congress roster --org HP.A.B --term 2025-2030 --absent 001201HP --absent 001310HP --freeze
expect_grep "001102HP	Đảng viên 1102	không còn là đảng viên chính thức của đảng bộ vào ngày đại hội (HP.A.B.01 bầu)" "$TMP/out"
expect_grep "001104HP	Đảng viên 1104	đại biểu dự khuyết thay thế (HP.A.B.01 bầu) thay 001102HP" "$TMP/out"
expect_grep "Triệu tập: 12; loại trừ: 1; số đại biểu để tính kết quả bầu cử: 11" "$TMP/out"
expect_grep "roster of HP.A.B for 2025-2030 frozen" "$TMP/err"

# frozen: read back as stored (seats, electing organizations, replacements)
expect_status 0 db congress roster --org HP.A.B --term 2025-2030
expect_grep "(đã lưu)" "$TMP/out"
expect_grep "001205HP	Đảng viên 1205	đại biểu dự khuyết thay thế (HP.A.B.02 bầu) thay 001201HP" "$TMP/out"
expect_grep "001310HP	Đảng viên 1310	ủy viên ban chấp hành đương nhiệm (đại biểu đương nhiên)	cấp ủy viên triệu tập vắng mặt suốt thời gian đại hội" "$TMP/out"
expect_grep "Triệu tập: 12; loại trừ: 1; số đại biểu để tính kết quả bầu cử: 11" "$TMP/out"
expect_status 0 db congress roster --org HP.A.B --term 2025-2030 --json
expect_eq "frozen json convened" "$(jq .convened "$TMP/out")" 12
expect_eq "frozen json committee absent" "$(jq .excluded.committee_absent "$TMP/out")" 1

# ---- a committee elected at the delegates' congress, on the JSON base ----
jq '{election: "committee", congress: .congress, seats: 3, alternates: 0, convened: .convened, excluded: .excluded,
     candidates: [{id: "001101HP", name: "1101"}, {id: "001205HP", name: "1205"}, {id: "001104HP", name: "1104"},
                  {id: "001301HP", name: "1301"}],
     ballots_issued: 11,
     counts: {returned: 11, valid: 11, invalid: 0, votes: {"001101HP": 11, "001205HP": 10, "001104HP": 6, "001301HP": 5}}}' \
  "$TMP/out" >"$TMP/upper.json"
count "$TMP/upper.json"
expect_eq "base from the roster" "$(jq .base "$TMP/upper.json.result")" 11
expect_eq "more than half of 11" "$(jq -c .elected "$TMP/upper.json.result")" '["001101HP","001205HP","001104HP"]'
expect_status 0 db congress result --org HP.A.B --term 2025-2030 "$TMP/upper.json.result"
expect_grep "committee result of HP.A.B for 2025-2030 recorded: 3 elected" "$TMP/err"
# the replaced delegate is not convened, so cannot be elected
jq '.candidates[1].id = "001201HP" | .elected[1] = "001201HP"' "$TMP/upper.json.result" >"$TMP/upper-bad.json"
expect_status 1 db congress result --org HP.A.B --term 2025-2030 "$TMP/upper-bad.json"
expect_grep "'001201HP' is not an official member on the frozen roster of HP.A.B for 2025-2030" "$TMP/err"
# a delegates result whose seat is not given
jq '.candidates[0].as = null' "$TMP/d02.json.result" >"$TMP/d02-bad.json"
expect_status 1 db congress result --org HP.A.B.02 --term 2025-2030 "$TMP/d02-bad.json"
expect_grep "candidates[0]: '001201HP' is elected but not as delegate or alternate" "$TMP/err"

expect_status 0 db audit verify
expect_status 0 db audit log
expect_grep '"as":"alternate"' "$TMP/out"
finish
