-- title: Corpus overview
-- description: Documents per site, kind of report, reference year and region, with the body
--   characters, the quantities extracted and how many of those are placeholders.
-- param region: region the documents are about: name (海珠区, 广州) or adcode prefix (4401); every region when empty
-- param year: a year the documents speak from or cover (2011); every year when empty
WITH params AS (
    SELECT NULLIF(:region, '') AS region, CAST(NULLIF(:year, '') AS INTEGER) AS year
),
quantities AS (
    SELECT document_id, COUNT(*) AS quantities,
           SUM(CASE WHEN qualifier = 'placeholder' THEN 1 ELSE 0 END) AS placeholders
    FROM fact_quantity
    GROUP BY document_id
)
SELECT
    COALESCE(s.name, '(unknown)')                       AS site,
    d.report_kind                                        AS kind,
    d.reference_year                                     AS year,
    COALESCE(r.name, '(unresolved)')                    AS region,
    r.province_name                                      AS province,
    COUNT(*)                                             AS documents,
    COUNT(DISTINCT d.content_sha256)                     AS files,
    SUM(d.body_char_count)                               AS body_chars,
    COALESCE(SUM(f.quantities), 0)                       AS quantities,
    COALESCE(SUM(f.placeholders), 0)                     AS placeholders
FROM dim_document d
LEFT JOIN dim_site s ON s.site_id = d.site_id
LEFT JOIN dim_region r ON r.region_id = d.region_id
LEFT JOIN quantities f ON f.document_id = d.document_id
CROSS JOIN params p
WHERE (p.region IS NULL OR r.region_id LIKE p.region || '%' OR r.name LIKE p.region || '%'
       OR r.city_name LIKE p.region || '%' OR r.province_name LIKE p.region || '%')
  AND (p.year IS NULL OR p.year = d.reference_year
       OR p.year BETWEEN d.period_from_year AND COALESCE(d.period_to_year, d.period_from_year))
GROUP BY s.site_id, s.name, d.report_kind, d.reference_year, r.region_id, r.name, r.province_name
ORDER BY documents DESC, site, kind, year, region;
