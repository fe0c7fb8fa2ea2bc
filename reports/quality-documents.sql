-- title: Data quality per document
-- description: Per document: quantities extracted, placeholders (x所, XX万元) and their share,
--   quantities no indicator fits, noise lines, and whether region and year were found.
--   Documents without any fact come first, then those with the most placeholders.
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
)
SELECT
    d.document_id                                                    AS document_id,
    d.source_path                                                    AS source_path,
    d.doc_index                                                      AS doc_index,
    COALESCE(s.name, '(unknown)')                                   AS site,
    d.title                                                          AS title,
    COALESCE(f.quantities, 0)                                        AS quantities,
    COALESCE(f.placeholders, 0)                                      AS placeholders,
    1.0 * f.placeholders / NULLIF(f.quantities, 0)                   AS placeholder_share,
    COALESCE(f.unknown_indicator, 0)                                 AS unknown_indicator,
    d.noise_line_count                                               AS noise_lines,
    d.line_count                                                     AS lines,
    r.name                                                           AS region,
    d.reference_year                                                 AS year
FROM dim_document d
LEFT JOIN quantities f ON f.document_id = d.document_id
LEFT JOIN dim_site s ON s.site_id = d.site_id
LEFT JOIN dim_region r ON r.region_id = d.region_id
CROSS JOIN params p
WHERE (p.region IS NULL OR r.region_id LIKE p.region || '%' OR r.name LIKE p.region || '%'
       OR r.city_name LIKE p.region || '%' OR r.province_name LIKE p.region || '%')
  AND (p.year IS NULL OR p.year = d.reference_year)
ORDER BY quantities, placeholder_share DESC, source_path, doc_index;
