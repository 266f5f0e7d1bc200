-- The tables the PostgreSQL peer of bench/report_members.sh reads: the
-- columns of dangbo's tables the members report needs, with real dates.
CREATE TABLE org(id bigint PRIMARY KEY, code text NOT NULL UNIQUE, kind text NOT NULL,
                 founded_on date, dissolved_on date);
CREATE TABLE org_span(org_id bigint NOT NULL, parent_id bigint, valid_from date NOT NULL, valid_to date NOT NULL);
CREATE TABLE org_event(org_id bigint NOT NULL, date date NOT NULL, type text NOT NULL, to_id bigint);
CREATE TABLE member(id bigint PRIMARY KEY, gender text NOT NULL, birth_date date NOT NULL, ethnicity text NOT NULL,
                    religion text, decision_date date NOT NULL, ceremony_date date, official_date date,
                    status text NOT NULL);
CREATE TABLE member_span(member bigint NOT NULL, org_id bigint NOT NULL, valid_from date NOT NULL, valid_to date NOT NULL);
CREATE TABLE event(member bigint NOT NULL, date date NOT NULL, type text NOT NULL);
