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
    SELECT q.*, i.name_zh, i.category, i.is_rate, r.name AS region_name, r.province_name
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
    SUM(s.qualifier = 'placeholder')                     AS placeholders,
    MIN(s.value)                                         AS min_value,
    MAX(s.value)                                         AS max_value,
    (SELECT l.value FROM selected l
      WHERE l.region_id IS s.region_id AND l.from_year IS s.from_year AND l.to_year IS s.to_year
        AND l.indicator_id = s.indicator_id AND l.unit_id = s.unit_id AND l.value IS NOT NULL
      ORDER BY l.document_id DESC, l.line_number DESC, l.char_offset DESC LIMIT 1) AS latest_value,
    CASE WHEN MAX(s.is_rate) = 1 OR s.unit_id = 'percent' THEN NULL ELSE SUM(s.value) END AS total,
    COUNT(DISTINCT s.document_id)                        AS documents
FROM selected s
GROUP BY s.region_id, s.from_year, s.to_year, s.indicator_id, s.unit_id
ORDER BY province IS NULL, province, region, from_year IS NULL, from_year, to_year, category DESC, indicator, unit;
