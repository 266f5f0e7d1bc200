-- The members report (contract §3) for @ROOT@ and the organizations two
-- levels under it, as of @ASOF@, in straightforward SQL over the tables
-- dangbo keeps (the peer of bench/report_members.sh). The tree of the day
-- is a recursive CTE over org_span; members of merged organizations follow
-- the merge (org_event); members on the day are the member_span rows
-- holding it. Prints code|indicator|count.
.mode list
.separator |
WITH RECURSIVE
p(d) AS (SELECT '@ASOF@'),
sub(id, depth, r1, r2) AS (
  SELECT id, 0, NULL, NULL FROM org WHERE code = '@ROOT@'
  UNION ALL
  SELECT sp.org_id, s.depth + 1,
         CASE WHEN s.depth = 0 THEN sp.org_id ELSE s.r1 END,
         CASE WHEN s.depth = 1 THEN sp.org_id ELSE s.r2 END
  FROM sub s
  JOIN org_span sp ON sp.parent_id = s.id
  JOIN org o ON o.id = sp.org_id, p
  WHERE sp.valid_from <= p.d AND p.d < sp.valid_to
    AND (o.founded_on IS NULL OR o.founded_on <= p.d)
    AND (o.dissolved_on IS NULL OR p.d < o.dissolved_on)
),
mg(id, into_id) AS (SELECT e.org_id, e.to_id FROM org_event e, p WHERE e.type = 'merge' AND e.date <= p.d),
fol(id, cur) AS (
  SELECT id, id FROM org
  UNION ALL
  SELECT f.id, mg.into_id FROM fol f JOIN mg ON mg.id = f.cur
),
final(id, cur) AS (SELECT f.id, f.cur FROM fol f WHERE NOT EXISTS (SELECT 1 FROM mg WHERE mg.id = f.cur)),
m AS (
  SELECT s.r1, s.r2,
    (CASE WHEN mb.official_date IS NOT NULL THEN mb.official_date
          WHEN mb.status = 'probationary' THEN '9999-12-31'
          WHEN substr(coalesce(mb.ceremony_date, mb.decision_date), 6, 5) = '02-29'
            THEN (CAST(substr(coalesce(mb.ceremony_date, mb.decision_date), 1, 4) AS INTEGER) + 1) || '-02-28'
          ELSE (CAST(substr(coalesce(mb.ceremony_date, mb.decision_date), 1, 4) AS INTEGER) + 1)
               || substr(coalesce(mb.ceremony_date, mb.decision_date), 5)
     END) <= p.d AS official,
    mb.gender = 'nữ' AS female,
    mb.ethnicity <> 'Kinh' AS minority,
    (mb.religion IS NOT NULL AND mb.religion <> '') AS religious,
    EXISTS (SELECT 1 FROM event st WHERE st.member = mb.id AND st.type = 'exempt_start' AND st.date <= p.d
            AND NOT EXISTS (SELECT 1 FROM event en WHERE en.member = mb.id AND en.date > st.date AND en.date <= p.d
                            AND en.type IN ('exempt_end', 'transfer_out', 'remove', 'expel', 'leave', 'death'))) AS exempt,
    CAST(substr(p.d, 1, 4) AS INTEGER) - CAST(substr(mb.birth_date, 1, 4) AS INTEGER)
      - (substr(p.d, 6, 5) < substr(mb.birth_date, 6, 5)) AS age
  FROM member_span ms
  JOIN final f ON f.id = ms.org_id
  JOIN sub s ON s.id = f.cur
  JOIN member mb ON mb.id = ms.member, p
  WHERE ms.valid_from <= p.d AND p.d < ms.valid_to
),
rows_m(row_id, official, female, minority, religious, exempt, age) AS (
  SELECT (SELECT id FROM org WHERE code = '@ROOT@'), official, female, minority, religious, exempt, age FROM m
  UNION ALL SELECT r1, official, female, minority, religious, exempt, age FROM m WHERE r1 IS NOT NULL
  UNION ALL SELECT r2, official, female, minority, religious, exempt, age FROM m WHERE r2 IS NOT NULL
),
agg AS (
  SELECT row_id, count(*) AS total, sum(official) AS official, sum(NOT official) AS probationary,
         sum(female) AS female, sum(minority) AS minority, sum(religious) AS religious, sum(exempt) AS exempt,
         sum(age <= 30) AS a30, sum(age BETWEEN 31 AND 40) AS a40, sum(age BETWEEN 41 AND 50) AS a50,
         sum(age BETWEEN 51 AND 60) AS a60, sum(age BETWEEN 61 AND 70) AS a70, sum(age > 70) AS a71
  FROM rows_m GROUP BY row_id
),
r AS (
  SELECT o.code, coalesce(a.total, 0) total, coalesce(a.official, 0) official, coalesce(a.probationary, 0) probationary,
         coalesce(a.female, 0) female, coalesce(a.minority, 0) minority, coalesce(a.religious, 0) religious,
         coalesce(a.exempt, 0) exempt, coalesce(a.a30, 0) a30, coalesce(a.a40, 0) a40, coalesce(a.a50, 0) a50,
         coalesce(a.a60, 0) a60, coalesce(a.a70, 0) a70, coalesce(a.a71, 0) a71
  FROM sub s JOIN org o ON o.id = s.id LEFT JOIN agg a ON a.row_id = s.id
  WHERE s.depth <= 2
)
SELECT code, 'total', total FROM r UNION ALL
SELECT code, 'official', official FROM r UNION ALL
SELECT code, 'probationary', probationary FROM r UNION ALL
SELECT code, 'female', female FROM r UNION ALL
SELECT code, 'ethnic_minority', minority FROM r UNION ALL
SELECT code, 'religious', religious FROM r UNION ALL
SELECT code, 'exempt', exempt FROM r UNION ALL
SELECT code, 'age_30_under', a30 FROM r UNION ALL
SELECT code, 'age_31_40', a40 FROM r UNION ALL
SELECT code, 'age_41_50', a50 FROM r UNION ALL
SELECT code, 'age_51_60', a60 FROM r UNION ALL
SELECT code, 'age_61_70', a70 FROM r UNION ALL
SELECT code, 'age_over_70', a71 FROM r;
