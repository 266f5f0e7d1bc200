/* stmt: every statement dangbo runs, by name. Each backend has the SQL of
 * each in a table indexed by this enum (sqlite_sql.c, pg_sql.c); a unit test
 * checks that every entry is there and prepares. Parameters are "?" in
 * order; columns are listed in each comment. */
#ifndef DANGBO_STORE_STMT_H
#define DANGBO_STORE_STMT_H

enum stmt {
	STMT_META_GET,            /* key -> value */
	STMT_META_SET,            /* key, value */
	/* organizations */
	STMT_ORG_INSERT,          /* code,name,kind,parent_id,category,unit_code,founded_on,dissolved_on */
	STMT_ORG_UPDATE,          /* name,kind,parent_id,category,unit_code,founded_on,dissolved_on,id */
	STMT_ORG_ALL,             /* -> id,code,name,kind,parent_id,category,unit_code,founded_on,dissolved_on */
	STMT_ORG_EVENT_INSERT,    /* org_id,date,type,from_id,to_id,old_name,new_name */
	STMT_ORG_EVENT_DELETE_ORG, /* org_id */
	STMT_ORG_EVENT_ALL,       /* -> id,org_id,date,type,from_id,to_id,old_name,new_name (date, id order) */
	STMT_ORG_SPAN_CLEAR,      /* */
	STMT_ORG_SPAN_INSERT,     /* org_id,parent_id,valid_from,valid_to,name */
	/* members */
	STMT_MEMBER_INSERT,       /* member_id,full_name,name_key,given_key,gender,birth_date,ethnicity,religion,
				     card_number,org_id,decision_date,ceremony_date,official_date,status,
				     education,profession_level,theory_level,occupation,hometown */
	STMT_MEMBER_UPDATE,       /* same 2..19 then id */
	STMT_MEMBER_ROWID,        /* member_id -> id,version */
	STMT_MEMBER_GET,          /* id -> every column of INSERT order, then version */
	STMT_MEMBER_ALL,          /* -> id,member_id (member_id order) */
	STMT_MEMBER_FACTS_ALL,    /* -> id,member_id,org_id,decision_date,ceremony_date,official_date,status */
	STMT_MEMBER_FIND_NAME,    /* lo,hi,limit -> member_id,full_name,gender,birth_date,org code,status
				     (name_key in [lo,hi), key order) */
	STMT_MEMBER_FIND_GIVEN,   /* the same over given_key */
	STMT_MEMBER_COUNT,        /* -> count */
	STMT_EVENT_INSERT,        /* member,date,type,org_id,to_org_id,detail */
	STMT_EVENT_DELETE_MEMBER, /* member */
	STMT_EVENT_OF_MEMBER,     /* member -> date,type,org_id,to_org_id,detail,id (date, id order) */
	STMT_EVENT_ALL,           /* -> member,date,type,org_id,to_org_id,detail (member_id, date, id order) */
	STMT_EVENT_ALL_BY_ROW,    /* -> member,date,type,org_id,to_org_id,detail (member row, date, id order) */
	STMT_EVENT_COUNT,         /* -> count */
	STMT_ORG_EVENT_CLEAR,     /* */
	STMT_MSPAN_DELETE_MEMBER, /* member */
	STMT_MSPAN_INSERT,        /* member,org_id,valid_from,valid_to */
	STMT_MSPAN_OF_MEMBER,     /* member -> org_id,valid_from,valid_to */
	STMT_MSPAN_AT,            /* date,date -> member,org_id (spans holding on date) */
	/* reports (src/app/snapshot.c, src/app/target.c) */
	STMT_META_BUMP,           /* (key) -> increments the integer value of key, creating it at 1 */
	STMT_SNAPSHOT_MEMBERS,    /* -> id,org_id,decision_date,ceremony_date,official_date,status,gender,
				     birth_date,ethnicity,religion (id order) */
	STMT_TARGET_SET,          /* org_id,year,target (insert or replace) */
	STMT_TARGET_ALL,          /* -> org_id,year,target */
	/* accounts and audit (src/app/account.c, src/app/audit.c) */
	STMT_USER_INSERT,         /* login,role,org_id,password_hash,created_at */
	STMT_USER_BY_LOGIN,       /* login -> id,login,role,org_id,password_hash,disabled,created_at,org code */
	STMT_USER_ALL,            /* -> id,login,role,org_id,created_at,disabled,org code (login order) */
	STMT_USER_SET_DISABLED,   /* disabled,id */
	STMT_USER_SET_PASSWORD,   /* password_hash,id */
	STMT_USER_COUNT,          /* -> count */
	STMT_SESSION_INSERT,      /* token_hash,user_id,csrf_token,created_at,expires_at,last_seen,client */
	STMT_SESSION_GET,         /* token_hash -> user id,login,role,org_id,csrf,expires_at,last_seen,disabled,org code */
	STMT_SESSION_TOUCH,       /* last_seen,token_hash */
	STMT_SESSION_DELETE,      /* token_hash */
	STMT_SESSION_DELETE_USER, /* user_id */
	STMT_SESSION_PURGE,       /* now (expired), idle limit (last seen before) */
	STMT_LOGIN_FAIL_INSERT,   /* login,client,at */
	STMT_LOGIN_FAIL_OF_LOGIN, /* login,since,limit -> at (newest first) */
	STMT_LOGIN_FAIL_OF_CLIENT, /* client,since,limit -> at (newest first) */
	STMT_LOGIN_FAIL_CLEAR,    /* login */
	STMT_LOGIN_FAIL_PURGE,    /* before */
	STMT_AUDIT_HEAD,          /* -> id,hash of the last record */
	STMT_AUDIT_INSERT,        /* id,at,actor,action,entity_type,entity_key,before,after,prev_hash,hash */
	STMT_AUDIT_FROM,          /* id -> every column of records after id (id order) */
	STMT_AUDIT_PAGE,          /* before id,limit -> every column (newest first) */
	STMT_AUDIT_OF_ENTITY,     /* entity_type,entity_key,before id,limit -> every column (newest first) */
	STMT_MEMBER_OF_ORG,       /* org_id -> id,member_id,full_name,name_key,given_key,status */
	STMT_ORG_ID_BY_CODE,      /* code -> id (src/app/target.c) */
	STMT_MEMBER_SEARCH_NAME,  /* lo,hi,limit -> id,member_id,full_name,org_id,status (name_key in [lo,hi), key order) */
	STMT_MEMBER_SEARCH_GIVEN, /* lo,hi,limit -> id,member_id,full_name,org_id,status (given_key in [lo,hi), key order) */
	STMT__MAX
};

/* The name of a statement, for messages and the completeness test. */
const char *stmt_name(enum stmt s);

#endif
