-- title: Teachers recruited and trained
-- description: Teacher figures (indicators of category teachers: recruited, trained, exchanged,
--   staff numbers …) per region, year, indicator, unit and status. total sums every mention with
--   a value, in the unit shown (名, 人, 人次); placeholders (XX名) are counted but have no value.
-- param region: region name (海珠区, 广州, 广东省) or adcode prefix (4401); every region when empty
-- param year: a year the figure is for (2011); every year when empty
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
    q.unit_id                                            AS unit,
    q.status                                             AS status,
    COUNT(*)                                             AS mentions,
    SUM(CASE WHEN q.qualifier = 'placeholder' THEN 1 ELSE 0 END)                     AS placeholders,
    CASE WHEN i.is_rate = 1 OR q.unit_id = 'percent' THEN NULL ELSE SUM(q.value) END AS total,
    MIN(q.value)                                         AS min_value,
    MAX(q.value)                                         AS max_value,
    COUNT(DISTINCT q.document_id)                        AS documents
FROM fact_quantity q
JOIN dim_indicator i ON i.indicator_id = q.indicator_id
LEFT JOIN dim_region r ON r.region_id = q.region_id
CROSS JOIN params p
WHERE i.category = 'teachers'
  AND (p.region IS NULL OR r.region_id LIKE p.region || '%' OR r.name LIKE p.region || '%'
       OR r.city_name LIKE p.region || '%' OR r.province_name LIKE p.region || '%')
  AND (p.year IS NULL OR p.year BETWEEN q.from_year AND COALESCE(q.to_year, q.from_year))
GROUP BY r.region_id, r.name, r.province_name, q.from_year, q.to_year, i.indicator_id, i.name_zh, i.is_rate, q.unit_id, q.status
ORDER BY province, region, from_year, to_year, indicator, unit, status;
