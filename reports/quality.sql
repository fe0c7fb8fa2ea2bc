-- title: Data quality summary
-- description: One row per check: documents without facts, without a region or a year; noise
--   lines; placeholder figures (x所, XX万元); quantities no indicator fits; rejected files.
--   share = count / of_total (NULL when there is nothing to count).
WITH quantities AS (
    SELECT document_id, COUNT(*) AS quantities FROM fact_quantity GROUP BY document_id
),
docs AS (
    SELECT d.region_id, d.reference_year, d.line_count, d.noise_line_count, COALESCE(f.quantities, 0) AS quantities
    FROM dim_document d
    LEFT JOIN quantities f ON f.document_id = d.document_id
),
checks AS (
    SELECT 1 AS check_order, 'documents' AS measure, COUNT(*) AS count, NULL AS of_total,
           'reports loaded (one file can hold several)' AS note
    FROM docs
    UNION ALL
    SELECT 2, 'documents_without_facts', SUM(CASE WHEN quantities = 0 THEN 1 ELSE 0 END), COUNT(*),
           'reports with no quantity extracted' FROM docs
    UNION ALL
    SELECT 3, 'documents_without_region', SUM(CASE WHEN region_id IS NULL THEN 1 ELSE 0 END), COUNT(*),
           'reports whose region was not resolved' FROM docs
    UNION ALL
    SELECT 4, 'documents_without_year', SUM(CASE WHEN reference_year IS NULL THEN 1 ELSE 0 END), COUNT(*),
           'reports whose reference year is unknown' FROM docs
    UNION ALL
    SELECT 5, 'noise_lines', SUM(noise_line_count), SUM(line_count),
           'raw lines labelled noise (N) by Clean' FROM docs
    UNION ALL
    SELECT 6, 'quantities', COUNT(*), NULL, 'quantity mentions extracted' FROM fact_quantity
    UNION ALL
    SELECT 7, 'placeholder_quantities', SUM(CASE WHEN qualifier = 'placeholder' THEN 1 ELSE 0 END), COUNT(*),
           'figures blanked by the site (x所, XX万元, %)' FROM fact_quantity
    UNION ALL
    SELECT 8, 'unknown_indicator_quantities', SUM(CASE WHEN indicator_id = 'unknown' THEN 1 ELSE 0 END), COUNT(*),
           'quantities no indicator of the dictionary fits' FROM fact_quantity
    UNION ALL
    SELECT 9, 'quantities_without_region', SUM(CASE WHEN region_id IS NULL THEN 1 ELSE 0 END), COUNT(*),
           'quantities with no region' FROM fact_quantity
    UNION ALL
    SELECT 10, 'quantities_without_year', SUM(CASE WHEN from_year IS NULL THEN 1 ELSE 0 END), COUNT(*),
           'quantities with no year' FROM fact_quantity
    UNION ALL
    SELECT 11, 'files_rejected', SUM(CASE WHEN status = 'rejected' THEN 1 ELSE 0 END), COUNT(*),
           'files refused at their last load (see report quality-files)' FROM etl_file
)
SELECT measure, COALESCE(count, 0) AS count, of_total, 1.0 * COALESCE(count, 0) / NULLIF(of_total, 0) AS share, note
FROM checks
ORDER BY check_order;
