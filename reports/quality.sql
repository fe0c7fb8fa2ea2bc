-- title: Data quality summary
-- description: One row per check: documents without facts, without a region or a year; noise
--   lines; placeholder figures (x所, XX万元); quantities no indicator fits; rejected files.
--   share = count / of_total (NULL when there is nothing to count).
WITH docs AS (
    SELECT d.document_id, d.region_id, d.reference_year, d.line_count, d.noise_line_count,
           (SELECT COUNT(*) FROM fact_quantity q WHERE q.document_id = d.document_id) AS quantities
    FROM dim_document d
),
checks (position, measure, count, of_total, note) AS (
    SELECT 1, 'documents', COUNT(*), NULL, 'reports loaded (one file can hold several)' FROM docs
    UNION ALL
    SELECT 2, 'documents_without_facts', COALESCE(SUM(quantities = 0), 0), COUNT(*), 'reports with no quantity extracted' FROM docs
    UNION ALL
    SELECT 3, 'documents_without_region', COALESCE(SUM(region_id IS NULL), 0), COUNT(*), 'reports whose region was not resolved' FROM docs
    UNION ALL
    SELECT 4, 'documents_without_year', COALESCE(SUM(reference_year IS NULL), 0), COUNT(*), 'reports whose reference year is unknown' FROM docs
    UNION ALL
    SELECT 5, 'noise_lines', COALESCE(SUM(noise_line_count), 0), COALESCE(SUM(line_count), 0), 'raw lines labelled noise (N) by Clean' FROM docs
    UNION ALL
    SELECT 6, 'quantities', COUNT(*), NULL, 'quantity mentions extracted' FROM fact_quantity
    UNION ALL
    SELECT 7, 'placeholder_quantities', COALESCE(SUM(qualifier = 'placeholder'), 0), COUNT(*), 'figures blanked by the site (x所, XX万元, %)' FROM fact_quantity
    UNION ALL
    SELECT 8, 'unknown_indicator_quantities', COALESCE(SUM(indicator_id = 'unknown'), 0), COUNT(*), 'quantities no indicator of the dictionary fits' FROM fact_quantity
    UNION ALL
    SELECT 9, 'quantities_without_region', COALESCE(SUM(region_id IS NULL), 0), COUNT(*), 'quantities with no region' FROM fact_quantity
    UNION ALL
    SELECT 10, 'quantities_without_year', COALESCE(SUM(from_year IS NULL), 0), COUNT(*), 'quantities with no year' FROM fact_quantity
    UNION ALL
    SELECT 11, 'files_rejected', COALESCE(SUM(status = 'rejected'), 0), COUNT(*), 'files refused at their last load (see report quality-files)' FROM etl_file
)
SELECT measure, count, of_total, ROUND(1.0 * count / of_total, 4) AS share, note
FROM checks
ORDER BY position;
