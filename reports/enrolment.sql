-- title: Enrolment and completion rates
-- description: Rates (indicators of category rates: enrolment, completion, consolidation,
--   promotion …, in percent) and student numbers (category students) per region, year,
--   indicator and unit. Rates are never summed: min_value, max_value and latest_value (the value
--   of the most recent mention, by document and line) show their spread; total sums counts only.
-- param region: region name (海珠区, 广州, 广东省) or adcode prefix (4401); every region when empty
-- param year: a year the figure is for (2011); every year when empty
WITH params AS (
    SELECT NULLIF(:region, '') AS region, CAST(NULLIF(:year, '') AS INTEGER) AS year
),
selected AS (
    SELECT q.*, i.name_zh, i.category, i.is_rate, r.name AS region_name, r.province_name,
           -- the value of the most recent mention with a value in the same group
           FIRST_VALUE(q.value) OVER (
               PARTITION BY q.region_id, q.from_year, q.to_year, q.indicator_id, q.unit_id
               ORDER BY q.value IS NULL, q.document_id DESC, q.line_number DESC, q.char_offset DESC
           ) AS latest_value
    FROM fact_quantity q
    JOIN dim_indicator i ON i.indicator_id = q.indicator_id
    LEFT JOIN dim_region r ON r.region_id = q.region_id
    CROSS JOIN params p
    WHERE i.category IN ('rates', 'students')
      AND (p.region IS NULL OR r.region_id LIKE p.region || '%' OR r.name LIKE p.region || '%'
           OR r.city_name LIKE p.region || '%' OR r.province_name LIKE p.region || '%')
      AND (p.year IS NULL OR p.year BETWEEN q.from_year AND COALESCE(q.to_year, q.from_year))
)
SELECT
    COALESCE(s.region_name, '(unresolved)')             AS region,
    s.province_name                                      AS province,
    s.from_year                                          AS from_year,
    s.to_year                                            AS to_year,
    s.category                                           AS category,
    s.indicator_id                                       AS indicator,
    s.name_zh                                            AS indicator_zh,
    s.unit_id                                            AS unit,
    COUNT(*)                                             AS mentions,
    SUM(CASE WHEN s.qualifier = 'placeholder' THEN 1 ELSE 0 END) AS placeholders,
    MIN(s.value)                                         AS min_value,
    MAX(s.value)                                         AS max_value,
    MAX(s.latest_value)                                  AS latest_value,
    CASE WHEN MAX(s.is_rate) = 1 OR s.unit_id = 'percent' THEN NULL ELSE SUM(s.value) END AS total,
    COUNT(DISTINCT s.document_id)                        AS documents
FROM selected s
GROUP BY s.region_id, s.region_name, s.province_name, s.from_year, s.to_year, s.category, s.indicator_id, s.name_zh, s.unit_id
ORDER BY province, region, from_year, to_year, category DESC, indicator, unit;
