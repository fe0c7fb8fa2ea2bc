-- Schema version 3: one view the per-category canned reports (aid, schools, teachers) select from.
-- Figures per region, year, indicator, unit and status, for every indicator category: what the
-- canned reports aid, schools and teachers select from (added in schema version 3).
CREATE VIEW v_indicator_by_region_year AS
SELECT
    r.region_id,
    COALESCE(r.name, '(unresolved)') AS region,
    r.province_name     AS province,
    r.city_name         AS city,
    q.from_year,
    q.to_year,
    i.category,
    i.indicator_id      AS indicator,
    i.name_zh           AS indicator_zh,
    q.unit_id           AS unit,
    q.status,
    COUNT(*)            AS mentions,
    SUM(CASE WHEN q.qualifier = 'placeholder' THEN 1 ELSE 0 END) AS placeholders,
    CASE WHEN i.is_rate = 1 OR q.unit_id = 'percent' THEN NULL ELSE SUM(q.value) END AS total,  -- rates are never summed
    MIN(q.value)        AS min_value,
    MAX(q.value)        AS max_value,
    COUNT(DISTINCT q.document_id) AS documents
FROM fact_quantity q
JOIN dim_indicator i USING (indicator_id)
LEFT JOIN dim_region r ON r.region_id = q.region_id
GROUP BY r.region_id, r.name, r.province_name, r.city_name, q.from_year, q.to_year, i.category, i.indicator_id, i.name_zh,
         i.is_rate, q.unit_id, q.status;
