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
	STMT_RULE_SETTING_ALL,    /* -> key,value (src/app/rules_cfg.c) */
	STMT_RULE_SETTING_SET,    /* key,value (insert or replace) */
	STMT_RULE_SETTING_DELETE, /* key */
	STMT_APPLICANT_INSERT,    /* code,full_name,name_key,gender,birth_date,ethnicity,religion,card_number,org_id,listed_on,
				     readmit_member,consent,exit_reason,sentence_cleared,note (src/app/admission.c) */
	STMT_APPLICANT_GET,       /* code -> id,code,full_name,gender,birth_date,ethnicity,religion,card_number,org_id,
				     listed_on,readmit member_id,consent,exit_reason,sentence_cleared,member_id,note */
	STMT_APPLICANT_ALL,       /* -> the same columns (code order) */
	STMT_APPLICANT_SET_MEMBER,/* member,id */
	STMT_APPLICANT_STEP_INSERT,/* applicant,step,date,votes_for,votes_base,person,since,ref,flags,note */
	STMT_APPLICANT_STEPS,     /* applicant -> step,date,votes_for,votes_base,person,since,ref,flags,note (date, id order) */
	STMT_APPLICANT_STEPS_IN,  /* from,to -> step,date,org_id,flags (src/app/report_lifecycle.c) */
	STMT_APPLICANT_LISTED_IN, /* from,to -> 'listed',listed_on,org_id */
	STMT_MEMBER_FACT_INSERT,  /* member,kind,date,until,code,num,ref,note (src/app/lifecycle_common.c) */
	STMT_MEMBER_FACT_OF,      /* member -> kind,date,until,code,num,ref,note (date, id order) */
	STMT_TRANSFER_INSERT,     /* member_id,kind,direction,from_org,to_org,unit,decision_date,introduced_on,until,ref,record */
	STMT_TRANSFER_OPEN_OF,    /* member_id -> id,kind,direction,from_org,to_org,unit,decision_date,introduced_on,until,
				     ref,record (not arrived, id order) */
	STMT_TRANSFER_CLOSE,      /* arrived_on,id */
	STMT_TRANSFER_LIST,       /* -> id,member_id,kind,direction,from_org,to_org,unit,decision_date,introduced_on,
				     arrived_on,until,ref (id order) */
	STMT_BADGE_INSERT,        /* member,years,award_date,province_id,serial,how,ref (src/app/badges.c) */
	STMT_BADGE_OF_MEMBER,     /* member -> years,award_date,province_id,serial,how,ref (years order) */
	STMT_BADGE_MAX_SERIAL,    /* province_id,years -> max serial */
	STMT_BADGE_SERIAL_TAKEN,  /* province_id,years,serial -> count */
	STMT_CV_RANGE_INSERT,     /* org_id,province_id,lo,hi,created_on (src/app/cards.c) */
	STMT_CV_RANGE_ALL,        /* -> id,org_id,province_id,lo,hi,created_on (id order) */
	STMT_CV_MAX_IN,           /* lo id,hi id,letters,length -> the largest member_id in [lo,hi] with those letters */
	STMT_MEMBERS_OF_ORG_AT,   /* org_id,date,date -> member_id of the spans in org holding date */
	STMT_LC_EVENTS_IN,        /* from,to -> type,date,org_id of temp_out/back, exempt_start/end, discipline, badge events */
	/* congresses (src/app/congress.c) */
	STMT_CONGRESS_INSERT,     /* org_id,term,kind,pilot,direct_secretary,planned_on,notice_on,contents1..4 */
	STMT_CONGRESS_UPDATE,     /* kind,pilot,direct_secretary,planned_on,notice_on,contents1..4,id */
	STMT_CONGRESS_GET,        /* org_id,term -> id,kind,pilot,direct_secretary,planned_on,notice_on,held_on */
	STMT_CONGRESS_SET_HELD,   /* held_on,id */
	STMT_CONGRESS_OF_TERM,    /* term -> id,org_id,kind,pilot,direct_secretary,planned_on,notice_on,held_on (id order) */
	STMT_CONGRESS_ROSTER_CLEAR, /* congress */
	STMT_CONGRESS_ROSTER_INSERT, /* congress,member,official,exclusion,seat,elected_by org code,replaces member_id */
	STMT_CONGRESS_ROSTER_OF,  /* congress -> member_id,full_name,official,exclusion,seat,elected_by code,replaces
				   * member_id (member_id order) */
	STMT_CONGRESS_ELECTED_CLEAR, /* congress,role */
	STMT_CONGRESS_ELECTED_INSERT, /* congress,member,role,votes,base,seq (order of a delegate or alternate) */
	STMT_CONGRESS_ELECTED_OF_TERM, /* term -> org_id,role,gender,votes,base (congress, role, member order) */
	STMT_CONGRESS_DELEGATES_OF_TERM, /* term -> org_id,role,seq,member_id,full_name of the delegates and
					  * alternates recorded (org_id, role, seq order) */
	STMT_CONGRESS_COMMITTEE_BEFORE, /* org_id,org_id,term -> member_id,full_name of the committee elected at
					 * the org's latest congress of a term before term (member_id order) */
	/* quality ratings (src/app/ratings.c, src/app/report_ratings.c) */
	STMT_RATING_DELETE,       /* period,subject_type,subject */
	STMT_RATING_INSERT,       /* period,subject_type,subject,org_id,score (tenths),level,self_review,override_reason */
	STMT_RATING_OF_PERIOD,    /* period -> subject_type,subject,org_id,score,level,self_review */
	STMT_RATING_ALL,          /* -> period,subject_type,subject,score,level,self_review,override_reason,org code (export) */
	STMT_RATING_DISCIPLINED_LEADER, /* org_id,from,to -> member_id,date: the first discipline in [from, to] of a
					 * member of the committee of org then in office (elected by its latest
					 * congress held by that day) */
	/* posts held over time (src/app/posts.c, src/app/report_cadres.c) */
	STMT_POST_INSERT,         /* member,kind,org_id,unit,from_date,to_date,standing,ref */
	STMT_POST_UPDATE,         /* unit,to_date,standing,ref,id */
	STMT_POST_OF_ORG,         /* org_id -> id,member,member_id,kind,from_date,to_date,unit,standing,ref (id order) */
	STMT_POST_ALL,            /* -> id,member_id,full_name,kind,org code,org_id,unit,from_date,to_date,standing,ref,
				     member (id order) */
	STMT_POST_AT,             /* date,date -> member,kind,org_id,standing,hometown of the posts held on date (id order) */
	/* screening, residence feedback, the 27 manifestations (src/app/quality.c,
	 * src/app/report_screening.c, src/app/report_degradation.c) */
	STMT_SCREENING_DELETE,    /* year,member */
	STMT_SCREENING_INSERT,    /* year,member,org_id,reason,outcome,channel,decision_date,decision_ref */
	STMT_SCREENING_ALL,       /* -> year,member_id,reason,outcome,channel,decision_date,decision_ref,org_id
				     (year, member_id order) */
	STMT_RESIDENCE_DELETE,    /* year,member */
	STMT_RESIDENCE_INSERT,    /* year,member,org_id,residence_cell,commented_on,comment,front_opinion,exempt_reason */
	STMT_RESIDENCE_ALL,       /* -> year,member_id,residence_cell,commented_on,comment,front_opinion,exempt_reason,
				     org_id (year, member_id order) */
	STMT_DEGRADATION_DELETE,  /* period,subject_type,subject */
	STMT_DEGRADATION_INSERT,  /* period,subject_type,subject,org_id,manifestation,level,note */
	STMT_DEGRADATION_ALL,     /* -> period,subject_type,subject,manifestation,level,note,org_id
				     (period, subject_type, subject, manifestation order) */
	STMT__MAX
};

/* The name of a statement, for messages and the completeness test. */
const char *stmt_name(enum stmt s);

#endif
