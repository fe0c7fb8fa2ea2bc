-- title: Data quality per site
-- description: Per scraping site: documents, documents without facts, noise-line share,
--   quantities, the share of placeholder figures (x所, XX万元) and of quantities no indicator
--   fits. Sites that blank their figures or wrap reports in noise stand out at the top.
-- param region: region the documents are about: name or adcode prefix; every region when empty
-- param year: reference year of the documents (2011); every year when empty
WITH params AS (
    SELECT NULLIF(:region, '') AS region, CAST(NULLIF(:year, '') AS INTEGER) AS year
),
quantities AS (
    SELECT document_id, COUNT(*) AS quantities,
           SUM(CASE WHEN qualifier = 'placeholder' THEN 1 ELSE 0 END) AS placeholders,
           SUM(CASE WHEN indicator_id = 'unknown' THEN 1 ELSE 0 END) AS unknown_indicator
    FROM fact_quantity
    GROUP BY document_id
),
docs AS (
    SELECT d.site_id, d.line_count, d.noise_line_count,
           COALESCE(f.quantities, 0) AS quantities, COALESCE(f.placeholders, 0) AS placeholders,
           COALESCE(f.unknown_indicator, 0) AS unknown_indicator
    FROM dim_document d
    LEFT JOIN quantities f ON f.document_id = d.document_id
    LEFT JOIN dim_region r ON r.region_id = d.region_id
    CROSS JOIN params p
    WHERE (p.region IS NULL OR r.region_id LIKE p.region || '%' OR r.name LIKE p.region || '%'
           OR r.city_name LIKE p.region || '%' OR r.province_name LIKE p.region || '%')
      AND (p.year IS NULL OR p.year = d.reference_year)
)
SELECT
    COALESCE(s.name, '(unknown)')                                        AS site,
    COUNT(*)                                                              AS documents,
    SUM(CASE WHEN docs.quantities = 0 THEN 1 ELSE 0 END)                  AS documents_without_facts,
    1.0 * SUM(docs.noise_line_count) / NULLIF(SUM(docs.line_count), 0)    AS noise_line_share,
    SUM(docs.quantities)                                                  AS quantities,
    SUM(docs.placeholders)                                                AS placeholders,
    1.0 * SUM(docs.placeholders) / NULLIF(SUM(docs.quantities), 0)        AS placeholder_share,
    1.0 * SUM(docs.unknown_indicator) / NULLIF(SUM(docs.quantities), 0)   AS unknown_indicator_share
FROM docs
LEFT JOIN dim_site s ON s.site_id = docs.site_id
GROUP BY docs.site_id, s.name
ORDER BY placeholder_share DESC, noise_line_share DESC, site;
