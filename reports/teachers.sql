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
    v.region,
    v.province,
    v.from_year,
    v.to_year,
    v.indicator,
    v.indicator_zh,
    v.unit,
    v.status,
    v.mentions,
    v.placeholders,
    v.total,
    v.min_value,
    v.max_value,
    v.documents
FROM v_indicator_by_region_year v
CROSS JOIN params p
WHERE v.category = 'teachers'
  AND (p.region IS NULL OR v.region_id LIKE p.region || '%' OR v.region LIKE p.region || '%'
       OR v.city LIKE p.region || '%' OR v.province LIKE p.region || '%')
  AND (p.year IS NULL OR p.year BETWEEN v.from_year AND COALESCE(v.to_year, v.from_year))
ORDER BY v.province, v.region, v.from_year, v.to_year, v.indicator, v.unit, v.status;
