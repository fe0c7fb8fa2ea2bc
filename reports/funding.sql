-- title: Funding by region and year
-- description: Education money (indicators of category funding, unit yuan; 万元 and 亿元
--   converted) per region, from/to years, indicator and status (achieved, planned, unknown): one
--   indicator per row, never budgets added to loans or donations. A figure for 2007-2008 keeps
--   both years, and --year 2008 finds it; figures with no year have empty years and are left out
--   by --year. amount_yuan sums every mention with a value; placeholders (X万元) are counted but
--   have no value. The same money mentioned twice, or a total and its parts, are both summed:
--   compare mentions and documents before quoting a total; funding_per_student is yuan per
--   student, so its sum means little.
-- param region: region name (海珠区, 广州, 广东省) or adcode prefix (4401); every region when empty
-- param year: a year the money is for (2011); every year when empty
WITH params AS (
    SELECT NULLIF(:region, '') AS region, CAST(NULLIF(:year, '') AS INTEGER) AS year
)
SELECT
    COALESCE(r.name, '(unresolved)')                    AS region,
    r.province_name                                      AS province,
    q.from_year                                          AS from_year,
    q.to_year                                            AS to_year,
    i.indicator_id                                       AS indicator,
    i.name_zh                                            AS indicator_zh,
    q.status                                             AS status,
    COUNT(*)                                             AS mentions,
    SUM(CASE WHEN q.qualifier = 'placeholder' THEN 1 ELSE 0 END)                     AS placeholders,
    SUM(q.value)                                         AS amount_yuan,
    SUM(q.value) / 10000.0                               AS amount_wan_yuan,
    COUNT(DISTINCT q.document_id)                        AS documents
FROM fact_quantity q
JOIN dim_indicator i ON i.indicator_id = q.indicator_id
LEFT JOIN dim_region r ON r.region_id = q.region_id
CROSS JOIN params p
WHERE i.category = 'funding'
  AND q.unit_id = 'yuan'
  AND (p.region IS NULL OR r.region_id LIKE p.region || '%' OR r.name LIKE p.region || '%'
       OR r.city_name LIKE p.region || '%' OR r.province_name LIKE p.region || '%')
  AND (p.year IS NULL OR p.year BETWEEN q.from_year AND COALESCE(q.to_year, q.from_year))
GROUP BY r.region_id, r.name, r.province_name, q.from_year, q.to_year, i.indicator_id, i.name_zh, q.status
ORDER BY province, region, from_year, to_year, amount_yuan DESC, indicator, status;
