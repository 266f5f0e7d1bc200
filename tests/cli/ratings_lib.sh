# Data for the ratings tests (t08*.sh): a province P with an upper committee
# P.U over 26 base organizations (chi bộ cơ sở) P.U.01 .. P.U.26, and
# members spread over them. Sourced after lib.sh.
# ratings_orgs FILE: writes orgs.csv.
ratings_orgs() {
  {
    echo "code,name,kind,parent_code,category,unit_code,founded_on,dissolved_on"
    echo "P,Đảng bộ tỉnh Mẫu,province,,,99,,"
    echo "P.U,Đảng bộ huyện Mẫu,upper,P,,,,"
    for i in $(seq -w 1 26); do echo "P.U.$i,Chi bộ cơ sở số $i,base_cell,P.U,service_unit,,1990-01-01,"; done
  } >"$1"
}
# ratings_members FILE N: writes members.csv with N official members
# (000001RT ...), member k in base organization P.U.((k-1) % 26 + 1).
ratings_members() {
  awk -v n="$2" 'BEGIN {
    print "member_id,full_name,gender,birth_date,ethnicity,religion,card_number,org_code,decision_date,ceremony_date,official_date,status,education,profession_level,theory_level,occupation,hometown"
    for (k = 1; k <= n; k++)
      printf "%06dRT,Nguyễn Văn An,nam,1980-01-01,Kinh,,,P.U.%02d,2005-01-10,2005-01-20,2006-01-20,official,12/12,,,,\n", k, (k - 1) % 26 + 1
  }' >"$1"
}
# ratings_setup N: a new database with the organizations and N members.
ratings_setup() {
  ratings_orgs "$TMP/orgs.csv"
  ratings_members "$TMP/members.csv" "$1"
  expect_status 0 db init
  expect_status 0 db import orgs "$TMP/orgs.csv" members "$TMP/members.csv"
}
