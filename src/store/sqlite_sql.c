/* sqlite_sql: the SQLite schema migrations and the SQL of every statement.
 *
 * Dates are stored as ISO text (YYYY-MM-DD); open interval ends are
 * '0000-01-01' and '9999-12-31' so that range tests need no NULL cases. */
#include "store/schema_sqlite.h"
#include "store/stmt.h"

#include <stddef.h>

/* Each entry moves the schema from version i to i+1. Never edit a
 * published migration: add a new one. */
const char *const sqlite_migrations[] = {
	/* 1: organizations, members, events and their derived spans */
	"CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);"
	"CREATE TABLE org("
	" id INTEGER PRIMARY KEY,"
	" code TEXT NOT NULL UNIQUE,"
	" name TEXT NOT NULL,"
	" kind TEXT NOT NULL,"
	" parent_id INTEGER REFERENCES org(id),"
	" category TEXT,"
	" unit_code TEXT,"
	" founded_on TEXT,"
	" dissolved_on TEXT);"
	"CREATE INDEX org_parent ON org(parent_id);"
	"CREATE TABLE org_event("
	" id INTEGER PRIMARY KEY,"
	" org_id INTEGER NOT NULL REFERENCES org(id),"
	" date TEXT NOT NULL,"
	" type TEXT NOT NULL CHECK (type IN ('move','merge','rename','dissolve')),"
	" from_id INTEGER REFERENCES org(id),"
	" to_id INTEGER REFERENCES org(id),"
	" old_name TEXT, new_name TEXT);"
	"CREATE INDEX org_event_org ON org_event(org_id);"
	"CREATE TABLE org_span("
	" org_id INTEGER NOT NULL REFERENCES org(id),"
	" parent_id INTEGER REFERENCES org(id),"
	" valid_from TEXT NOT NULL, valid_to TEXT NOT NULL,"
	" name TEXT NOT NULL);"
	"CREATE INDEX org_span_org ON org_span(org_id);"
	"CREATE TABLE member("
	" id INTEGER PRIMARY KEY,"
	" member_id TEXT NOT NULL,"
	" full_name TEXT NOT NULL,"
	" name_key TEXT NOT NULL,"
	" given_key TEXT NOT NULL,"
	" gender TEXT NOT NULL CHECK (gender IN ('nam','nữ')),"
	" birth_date TEXT NOT NULL,"
	" ethnicity TEXT NOT NULL,"
	" religion TEXT,"
	" card_number TEXT,"
	" org_id INTEGER NOT NULL REFERENCES org(id),"
	" decision_date TEXT NOT NULL,"
	" ceremony_date TEXT,"
	" official_date TEXT,"
	" status TEXT NOT NULL,"
	" education TEXT, profession_level TEXT, theory_level TEXT, occupation TEXT, hometown TEXT,"
	" version INTEGER NOT NULL DEFAULT 1);"
	"CREATE INDEX member_name ON member(name_key);"
	"CREATE INDEX member_given ON member(given_key);"
	"CREATE UNIQUE INDEX member_key ON member(member_id);"
	"CREATE INDEX member_org ON member(org_id);"
	"CREATE TABLE event("
	" id INTEGER PRIMARY KEY,"
	" member INTEGER NOT NULL REFERENCES member(id) ON DELETE CASCADE,"
	" date TEXT NOT NULL,"
	" type TEXT NOT NULL,"
	" org_id INTEGER REFERENCES org(id),"
	" to_org_id INTEGER REFERENCES org(id),"
	" detail TEXT);"
	"CREATE INDEX event_member ON event(member);"
	"CREATE TABLE member_span("
	" member INTEGER NOT NULL REFERENCES member(id) ON DELETE CASCADE,"
	" org_id INTEGER NOT NULL REFERENCES org(id),"
	" valid_from TEXT NOT NULL, valid_to TEXT NOT NULL);"
	"CREATE INDEX member_span_member ON member_span(member);",
	/* 2: admission targets per organization and year (reports); the data
	 * generation counter and a random instance id that tell a report
	 * snapshot whether it is still current */
	"CREATE TABLE admission_target("
	" org_id INTEGER NOT NULL REFERENCES org(id),"
	" year INTEGER NOT NULL,"
	" target INTEGER NOT NULL CHECK (target >= 0),"
	" PRIMARY KEY (org_id, year));"
	"INSERT OR IGNORE INTO meta(key, value) VALUES ('generation', '0');"
	"INSERT OR IGNORE INTO meta(key, value) VALUES ('instance', lower(hex(randomblob(16))));",
	/* 3: accounts, sessions, login throttling and the hash-chained audit
	 * log of every write (src/app/account.c, src/app/audit.c). The table
	 * of users is app_user because "user" is reserved in PostgreSQL. */
	"CREATE TABLE app_user("
	" id INTEGER PRIMARY KEY,"
	" login TEXT NOT NULL UNIQUE,"
	" role TEXT NOT NULL CHECK (role IN ('admin','staff','viewer','secretary')),"
	" org_id INTEGER NOT NULL REFERENCES org(id),"
	" password_hash TEXT NOT NULL,"
	" created_at TEXT NOT NULL,"
	" disabled INTEGER NOT NULL DEFAULT 0);"
	"CREATE TABLE session("
	" token_hash TEXT PRIMARY KEY,"
	" user_id INTEGER NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,"
	" csrf_token TEXT NOT NULL,"
	" created_at INTEGER NOT NULL,"
	" expires_at INTEGER NOT NULL,"
	" last_seen INTEGER NOT NULL,"
	" client TEXT NOT NULL);"
	"CREATE INDEX session_user ON session(user_id);"
	"CREATE TABLE login_failure("
	" id INTEGER PRIMARY KEY,"
	" login TEXT NOT NULL,"
	" client TEXT NOT NULL,"
	" at INTEGER NOT NULL);"
	"CREATE INDEX login_failure_login ON login_failure(login, at);"
	"CREATE INDEX login_failure_client ON login_failure(client, at);"
	"CREATE TABLE audit("
	" id INTEGER PRIMARY KEY,"
	" at TEXT NOT NULL,"
	" actor TEXT NOT NULL,"
	" action TEXT NOT NULL,"
	" entity_type TEXT NOT NULL,"
	" entity_key TEXT NOT NULL,"
	" before TEXT,"
	" after TEXT,"
	" prev_hash TEXT NOT NULL,"
	" hash TEXT NOT NULL);"
	"CREATE INDEX audit_entity ON audit(entity_type, entity_key, id);",
	/* 4: the member lifecycle (src/app/admission.c, lifecycle.c,
	 * transfer.c, badges.c, cards.c, rules_cfg.c): applicants and their
	 * steps, extra facts of members' events, the register of transfers,
	 * badge awards with their numbers, CV number ranges, settings of the
	 * configurable rules; member spans by organization (the due list) */
	"CREATE TABLE rule_setting(key TEXT PRIMARY KEY, value INTEGER NOT NULL);"
	"CREATE TABLE applicant("
	" id INTEGER PRIMARY KEY,"
	" code TEXT NOT NULL UNIQUE,"
	" full_name TEXT NOT NULL,"
	" name_key TEXT NOT NULL,"
	" gender TEXT NOT NULL CHECK (gender IN ('nam','nữ')),"
	" birth_date TEXT NOT NULL,"
	" ethnicity TEXT NOT NULL,"
	" religion TEXT,"
	" card_number TEXT,"
	" org_id INTEGER NOT NULL REFERENCES org(id),"
	" listed_on TEXT NOT NULL,"
	" readmit_member INTEGER REFERENCES member(id),"
	" consent TEXT, exit_reason TEXT, sentence_cleared TEXT,"
	" member INTEGER REFERENCES member(id),"
	" note TEXT);"
	"CREATE INDEX applicant_org ON applicant(org_id);"
	"CREATE TABLE applicant_step("
	" id INTEGER PRIMARY KEY,"
	" applicant INTEGER NOT NULL REFERENCES applicant(id) ON DELETE CASCADE,"
	" step TEXT NOT NULL CHECK (step IN ('helper','course','application','introducer','union','cell_vote',"
	"'committee_vote','decision','ceremony','drop')),"
	" date TEXT NOT NULL,"
	" votes_for INTEGER, votes_base INTEGER,"
	" person TEXT, since TEXT, ref TEXT,"
	" flags INTEGER NOT NULL DEFAULT 0,"
	" note TEXT);"
	"CREATE INDEX applicant_step_of ON applicant_step(applicant);"
	"CREATE TABLE member_fact("
	" id INTEGER PRIMARY KEY,"
	" member INTEGER NOT NULL REFERENCES member(id) ON DELETE CASCADE,"
	" kind TEXT NOT NULL, date TEXT NOT NULL, until_on TEXT, code TEXT, num INTEGER, ref TEXT, note TEXT);"
	"CREATE INDEX member_fact_member ON member_fact(member);"
	"CREATE TABLE transfer("
	" id INTEGER PRIMARY KEY,"
	" member_id TEXT NOT NULL,"
	" kind TEXT NOT NULL CHECK (kind IN ('official','temporary','study')),"
	" direction TEXT NOT NULL CHECK (direction IN ('internal','out','in')),"
	" from_org INTEGER REFERENCES org(id),"
	" to_org INTEGER REFERENCES org(id),"
	" unit TEXT, decision_date TEXT, introduced_on TEXT NOT NULL, arrived_on TEXT, until_on TEXT,"
	" ref TEXT, record TEXT);"
	"CREATE INDEX transfer_member ON transfer(member_id);"
	"CREATE TABLE badge_award("
	" id INTEGER PRIMARY KEY,"
	" member INTEGER NOT NULL REFERENCES member(id) ON DELETE CASCADE,"
	" years INTEGER NOT NULL,"
	" award_date TEXT NOT NULL,"
	" province_id INTEGER REFERENCES org(id),"
	" serial INTEGER,"
	" how TEXT NOT NULL CHECK (how IN ('normal','early','posthumous')),"
	" ref TEXT,"
	" UNIQUE (member, years));"
	"CREATE UNIQUE INDEX badge_award_serial ON badge_award(province_id, years, serial);"
	"CREATE TABLE cv_range("
	" id INTEGER PRIMARY KEY,"
	" org_id INTEGER NOT NULL REFERENCES org(id),"
	" province_id INTEGER NOT NULL REFERENCES org(id),"
	" lo INTEGER NOT NULL, hi INTEGER NOT NULL, created_on TEXT,"
	" CHECK (lo >= 1 AND lo <= hi AND hi <= 999999));"
	"CREATE INDEX member_span_org ON member_span(org_id);",
	/* 5: congresses (src/app/congress.c): one per organization and term,
	 * the frozen convened roster with each exclusion, the elected */
	"CREATE TABLE congress("
	" id INTEGER PRIMARY KEY,"
	" org_id INTEGER NOT NULL REFERENCES org(id),"
	" term TEXT NOT NULL,"
	" kind TEXT NOT NULL CHECK (kind IN ('members','delegates')),"
	" pilot INTEGER NOT NULL DEFAULT 0,"
	" direct_secretary INTEGER NOT NULL DEFAULT 0,"
	" planned_on TEXT NOT NULL, notice_on TEXT, held_on TEXT,"
	" political_report TEXT, committee_review TEXT, election_plan TEXT, delegates_plan TEXT,"
	" UNIQUE (org_id, term));"
	"CREATE TABLE congress_roster("
	" congress INTEGER NOT NULL REFERENCES congress(id) ON DELETE CASCADE,"
	" member INTEGER NOT NULL REFERENCES member(id),"
	" official INTEGER NOT NULL,"
	" exclusion TEXT,"
	" PRIMARY KEY (congress, member));"
	"CREATE TABLE congress_elected("
	" congress INTEGER NOT NULL REFERENCES congress(id) ON DELETE CASCADE,"
	" member INTEGER NOT NULL REFERENCES member(id),"
	" role TEXT NOT NULL CHECK (role IN ('committee','secretary')),"
	" votes INTEGER NOT NULL, base INTEGER NOT NULL,"
	" PRIMARY KEY (congress, role, member));",
	/* 6: quality ratings of review rounds (src/app/ratings.c, QĐ 366-QĐ/TW) */
	"CREATE TABLE rating("
	" period TEXT NOT NULL,"
	" subject_type TEXT NOT NULL CHECK (subject_type IN ('org','member')),"
	" subject TEXT NOT NULL,"
	" org_id INTEGER REFERENCES org(id),"
	" score INTEGER,"
	" level TEXT NOT NULL CHECK (level IN ('excellent','good','completed','failed')),"
	" self_review INTEGER NOT NULL,"
	" override_reason TEXT,"
	" PRIMARY KEY (period, subject_type, subject));",
	/* 7: delegates to the upper congress (src/app/congress.c): congress_elected
	 * also holds the official delegates and alternates with their order; the
	 * roster of a delegates' congress keeps each person's seat, the electing
	 * organization and the delegate an alternate replaces. Both tables are
	 * rebuilt (SQLite cannot change a CHECK), copying the named columns */
	"CREATE TABLE congress_elected_7("
	" congress INTEGER NOT NULL REFERENCES congress(id) ON DELETE CASCADE,"
	" member INTEGER NOT NULL REFERENCES member(id),"
	" role TEXT NOT NULL CHECK (role IN ('committee','secretary','delegate','alternate')),"
	" votes INTEGER NOT NULL, base INTEGER NOT NULL,"
	" seq INTEGER,"
	" PRIMARY KEY (congress, role, member));"
	"INSERT INTO congress_elected_7(congress,member,role,votes,base) SELECT congress,member,role,votes,base FROM congress_elected;"
	"DROP TABLE congress_elected;"
	"ALTER TABLE congress_elected_7 RENAME TO congress_elected;"
	"CREATE TABLE congress_roster_7("
	" congress INTEGER NOT NULL REFERENCES congress(id) ON DELETE CASCADE,"
	" member INTEGER NOT NULL REFERENCES member(id),"
	" official INTEGER NOT NULL,"
	" exclusion TEXT,"
	" seat TEXT,"
	" elected_by INTEGER REFERENCES org(id),"
	" replaces INTEGER REFERENCES member(id),"
	" PRIMARY KEY (congress, member));"
	"INSERT INTO congress_roster_7(congress,member,official,exclusion) SELECT congress,member,official,exclusion FROM congress_roster;"
	"DROP TABLE congress_roster;"
	"ALTER TABLE congress_roster_7 RENAME TO congress_roster;",
	/* 8: posts held over time (src/app/posts.c, the cadre module): party,
	 * state, unit-head and mass-organization posts at a party organization
	 * (for a state or mass post, the party organization of the unit, whose
	 * name is in unit); to_date is the first day no longer held */
	"CREATE TABLE IF NOT EXISTS post("
	" id INTEGER PRIMARY KEY,"
	" member INTEGER NOT NULL REFERENCES member(id),"
	" kind TEXT NOT NULL,"
	" org_id INTEGER NOT NULL REFERENCES org(id),"
	" unit TEXT,"
	" from_date TEXT NOT NULL,"
	" to_date TEXT NOT NULL DEFAULT '9999-12-31',"
	" standing INTEGER NOT NULL DEFAULT 0,"
	" ref TEXT);"
	"CREATE INDEX IF NOT EXISTS post_org ON post(org_id);"
	"CREATE INDEX IF NOT EXISTS post_member ON post(member);",
	/* 9: screening cases (Chỉ thị 28-CT/TW), the yearly comment of the
	 * residence party cell (QĐ 213-QĐ/TW) and the assessment of the 27
	 * manifestations on 5 levels (NQ 04-NQ/TW; src/app/quality.c) */
	"CREATE TABLE IF NOT EXISTS screening_case("
	" year INTEGER NOT NULL,"
	" member INTEGER NOT NULL REFERENCES member(id) ON DELETE CASCADE,"
	" org_id INTEGER REFERENCES org(id),"
	" reason TEXT NOT NULL,"
	" outcome TEXT NOT NULL CHECK (outcome IN ('progressed','continued','removed')),"
	" channel TEXT CHECK (channel IN ('remove','expel','leave')),"
	" decision_date TEXT, decision_ref TEXT,"
	" CHECK ((outcome = 'removed') = (channel IS NOT NULL)),"
	" PRIMARY KEY (year, member));"
	"CREATE TABLE IF NOT EXISTS residence_feedback("
	" year INTEGER NOT NULL,"
	" member INTEGER NOT NULL REFERENCES member(id) ON DELETE CASCADE,"
	" org_id INTEGER REFERENCES org(id),"
	" residence_cell TEXT NOT NULL,"
	" commented_on TEXT, comment TEXT, front_opinion TEXT, exempt_reason TEXT,"
	" PRIMARY KEY (year, member));"
	"CREATE TABLE IF NOT EXISTS degradation("
	" period TEXT NOT NULL,"
	" subject_type TEXT NOT NULL CHECK (subject_type IN ('org','member')),"
	" subject TEXT NOT NULL,"
	" org_id INTEGER REFERENCES org(id),"
	" manifestation INTEGER NOT NULL CHECK (manifestation BETWEEN 1 AND 27),"
	" level INTEGER NOT NULL CHECK (level BETWEEN 1 AND 5),"
	" note TEXT,"
	" PRIMARY KEY (period, subject_type, subject, manifestation));",
	NULL,
};

#define AUDIT_COLS "SELECT id,at,actor,action,entity_type,entity_key,before,after,prev_hash,hash FROM audit "

#define MEMBER_COLS                                                                               \
	"member_id,full_name,name_key,given_key,gender,birth_date,ethnicity,religion,card_number,"  \
	"org_id,decision_date,ceremony_date,official_date,status,education,profession_level,"      \
	"theory_level,occupation,hometown"

#define APPLICANT_COLS                                                                            \
	"SELECT a.id,a.code,a.full_name,a.gender,a.birth_date,a.ethnicity,a.religion,a.card_number,a.org_id,"   \
	"a.listed_on,r.member_id,a.consent,a.exit_reason,a.sentence_cleared,m.member_id,a.note FROM applicant a " \
	"LEFT JOIN member r ON r.id = a.readmit_member LEFT JOIN member m ON m.id = a.member "

const char *const sqlite_sql[STMT__MAX] = {
	[STMT_META_GET] = "SELECT value FROM meta WHERE key = ?",
	[STMT_META_SET] = "INSERT INTO meta(key, value) VALUES (?, ?) "
			  "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
	[STMT_ORG_INSERT] = "INSERT INTO org(code,name,kind,parent_id,category,unit_code,founded_on,dissolved_on) "
			    "VALUES (?,?,?,?,?,?,?,?)",
	[STMT_ORG_UPDATE] = "UPDATE org SET name=?,kind=?,parent_id=?,category=?,unit_code=?,founded_on=?,"
			    "dissolved_on=? WHERE id=?",
	[STMT_ORG_ALL] = "SELECT id,code,name,kind,parent_id,category,unit_code,founded_on,dissolved_on "
			 "FROM org ORDER BY id",
	[STMT_ORG_EVENT_INSERT] = "INSERT INTO org_event(org_id,date,type,from_id,to_id,old_name,new_name) "
				  "VALUES (?,?,?,?,?,?,?)",
	[STMT_ORG_EVENT_DELETE_ORG] = "DELETE FROM org_event WHERE org_id = ?",
	[STMT_ORG_EVENT_ALL] = "SELECT id,org_id,date,type,from_id,to_id,old_name,new_name FROM org_event "
			       "ORDER BY date, id",
	[STMT_ORG_SPAN_CLEAR] = "DELETE FROM org_span",
	[STMT_ORG_SPAN_INSERT] = "INSERT INTO org_span(org_id,parent_id,valid_from,valid_to,name) VALUES (?,?,?,?,?)",
	[STMT_MEMBER_INSERT] = "INSERT INTO member(" MEMBER_COLS ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
	[STMT_MEMBER_UPDATE] = "UPDATE member SET full_name=?,name_key=?,given_key=?,gender=?,birth_date=?,"
			       "ethnicity=?,religion=?,card_number=?,org_id=?,decision_date=?,ceremony_date=?,"
			       "official_date=?,status=?,education=?,profession_level=?,theory_level=?,"
			       "occupation=?,hometown=?,version=version+1 WHERE id=?",
	[STMT_MEMBER_ROWID] = "SELECT id, version FROM member WHERE member_id = ?",
	[STMT_MEMBER_GET] = "SELECT " MEMBER_COLS ",version FROM member WHERE id = ?",
	[STMT_MEMBER_ALL] = "SELECT id, member_id FROM member ORDER BY member_id",
	[STMT_MEMBER_FACTS_ALL] = "SELECT id,member_id,org_id,decision_date,ceremony_date,official_date,status "
				  "FROM member ORDER BY id",
	[STMT_MEMBER_FIND_NAME] = "SELECT m.member_id,m.full_name,m.gender,m.birth_date,o.code,m.status "
				  "FROM member m JOIN org o ON o.id = m.org_id "
				  "WHERE m.name_key >= ? AND m.name_key < ? ORDER BY m.name_key LIMIT ?",
	[STMT_MEMBER_FIND_GIVEN] = "SELECT m.member_id,m.full_name,m.gender,m.birth_date,o.code,m.status "
				   "FROM member m JOIN org o ON o.id = m.org_id "
				   "WHERE m.given_key >= ? AND m.given_key < ? ORDER BY m.given_key LIMIT ?",
	[STMT_MEMBER_COUNT] = "SELECT count(*) FROM member",
	[STMT_EVENT_INSERT] = "INSERT INTO event(member,date,type,org_id,to_org_id,detail) VALUES (?,?,?,?,?,?)",
	[STMT_EVENT_DELETE_MEMBER] = "DELETE FROM event WHERE member = ?",
	[STMT_EVENT_OF_MEMBER] = "SELECT date,type,org_id,to_org_id,detail,id FROM event WHERE member = ? "
				 "ORDER BY date, id",
	[STMT_EVENT_ALL] = "SELECT e.member,e.date,e.type,e.org_id,e.to_org_id,e.detail FROM event e "
			   "JOIN member m ON m.id = e.member ORDER BY m.member_id, e.date, e.id",
	[STMT_EVENT_ALL_BY_ROW] = "SELECT member,date,type,org_id,to_org_id,detail FROM event "
				  "ORDER BY member, date, id",
	[STMT_EVENT_COUNT] = "SELECT count(*) FROM event",
	[STMT_ORG_EVENT_CLEAR] = "DELETE FROM org_event",
	[STMT_MSPAN_DELETE_MEMBER] = "DELETE FROM member_span WHERE member = ?",
	[STMT_MSPAN_INSERT] = "INSERT INTO member_span(member,org_id,valid_from,valid_to) VALUES (?,?,?,?)",
	[STMT_MSPAN_OF_MEMBER] = "SELECT org_id,valid_from,valid_to FROM member_span WHERE member = ? "
				 "ORDER BY valid_from",
	[STMT_MSPAN_AT] = "SELECT member, org_id FROM member_span WHERE valid_from <= ? AND ? < valid_to",
	[STMT_META_BUMP] = "INSERT INTO meta(key, value) VALUES (?, '1') "
			   "ON CONFLICT(key) DO UPDATE SET value = CAST(CAST(value AS INTEGER) + 1 AS TEXT)",
	[STMT_SNAPSHOT_MEMBERS] = "SELECT id,org_id,decision_date,ceremony_date,official_date,status,gender,"
				  "birth_date,ethnicity,religion FROM member ORDER BY id",
	[STMT_TARGET_SET] = "INSERT INTO admission_target(org_id, year, target) VALUES (?, ?, ?) "
			    "ON CONFLICT(org_id, year) DO UPDATE SET target = excluded.target",
	[STMT_TARGET_ALL] = "SELECT org_id, year, target FROM admission_target",
	[STMT_ORG_ID_BY_CODE] = "SELECT id FROM org WHERE code = ?",
	[STMT_USER_INSERT] = "INSERT INTO app_user(login,role,org_id,password_hash,created_at) VALUES (?,?,?,?,?)",
	[STMT_USER_BY_LOGIN] = "SELECT u.id,u.login,u.role,u.org_id,u.password_hash,u.disabled,u.created_at,o.code "
			       "FROM app_user u JOIN org o ON o.id = u.org_id WHERE u.login = ?",
	[STMT_USER_ALL] = "SELECT u.id,u.login,u.role,u.org_id,u.created_at,u.disabled,o.code "
			  "FROM app_user u JOIN org o ON o.id = u.org_id ORDER BY u.login",
	[STMT_USER_SET_DISABLED] = "UPDATE app_user SET disabled = ? WHERE id = ?",
	[STMT_USER_SET_PASSWORD] = "UPDATE app_user SET password_hash = ? WHERE id = ?",
	[STMT_USER_COUNT] = "SELECT count(*) FROM app_user",
	[STMT_SESSION_INSERT] = "INSERT INTO session(token_hash,user_id,csrf_token,created_at,expires_at,last_seen,client) "
				"VALUES (?,?,?,?,?,?,?)",
	[STMT_SESSION_GET] = "SELECT u.id,u.login,u.role,u.org_id,s.csrf_token,s.expires_at,s.last_seen,u.disabled,"
			     "o.code FROM session s JOIN app_user u ON u.id = s.user_id JOIN org o ON o.id = u.org_id "
			     "WHERE s.token_hash = ?",
	[STMT_SESSION_TOUCH] = "UPDATE session SET last_seen = ? WHERE token_hash = ?",
	[STMT_SESSION_DELETE] = "DELETE FROM session WHERE token_hash = ?",
	[STMT_SESSION_DELETE_USER] = "DELETE FROM session WHERE user_id = ?",
	[STMT_SESSION_PURGE] = "DELETE FROM session WHERE expires_at <= ? OR last_seen <= ?",
	[STMT_LOGIN_FAIL_INSERT] = "INSERT INTO login_failure(login,client,at) VALUES (?,?,?)",
	[STMT_LOGIN_FAIL_OF_LOGIN] = "SELECT at FROM login_failure WHERE login = ? AND at > ? ORDER BY at DESC LIMIT ?",
	[STMT_LOGIN_FAIL_OF_CLIENT] = "SELECT at FROM login_failure WHERE client = ? AND at > ? ORDER BY at DESC LIMIT ?",
	[STMT_LOGIN_FAIL_CLEAR] = "DELETE FROM login_failure WHERE login = ?",
	[STMT_LOGIN_FAIL_PURGE] = "DELETE FROM login_failure WHERE at <= ?",
	[STMT_AUDIT_HEAD] = "SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1",
	[STMT_AUDIT_INSERT] = "INSERT INTO audit(id,at,actor,action,entity_type,entity_key,before,after,prev_hash,hash) "
			      "VALUES (?,?,?,?,?,?,?,?,?,?)",
	[STMT_AUDIT_FROM] = AUDIT_COLS 
			    "WHERE id > ? ORDER BY id",
	[STMT_AUDIT_PAGE] = AUDIT_COLS 
			    "WHERE id < ? ORDER BY id DESC LIMIT ?",
	[STMT_AUDIT_OF_ENTITY] = AUDIT_COLS 
				 "WHERE entity_type = ? AND entity_key = ? AND id < ? ORDER BY id DESC LIMIT ?",
	[STMT_MEMBER_OF_ORG] = "SELECT id,member_id,full_name,name_key,given_key,status FROM member WHERE org_id = ?",
	[STMT_MEMBER_SEARCH_NAME] = "SELECT id,member_id,full_name,org_id,status FROM member "
				    "WHERE name_key >= ? AND name_key < ? ORDER BY name_key LIMIT ?",
	[STMT_MEMBER_SEARCH_GIVEN] = "SELECT id,member_id,full_name,org_id,status FROM member "
				     "WHERE given_key >= ? AND given_key < ? ORDER BY given_key LIMIT ?",
	[STMT_RULE_SETTING_ALL] = "SELECT key, value FROM rule_setting",
	[STMT_RULE_SETTING_SET] = "INSERT INTO rule_setting(key, value) VALUES (?, ?) "
				  "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
	[STMT_RULE_SETTING_DELETE] = "DELETE FROM rule_setting WHERE key = ?",
	[STMT_APPLICANT_INSERT] = "INSERT INTO applicant(code,full_name,name_key,gender,birth_date,ethnicity,religion,card_number,"
				  "org_id,listed_on,readmit_member,consent,exit_reason,sentence_cleared,note) "
				  "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
	[STMT_APPLICANT_GET] = APPLICANT_COLS "WHERE a.code = ?",
	[STMT_APPLICANT_ALL] = APPLICANT_COLS "ORDER BY a.code",
	[STMT_APPLICANT_SET_MEMBER] = "UPDATE applicant SET member = ? WHERE id = ?",
	[STMT_APPLICANT_STEP_INSERT] = "INSERT INTO applicant_step(applicant,step,date,votes_for,votes_base,person,since,ref,flags,note) "
				  "VALUES (?,?,?,?,?,?,?,?,?,?)",
	[STMT_APPLICANT_STEPS] = "SELECT step,date,votes_for,votes_base,person,since,ref,flags,note FROM applicant_step "
				  "WHERE applicant = ? ORDER BY date, id",
	[STMT_APPLICANT_STEPS_IN] = "SELECT s.step,s.date,a.org_id,s.flags FROM applicant_step s JOIN applicant a ON a.id = s.applicant "
				  "WHERE s.date >= ? AND s.date <= ?",
	[STMT_APPLICANT_LISTED_IN] = "SELECT 'listed',listed_on,org_id FROM applicant WHERE listed_on >= ? AND listed_on <= ?",
	[STMT_MEMBER_FACT_INSERT] = "INSERT INTO member_fact(member,kind,date,until_on,code,num,ref,note) VALUES (?,?,?,?,?,?,?,?)",
	[STMT_MEMBER_FACT_OF] = "SELECT kind,date,until_on,code,num,ref,note FROM member_fact WHERE member = ? ORDER BY date, id",
	[STMT_TRANSFER_INSERT] = "INSERT INTO transfer(member_id,kind,direction,from_org,to_org,unit,decision_date,introduced_on,"
				  "until_on,ref,record) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
	[STMT_TRANSFER_OPEN_OF] = "SELECT id,kind,direction,from_org,to_org,unit,decision_date,introduced_on,until_on,ref,record "
				  "FROM transfer WHERE member_id = ? AND arrived_on IS NULL ORDER BY id",
	[STMT_TRANSFER_CLOSE] = "UPDATE transfer SET arrived_on = ? WHERE id = ?",
	[STMT_TRANSFER_LIST] = "SELECT id,member_id,kind,direction,from_org,to_org,unit,decision_date,introduced_on,arrived_on,"
				  "until_on,ref FROM transfer ORDER BY id",
	[STMT_BADGE_INSERT] = "INSERT INTO badge_award(member,years,award_date,province_id,serial,how,ref) VALUES (?,?,?,?,?,?,?)",
	[STMT_BADGE_OF_MEMBER] = "SELECT years,award_date,province_id,serial,how,ref FROM badge_award WHERE member = ? "
				  "ORDER BY years",
	[STMT_BADGE_MAX_SERIAL] = "SELECT max(serial) FROM badge_award WHERE province_id = ? AND years = ?",
	[STMT_BADGE_SERIAL_TAKEN] = "SELECT count(*) FROM badge_award WHERE province_id = ? AND years = ? AND serial = ?",
	[STMT_CV_RANGE_INSERT] = "INSERT INTO cv_range(org_id,province_id,lo,hi,created_on) VALUES (?,?,?,?,?)",
	[STMT_CV_RANGE_ALL] = "SELECT id,org_id,province_id,lo,hi,created_on FROM cv_range ORDER BY id",
	[STMT_CV_MAX_IN] = "SELECT max(member_id) FROM member WHERE member_id >= ? AND member_id <= ? "
				  "AND substr(member_id, 7) = ? AND length(member_id) = ?",
	[STMT_MEMBERS_OF_ORG_AT] = "SELECT m.member_id FROM member_span s JOIN member m ON m.id = s.member "
				  "WHERE s.org_id = ? AND s.valid_from <= ? AND ? < s.valid_to",
	[STMT_LC_EVENTS_IN] = "SELECT e.type,e.date,s.org_id FROM event e JOIN member_span s ON s.member = e.member "
				  "AND s.valid_from <= e.date AND e.date < s.valid_to "
				  "WHERE e.type IN ('temp_out','temp_back','exempt_start','exempt_end','discipline','badge') "
				  "AND e.date >= ? AND e.date <= ?",
	[STMT_CONGRESS_INSERT] = "INSERT INTO congress(org_id,term,kind,pilot,direct_secretary,planned_on,notice_on,political_report,committee_review,election_plan,delegates_plan) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
	[STMT_CONGRESS_UPDATE] = "UPDATE congress SET kind = ?, pilot = ?, direct_secretary = ?, planned_on = ?, notice_on = ?, political_report = ?, committee_review = ?, election_plan = ?, delegates_plan = ? WHERE id = ?",
	[STMT_CONGRESS_GET] = "SELECT id,kind,pilot,direct_secretary,planned_on,notice_on,held_on FROM congress WHERE org_id = ? AND term = ?",
	[STMT_CONGRESS_SET_HELD] = "UPDATE congress SET held_on = ? WHERE id = ?",
	[STMT_CONGRESS_OF_TERM] = "SELECT id,org_id,kind,pilot,direct_secretary,planned_on,notice_on,held_on FROM congress WHERE term = ? ORDER BY id",
	[STMT_CONGRESS_ROSTER_CLEAR] = "DELETE FROM congress_roster WHERE congress = ?",
	[STMT_CONGRESS_ROSTER_INSERT] = "INSERT INTO congress_roster(congress,member,official,exclusion,seat,elected_by,replaces) VALUES (?,?,?,?,?,"
					"(SELECT id FROM org WHERE code = ?),(SELECT id FROM member WHERE member_id = ?))",
	[STMT_CONGRESS_ROSTER_OF] = "SELECT m.member_id,m.full_name,r.official,r.exclusion,r.seat,o.code,rm.member_id FROM congress_roster r "
				    "JOIN member m ON m.id = r.member LEFT JOIN org o ON o.id = r.elected_by "
				    "LEFT JOIN member rm ON rm.id = r.replaces WHERE r.congress = ? ORDER BY m.member_id",
	[STMT_CONGRESS_ELECTED_CLEAR] = "DELETE FROM congress_elected WHERE congress = ? AND role = ?",
	[STMT_CONGRESS_ELECTED_INSERT] = "INSERT INTO congress_elected(congress,member,role,votes,base,seq) VALUES (?,?,?,?,?,?)",
	[STMT_CONGRESS_ELECTED_OF_TERM] = "SELECT c.org_id,e.role,m.gender,e.votes,e.base FROM congress_elected e JOIN congress c ON c.id = e.congress JOIN member m ON m.id = e.member WHERE c.term = ? ORDER BY e.congress, e.role, e.member",
	[STMT_CONGRESS_DELEGATES_OF_TERM] = "SELECT c.org_id,e.role,e.seq,m.member_id,m.full_name FROM congress_elected e "
					    "JOIN congress c ON c.id = e.congress JOIN member m ON m.id = e.member "
					    "WHERE c.term = ? AND e.role IN ('delegate','alternate') ORDER BY c.org_id, e.role, e.seq",
	[STMT_CONGRESS_COMMITTEE_BEFORE] = "SELECT m.member_id,m.full_name FROM congress_elected e JOIN congress c ON c.id = e.congress "
					   "JOIN member m ON m.id = e.member WHERE c.org_id = ? AND e.role = 'committee' "
					   "AND c.term = (SELECT max(term) FROM congress WHERE org_id = ? AND term < ?) ORDER BY m.member_id",
	[STMT_RATING_DELETE] = "DELETE FROM rating WHERE period = ? AND subject_type = ? AND subject = ?",
	[STMT_RATING_INSERT] = "INSERT INTO rating(period, subject_type, subject, org_id, score, level, self_review, "
			       "override_reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
	[STMT_RATING_OF_PERIOD] = "SELECT subject_type, subject, org_id, score, level, self_review FROM rating "
				  "WHERE period = ? ORDER BY subject_type, subject",
	[STMT_RATING_ALL] = "SELECT r.period, r.subject_type, r.subject, r.score, r.level, r.self_review, "
			    "r.override_reason, o.code FROM rating r LEFT JOIN member m ON r.subject_type = 'member' "
			    "AND m.member_id = r.subject LEFT JOIN org o ON o.id = COALESCE(m.org_id, r.org_id)",
	[STMT_RATING_DISCIPLINED_LEADER] = "SELECT m.member_id, e.date FROM congress c JOIN congress_elected ce ON ce.congress = c.id "
					   "JOIN member m ON m.id = ce.member JOIN event e ON e.member = ce.member AND e.type = 'discipline' "
					   "WHERE c.org_id = ?1 AND ce.role IN ('committee', 'secretary') AND c.held_on IS NOT NULL "
					   "AND e.date >= ?2 AND e.date <= ?3 AND e.date >= c.held_on "
					   "AND NOT EXISTS (SELECT 1 FROM congress c2 WHERE c2.org_id = c.org_id AND c2.held_on IS NOT NULL "
					   "AND c2.held_on > c.held_on AND c2.held_on <= e.date) ORDER BY e.date, m.member_id LIMIT 1",
	[STMT_POST_INSERT] = "INSERT INTO post(member,kind,org_id,unit,from_date,to_date,standing,ref) VALUES (?,?,?,?,?,?,?,?)",
	[STMT_POST_UPDATE] = "UPDATE post SET unit=?,to_date=?,standing=?,ref=? WHERE id=?",
	[STMT_POST_OF_ORG] = "SELECT p.id,p.member,m.member_id,p.kind,p.from_date,p.to_date,p.unit,p.standing,p.ref FROM post p "
			     "JOIN member m ON m.id = p.member WHERE p.org_id = ? ORDER BY p.id",
	[STMT_POST_ALL] = "SELECT p.id,m.member_id,m.full_name,p.kind,o.code,p.org_id,p.unit,p.from_date,p.to_date,"
			  "p.standing,p.ref,p.member FROM post p JOIN member m ON m.id = p.member "
			  "JOIN org o ON o.id = p.org_id ORDER BY p.id",
	[STMT_POST_AT] = "SELECT p.member,p.kind,p.org_id,p.standing,m.hometown FROM post p JOIN member m ON m.id = p.member "
			 "WHERE p.from_date <= ? AND ? < p.to_date ORDER BY p.id",
	[STMT_SCREENING_DELETE] = "DELETE FROM screening_case WHERE year = ? AND member = ?",
	[STMT_SCREENING_INSERT] = "INSERT INTO screening_case(year,member,org_id,reason,outcome,channel,decision_date,decision_ref) "
		"VALUES (?,?,?,?,?,?,?,?)",
	[STMT_SCREENING_ALL] = "SELECT s.year,m.member_id,s.reason,s.outcome,s.channel,s.decision_date,s.decision_ref,s.org_id "
		"FROM screening_case s JOIN member m ON m.id = s.member ORDER BY s.year, m.member_id",
	[STMT_RESIDENCE_DELETE] = "DELETE FROM residence_feedback WHERE year = ? AND member = ?",
	[STMT_RESIDENCE_INSERT] = "INSERT INTO residence_feedback(year,member,org_id,residence_cell,commented_on,comment,front_opinion,exempt_reason) "
		"VALUES (?,?,?,?,?,?,?,?)",
	[STMT_RESIDENCE_ALL] = "SELECT r.year,m.member_id,r.residence_cell,r.commented_on,r.comment,r.front_opinion,r.exempt_reason,r.org_id "
		"FROM residence_feedback r JOIN member m ON m.id = r.member ORDER BY r.year, m.member_id",
	[STMT_DEGRADATION_DELETE] = "DELETE FROM degradation WHERE period = ? AND subject_type = ? AND subject = ?",
	[STMT_DEGRADATION_INSERT] = "INSERT INTO degradation(period,subject_type,subject,org_id,manifestation,level,note) "
		"VALUES (?,?,?,?,?,?,?)",
	[STMT_DEGRADATION_ALL] = "SELECT period,subject_type,subject,manifestation,level,note,org_id FROM degradation "
		"ORDER BY period, subject_type, subject, manifestation",
};
