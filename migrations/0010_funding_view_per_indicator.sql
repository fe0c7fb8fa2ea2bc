-- Schema version 10: v_funding_by_region_year gives one funding indicator per row, with the
-- years a figure is for kept as from_year and to_year (and its documents). Before, a row summed
-- budgets, loans, donations and investments together and filed a 2007-2008 figure under 2007
-- only. The column `year` (= from_year) stays, so queries written before keep running.
DROP VIEW IF EXISTS v_funding_by_region_year;
-- Education money per region, indicator, from/to years and status: one funding indicator per row
-- (funding_budget 财政预算内教育拨款, funding_investment 教育投入, funding_loan 教育贷款与负债,
-- funding_donation 社会捐资, funding_transfer 上级转移支付与专项资金 …), never a budget added to a
-- loan or a donation. Unit: yuan (figures in 万元 or 亿元 are converted; figures in other units are
-- left out). Scope: every fact of category funding with unit yuan; a figure for a span
-- (2007-2008年) keeps from_year 2007 and to_year 2008, and a figure with no year has both NULL.
-- Caveats: amount_yuan sums the mentions that have a value (exact, approximate, lower and upper
-- bounds); placeholders (X万元) are counted in placeholder_mentions, not summed; the same money
-- mentioned twice, or a total and its parts, are both summed, so compare mentions and documents
-- before quoting a total; funding_per_student (生均经费) is yuan per student, so its sum means
-- little (read its mentions in v_quantity). Changed in schema version 10 (migration 0010): before, a row summed
-- every funding indicator together and grouped by from_year alone; `year` (= from_year) is kept
-- for queries written then. (Views use portable SQL: `eduwh publish` also creates them in PostgreSQL.)
CREATE VIEW v_funding_by_region_year AS
SELECT
    r.region_id,
    r.name              AS region,
    r.province_name     AS province,
    q.from_year         AS year,                             -- the first year the money is for (= from_year; kept from schema version 9)
    q.from_year,                                             -- first year the money is for; NULL when the text gives none
    q.to_year,                                               -- last year the money is for (2008 for 2007-2008年)
    i.indicator_id      AS indicator,                        -- one funding indicator (dim_indicator, category funding)
    i.name_zh           AS indicator_zh,                     -- its Chinese name
    q.status,
    COUNT(*)            AS mentions,                         -- facts in this row, placeholders included
    SUM(q.value)        AS amount_yuan,                      -- NULL values (placeholders) are skipped
    SUM(CASE WHEN q.qualifier = 'placeholder' THEN 1 ELSE 0 END) AS placeholder_mentions,  -- figures blanked by the site (X万元)
    COUNT(DISTINCT q.document_id) AS documents               -- documents the mentions come from
FROM fact_quantity q
JOIN dim_indicator i USING (indicator_id)
LEFT JOIN dim_region r ON r.region_id = q.region_id
WHERE i.category = 'funding' AND q.unit_id = 'yuan'
GROUP BY r.region_id, r.name, r.province_name, q.from_year, q.to_year, i.indicator_id, i.name_zh, q.status;

