-- title: Indicators found
-- description: What the Facts stage found, per category, indicator and unit: mentions,
--   placeholders, documents, and the total and range of the values (totals only for money,
--   counts and areas; rates are never summed). Start here to see which canned report has data.
-- param region: region name (海珠区, 广州, 广东省) or adcode prefix (4401); every region when empty
-- param year: a year the figure is for (2011); every year when empty
WITH params AS (
    SELECT NULLIF(:region, '') AS region, CAST(NULLIF(:year, '') AS INTEGER) AS year
)
SELECT
    i.category                                           AS category,
    i.indicator_id                                       AS indicator,
    i.name_zh                                            AS indicator_zh,
    q.unit_id                                            AS unit,
    COUNT(*)                                             AS mentions,
    SUM(CASE WHEN q.qualifier = 'placeholder' THEN 1 ELSE 0 END)                     AS placeholders,
    SUM(CASE WHEN q.status = 'achieved' THEN 1 ELSE 0 END)                           AS achieved,
    SUM(CASE WHEN q.status = 'planned' THEN 1 ELSE 0 END)                            AS planned,
    COUNT(DISTINCT q.document_id)                        AS documents,
    CASE WHEN i.is_rate = 1 OR q.unit_id = 'percent' THEN NULL ELSE SUM(q.value) END AS total,
    MIN(q.value)                                         AS min_value,
    MAX(q.value)                                         AS max_value
FROM fact_quantity q
JOIN dim_indicator i ON i.indicator_id = q.indicator_id
LEFT JOIN dim_region r ON r.region_id = q.region_id
CROSS JOIN params p
WHERE (p.region IS NULL OR r.region_id LIKE p.region || '%' OR r.name LIKE p.region || '%'
       OR r.city_name LIKE p.region || '%' OR r.province_name LIKE p.region || '%')
  AND (p.year IS NULL OR p.year BETWEEN q.from_year AND COALESCE(q.to_year, q.from_year))
GROUP BY i.category, i.indicator_id, i.name_zh, i.is_rate, q.unit_id
ORDER BY category, mentions DESC, indicator, unit;
