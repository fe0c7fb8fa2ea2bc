-- Schema version 6: five secondary indexes of the fact tables are dropped. Every fact insert
-- updated each of them, and no report, view or data test used them: queries filter years on
-- from_year, and one run holds most rows, so a run_id index rarely narrows a scan. Loads are
-- about 7% faster without them (BENCHMARKS.md). Recreate one if a query of yours needs it.
DROP INDEX IF EXISTS fact_quantity_to_year;
DROP INDEX IF EXISTS fact_quantity_run_id;
DROP INDEX IF EXISTS fact_year_mention_to_year;
DROP INDEX IF EXISTS fact_year_mention_run_id;
DROP INDEX IF EXISTS fact_place_mention_run_id;
