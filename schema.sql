-- eduwh warehouse schema (SQLite 3.37+). The single source of truth: the eduwh binary embeds
-- this file at build time and applies exactly it to a new warehouse; a test fails if they differ.
-- Later changes come as numbered files in migrations/ (NNNN_what.sql), tracked by PRAGMA user_version.
--
-- Layers (table name prefixes):
--   etl_     operations: one row per load run, per file seen, per file refused.
--   dim_     dimensions of the star: document, region, year, indicator, unit, site.
--   fact_    facts at mention grain: one quantity / year / place mentioned in one line of one report.
--   doc_     the text itself: one row per raw line with its label; doc_paragraph views the kept ones.
--   search_  full-text index over doc_paragraph (FTS5 over pre-split character pairs, see below).
--   site_    what loads learned about a site from many of its files (its template lines).
--   v_       convenience views for ad hoc SQL.
--
-- Keys: every table has an explicit primary key named <entity>_id; foreign keys keep the same
-- name on both sides of a join. Natural keys (adcode, year, indicator code, unit code, content
-- hash) are used as ids where they exist, so shard warehouses merge without re-keying.
-- Units live in column names where a column has one fixed unit (_yuan, _m2, _year, _bytes).
-- A column with a closed set of values has a CHECK listing them. In the tables written once per
-- row of a report (fact_*, doc_line) the list is spelled as OR-ed comparisons, not IN (…): SQLite
-- evaluates a CHECK's IN list by building a temporary b-tree of its values on every insert,
-- about 1 µs per check and row (migration 0008).

PRAGMA foreign_keys = ON;

-- ============================================================================================
-- Operations
-- ============================================================================================

-- This warehouse's identity. Grain: one row. Written once when the file is created; `eduwh merge`
-- uses it to recognise runs it has already copied from a shard warehouse.
CREATE TABLE etl_warehouse (
    warehouse_id        TEXT    PRIMARY KEY,                 -- random UUID of this warehouse file
    created_at          TEXT    NOT NULL                     -- UTC creation time, ISO 8601
);

-- One row per `eduwh load` run (and per shard run copied in by `eduwh merge`). Grain: run.
-- Written by the Warehouse stage at start and end.
CREATE TABLE etl_run (
    run_id              INTEGER PRIMARY KEY,                 -- run number, increasing
    started_at          TEXT    NOT NULL,                    -- UTC start time, ISO 8601 (YYYY-MM-DDTHH:MM:SSZ)
    finished_at         TEXT,                                -- UTC end time; NULL while running or if killed
    status              TEXT    NOT NULL DEFAULT 'running'
                        CHECK (status IN ('running', 'ok', 'partial', 'failed', 'interrupted')),
                                                             -- ok: all files fine; partial: some rejected; interrupted: killed mid-run (set by the next run)
    eduwh_version       TEXT    NOT NULL,                    -- version of the eduwh binary that ran
    source_dir          TEXT    NOT NULL,                    -- drop folder that was loaded
    shard               TEXT,                                -- K/N when loaded with --shard, else NULL
    files_seen          INTEGER NOT NULL DEFAULT 0,          -- files found in the drop folder (after shard filter)
    files_loaded        INTEGER NOT NULL DEFAULT 0,          -- files whose content was new and got loaded
    files_replaced      INTEGER NOT NULL DEFAULT 0,          -- of files_loaded: a known path whose content changed (old rows replaced)
    files_unchanged     INTEGER NOT NULL DEFAULT 0,          -- files skipped because their content was already loaded
    files_rejected      INTEGER NOT NULL DEFAULT 0,          -- files refused (see etl_reject)
    files_pruned        INTEGER NOT NULL DEFAULT 0,          -- files gone from the folder whose documents --prune removed
    documents_loaded    INTEGER NOT NULL DEFAULT 0,          -- dim_document rows added
    quantities_loaded   INTEGER NOT NULL DEFAULT 0,          -- fact_quantity rows added
    years_loaded        INTEGER NOT NULL DEFAULT 0,          -- fact_year_mention rows added
    input_bytes         INTEGER NOT NULL DEFAULT 0,          -- bytes read from new or changed files
    elapsed_seconds     REAL,                                -- wall-clock duration of the run, seconds
    origin_warehouse_id TEXT,                                -- for a run merged in from a shard: the shard's warehouse_id; NULL for local runs
    origin_run_id       INTEGER,                             -- for a merged run: its run_id in the shard warehouse
    UNIQUE (origin_warehouse_id, origin_run_id)
);

-- One row per file path ever seen in a drop folder. Grain: path. Written by the Warehouse stage.
CREATE TABLE etl_file (
    etl_file_id         INTEGER PRIMARY KEY,                 -- surrogate key
    source_path         TEXT    NOT NULL UNIQUE,             -- path relative to the drop folder
    content_sha256      TEXT,                                -- SHA-256 (hex) of the bytes last seen; NULL if unreadable
    byte_count          INTEGER,                             -- size in bytes last seen
    encoding            TEXT,                                -- detected encoding (utf-8, utf-8-bom, utf-16le, utf-16be, gb18030, big5)
    status              TEXT    NOT NULL CHECK (status IN ('loaded', 'unchanged', 'rejected', 'pruned')),
                                                             -- outcome the last time the file was seen
    first_run_id        INTEGER NOT NULL REFERENCES etl_run (run_id),  -- run that first saw the path
    last_run_id         INTEGER NOT NULL REFERENCES etl_run (run_id),  -- run that last saw the path
    modified_ns         INTEGER                              -- file modification time last seen, ns since 1970; with byte_count it lets a reload skip re-reading unchanged files (load --rehash reads them all). Added in schema version 2
);
CREATE INDEX etl_file_content_sha256 ON etl_file (content_sha256);
CREATE INDEX etl_file_first_run_id ON etl_file (first_run_id);
CREATE INDEX etl_file_last_run_id ON etl_file (last_run_id);

-- One row per refusal of a file. Grain: file × run. Written when Ingest (or a later stage) refuses a file.
CREATE TABLE etl_reject (
    etl_reject_id       INTEGER PRIMARY KEY,                 -- surrogate key
    run_id              INTEGER NOT NULL REFERENCES etl_run (run_id),  -- run that refused it
    source_path         TEXT    NOT NULL,                    -- path relative to the drop folder
    content_sha256      TEXT,                                -- SHA-256 of the bytes, when they could be read
    stage               TEXT    NOT NULL CHECK (stage IN ('ingest', 'clean', 'normalize', 'facts', 'warehouse')),
                                                             -- stage that refused the file
    reason              TEXT    NOT NULL,                    -- machine-readable reason (empty, binary, undecodable, unreadable, too_large, no_text, …)
    detail              TEXT    NOT NULL                     -- one human-readable line: what was wrong and what to do
);
CREATE INDEX etl_reject_run_id ON etl_reject (run_id);

-- ============================================================================================
-- Dimensions
-- ============================================================================================

-- Scraping sites documents came from. Grain: site name as the site writes it. From Clean's metadata.
CREATE TABLE dim_site (
    site_id             INTEGER PRIMARY KEY,                 -- surrogate key
    name                TEXT    NOT NULL UNIQUE              -- site name (来源: line or breadcrumb root), or '(unknown)'
);

-- China's administrative divisions (GB/T 2260), preloaded from data/adcodes.csv. Grain: division.
CREATE TABLE dim_region (
    region_id           TEXT    PRIMARY KEY,                 -- 12-digit adcode, e.g. 440105000000 (海珠区)
    name                TEXT    NOT NULL,                    -- official name (乳源瑶族自治县)
    level               TEXT    NOT NULL CHECK (level IN ('province', 'city', 'county')),
                                                             -- province: xx0000…, city: xxxx00…, county: xxxxxx…
    province_name       TEXT    NOT NULL,                    -- province (or municipality) the division lies in
    city_name           TEXT,                                -- prefecture-level city, NULL for provinces
    county_name         TEXT,                                -- county or district, NULL above county level
    parent_region_id    TEXT    REFERENCES dim_region (region_id),  -- the division one level up, NULL for provinces
    longitude           REAL,                                -- degrees east
    latitude            REAL                                 -- degrees north
);
CREATE INDEX dim_region_parent_region_id ON dim_region (parent_region_id);
CREATE INDEX dim_region_name ON dim_region (name);

-- Calendar years 1949–2100 with the Five-Year Plan period each falls in. Grain: year. Preloaded here.
CREATE TABLE dim_year (
    year_id             INTEGER PRIMARY KEY,                 -- the year itself, e.g. 2011
    plan_period         TEXT,                                -- Five-Year Plan (十二五), NULL outside one (1949–52, 1963–65)
    plan_from_year      INTEGER,                             -- first year of that plan period
    plan_to_year        INTEGER,                             -- last year of that plan period
    decade              INTEGER NOT NULL                     -- decade, e.g. 2010
);

-- What a quantity measures. Grain: indicator. From the Facts stage's indicator dictionary (rules/facts/).
CREATE TABLE dim_indicator (
    indicator_id        TEXT    PRIMARY KEY,                 -- code, e.g. funding_investment; 'unknown' when no indicator fits
    name_zh             TEXT    NOT NULL,                    -- Chinese name (教育投入)
    name_en             TEXT    NOT NULL,                    -- English name (education investment)
    category            TEXT    NOT NULL,                    -- funding, facilities, teachers, students, rates, aid, quality, other
    base_unit           TEXT,                                -- unit its values are in (yuan, m2, percent, 名 …), NULL if any
    is_rate             INTEGER NOT NULL DEFAULT 0 CHECK (is_rate IN (0, 1)),  -- 1 when values are percentages within 0–100
    description         TEXT    NOT NULL DEFAULT ''          -- one line on what counts
);

-- Units quantities are measured in. Grain: canonical unit. Filled as units are seen.
CREATE TABLE dim_unit (
    unit_id             TEXT    PRIMARY KEY,                 -- canonical unit: yuan, percent, m2, mu, or a measure word (所, 名, 人次); '' for none
    kind                TEXT    NOT NULL CHECK (kind IN ('money', 'area', 'percent', 'count', 'time', 'other')),
                                                             -- what the unit measures
    description         TEXT    NOT NULL DEFAULT ''          -- e.g. 'Chinese yuan (元); 万元 and 亿元 are folded into the value'
);

-- One logical report. Grain: report (a scraped file can hold several glued together). From Clean + Facts.
CREATE TABLE dim_document (
    document_id         INTEGER PRIMARY KEY,                 -- (first 52 bits of content_sha256) * 256 + doc_index: stable across loads and shards
    content_sha256      TEXT    NOT NULL,                    -- SHA-256 (hex) of the raw file's bytes
    doc_index           INTEGER NOT NULL CHECK (doc_index >= 1),  -- 1-based position of the report within its file
    doc_count           INTEGER NOT NULL,                    -- number of reports the file was split into
    source_path         TEXT    NOT NULL,                    -- path relative to the drop folder when first loaded
    site_id             INTEGER REFERENCES dim_site (site_id),  -- site the file was scraped from, NULL if unknown
    title               TEXT,                                -- the report's title (T line), NULL if it has none
    report_kind         TEXT    NOT NULL,                    -- 述职报告, 工作总结, 工作汇报, 工作要点, 工作计划, 讲话, 督导评估, 其他
    speaker             TEXT,                                -- speaker or office named by the text, NULL if none
    published_date      TEXT,                                -- publish date from site metadata (YYYY-MM-DD), NULL if none
    published_at        TEXT,                                -- publish time as the site gives it (YYYY-MM-DD HH:MM:SS)
    author              TEXT,                                -- author from site metadata
    word_count          INTEGER,                             -- word count the site states (字数)
    breadcrumb          TEXT,                                -- breadcrumb path, elements joined by ' > '
    reference_year      INTEGER REFERENCES dim_year (year_id),  -- the year the report speaks from (resolves 今年)
    period_from_year    INTEGER REFERENCES dim_year (year_id),  -- first year of the period the report covers
    period_to_year      INTEGER REFERENCES dim_year (year_id),  -- last year of that period
    region_id           TEXT    REFERENCES dim_region (region_id),  -- region the report is about, NULL if unresolved
    encoding            TEXT    NOT NULL,                    -- encoding the file was decoded from
    line_count          INTEGER NOT NULL,                    -- non-blank raw lines belonging to this report
    noise_line_count    INTEGER NOT NULL,                    -- of those, lines labelled noise (N)
    body_char_count     INTEGER NOT NULL,                    -- characters of body text
    body_text           TEXT    NOT NULL,                    -- clean body text, paragraphs separated by newlines
    run_id              INTEGER NOT NULL REFERENCES etl_run (run_id),  -- run that loaded it
    UNIQUE (content_sha256, doc_index)
);
CREATE INDEX dim_document_site_id ON dim_document (site_id);
CREATE INDEX dim_document_region_id ON dim_document (region_id);
CREATE INDEX dim_document_reference_year ON dim_document (reference_year);
CREATE INDEX dim_document_period_from_year ON dim_document (period_from_year);
CREATE INDEX dim_document_period_to_year ON dim_document (period_to_year);
CREATE INDEX dim_document_run_id ON dim_document (run_id);

-- ============================================================================================
-- Facts
-- ============================================================================================

-- One quantity mentioned in one line of one report. Grain: document × line × character offset.
-- From Normalize (the number) and Facts (indicator, status, year, region).
CREATE TABLE fact_quantity (
    fact_quantity_id    INTEGER PRIMARY KEY,                 -- surrogate key
    document_id         INTEGER NOT NULL REFERENCES dim_document (document_id) ON DELETE CASCADE,  -- report it stands in
    indicator_id        TEXT    NOT NULL REFERENCES dim_indicator (indicator_id),  -- what it measures ('unknown' if nothing fits)
    unit_id             TEXT    NOT NULL REFERENCES dim_unit (unit_id),  -- canonical unit of value
    region_id           TEXT    REFERENCES dim_region (region_id),  -- region it is about; NULL when region_source = 'none'
    from_year           INTEGER REFERENCES dim_year (year_id),  -- first year it refers to; NULL when year_source = 'none'
    to_year             INTEGER REFERENCES dim_year (year_id),  -- last year it refers to
    value               REAL,                                -- value in the unit's base unit (3.48亿元 → 348000000 yuan); NULL for placeholders
    upper_value         REAL,                                -- upper end of a range (3-5所 → 5), else NULL
    qualifier           TEXT    NOT NULL CHECK (qualifier = 'exact' OR qualifier = 'approx' OR qualifier = 'over' OR qualifier = 'under' OR qualifier = 'placeholder'),
                                                             -- exact; approx (约/近/左右); over (余/多/以上); under (不足/以下); placeholder (x/X/**)
    status              TEXT    NOT NULL CHECK (status = 'achieved' OR status = 'planned' OR status = 'unknown'),  -- achieved vs plan/target
    status_cue          TEXT    NOT NULL DEFAULT '',         -- word that decided status (计划, 累计 …), '' if none
    year_source         TEXT    NOT NULL CHECK (year_source = 'clause' OR year_source = 'sentence' OR year_source = 'section' OR year_source = 'document' OR year_source = 'none'),  -- where from_year/to_year came from (section: the heading above it, 一、2011年工作回顾); a table cell's column header (项目 2020年 2021年) counts as its clause, a paragraph's opening year (2022年，…) as the sentence of a later sentence naming none
    region_source       TEXT    NOT NULL CHECK (region_source = 'clause' OR region_source = 'sentence' OR region_source = 'document' OR region_source = 'none'),  -- where region_id came from
    surface             TEXT    NOT NULL,                    -- the mention exactly as written (3.48亿元)
    sentence            TEXT    NOT NULL,                    -- the sentence it stands in
    line_number         INTEGER NOT NULL,                    -- 1-based line in the raw file (blank lines counted)
    char_offset         INTEGER NOT NULL,                    -- 0-based offset of surface in the trimmed line, in code points
    quantity_rule_id    TEXT    NOT NULL,                    -- Normalize rule that read the number
    indicator_rule_id   TEXT    NOT NULL,                    -- Facts rule that chose the indicator
    run_id              INTEGER NOT NULL REFERENCES etl_run (run_id),  -- run that loaded it
    UNIQUE (document_id, line_number, char_offset)
);
-- Indexes for the filters the reports and views use. Version 6 dropped the ones on to_year and
-- run_id here and in the mention tables: queries filter on from_year, a run holds most rows, and
-- each index was another B-tree every fact insert updates (a load 7% faster without the five).
-- A query that needs one can have it back: CREATE INDEX fact_quantity_run_id ON fact_quantity (run_id);
-- The first load into an empty warehouse (bulk mode) drops these and the mention tables' indexes
-- and builds them once at its end; a writable open recreates any that a killed load left missing.
CREATE INDEX fact_quantity_indicator_id ON fact_quantity (indicator_id);
CREATE INDEX fact_quantity_unit_id ON fact_quantity (unit_id);
CREATE INDEX fact_quantity_region_id ON fact_quantity (region_id);
CREATE INDEX fact_quantity_from_year ON fact_quantity (from_year);

-- One year, date, range, plan period or relative year mentioned in one line. Grain: document × line × offset.
CREATE TABLE fact_year_mention (
    fact_year_mention_id INTEGER PRIMARY KEY,                -- surrogate key
    document_id         INTEGER NOT NULL REFERENCES dim_document (document_id) ON DELETE CASCADE,  -- report it stands in
    kind                TEXT    NOT NULL CHECK (kind = 'year' OR kind = 'range' OR kind = 'date' OR kind = 'plan_period' OR kind = 'relative' OR kind = 'placeholder'),
                                                             -- year (2011年), range (2007-2008年), date, plan_period (十二五), relative (今年), placeholder (20xx年)
    from_year           INTEGER REFERENCES dim_year (year_id),  -- first year meant; NULL when unknown
    to_year             INTEGER REFERENCES dim_year (year_id),  -- last year meant; NULL when unknown
    surface             TEXT    NOT NULL,                    -- as written
    line_number         INTEGER NOT NULL,                    -- 1-based raw line
    char_offset         INTEGER NOT NULL,                    -- 0-based code-point offset in the trimmed line
    rule_id             TEXT    NOT NULL,                    -- Normalize rule that read it
    run_id              INTEGER NOT NULL REFERENCES etl_run (run_id),  -- run that loaded it
    UNIQUE (document_id, line_number, char_offset)
);
CREATE INDEX fact_year_mention_from_year ON fact_year_mention (from_year);

-- One place name mentioned in one line. Grain: document × line × offset.
CREATE TABLE fact_place_mention (
    fact_place_mention_id INTEGER PRIMARY KEY,               -- surrogate key
    document_id         INTEGER NOT NULL REFERENCES dim_document (document_id) ON DELETE CASCADE,  -- report it stands in
    region_id           TEXT    REFERENCES dim_region (region_id),  -- division it resolves to; NULL unless status = 'resolved'
    status              TEXT    NOT NULL CHECK (status = 'resolved' OR status = 'ambiguous' OR status = 'placeholder'),  -- ambiguous: several divisions fit
    candidate_region_ids TEXT   NOT NULL DEFAULT '',         -- every adcode that fits, comma-separated
    surface             TEXT    NOT NULL,                    -- as written (铁东区, 增城)
    line_number         INTEGER NOT NULL,                    -- 1-based raw line
    char_offset         INTEGER NOT NULL,                    -- 0-based code-point offset in the trimmed line
    rule_id             TEXT    NOT NULL,                    -- Normalize rule that found it
    run_id              INTEGER NOT NULL REFERENCES etl_run (run_id),  -- run that loaded it
    UNIQUE (document_id, line_number, char_offset)
);
CREATE INDEX fact_place_mention_region_id ON fact_place_mention (region_id);

-- ============================================================================================
-- Clean text and search
-- ============================================================================================

-- Every non-blank raw line of every report with its Clean label. Grain: document × line.
-- Noise and metadata lines are kept too, so any label can be audited from SQL. The text of a
-- report is stored here only: doc_paragraph is a view of its kept lines, and a kept line's
-- line_id is the rowid of its entry in search_paragraph. (Before schema version 7 the kept lines
-- were copied into a doc_paragraph table: a sixth of the file and of a load's time.)
CREATE TABLE doc_line (
    line_id             INTEGER PRIMARY KEY,                 -- surrogate key; for a kept line also its paragraph_id and search_paragraph rowid
    document_id         INTEGER NOT NULL REFERENCES dim_document (document_id) ON DELETE CASCADE,  -- report the line belongs to
    line_number         INTEGER NOT NULL,                    -- 1-based raw line
    label               TEXT    NOT NULL CHECK (label = 'T' OR label = 'M' OR label = 'B' OR label = 'N'),  -- title, site metadata, body, noise
    rule_id             TEXT    NOT NULL,                    -- Clean rule that decided the label
    text                TEXT    NOT NULL,                    -- the line, trimmed
    UNIQUE (document_id, line_number)
);

-- A site's template: a short line that stands in at least 3 and at least half of the files of
-- one site (dim_site), such as its navigation bar, slogan or footer, which no single page shows
-- to be the site's. Grain: site × line text. Learned at the end of every load that completes,
-- for the sites whose documents it loaded (and those whose file count changed), from doc_line of
-- all their files; lines that read as report content on any site (a sentence, a numbered heading
-- 一、…, a date) are never learned. Later loads label such a line N (rule_id 'site-template')
-- in the head or tail of a new file of that site; files already loaded are not relabelled.
-- `eduwh templates` lists them; `eduwh clean --explain FILE --db W` applies them. It serves
-- this warehouse's later loads: `eduwh export` and `publish` leave it out, and `merge` learns it
-- again from the merged files. Added in schema version 11.
CREATE TABLE site_template_line (
    site_template_line_id INTEGER PRIMARY KEY,               -- surrogate key
    site_id             INTEGER NOT NULL REFERENCES dim_site (site_id),  -- the site whose template it is
    text                TEXT    NOT NULL,                    -- the line, trimmed, as doc_line.text holds it (at most 80 characters)
    file_count          INTEGER NOT NULL,                    -- files (distinct content) of the site holding the line when learned
    site_file_count     INTEGER NOT NULL,                    -- files (distinct content) of the site when learned
    learned_run_id      INTEGER NOT NULL REFERENCES etl_run (run_id),  -- run that learned it
    UNIQUE (site_id, text)
);

-- Clean paragraphs (title and body lines) for full-text search. Grain: paragraph = kept line.
CREATE VIEW doc_paragraph AS
SELECT
    line_id             AS paragraph_id,                     -- rowid shared with search_paragraph (doc_line.line_id)
    document_id,                                             -- report it belongs to
    line_number,                                             -- 1-based raw line
    text                                                     -- the paragraph as written
FROM doc_line
WHERE label IN ('T', 'B');

-- Full-text index of doc_paragraph (rowid = paragraph_id). FTS5's trigram tokenizer cannot match
-- one- or two-character words (校, 校舍), and a custom tokenizer would make the file unreadable by
-- plain sqlite3. So eduwh writes the text pre-split, in one column `grams`: for each run of CJK
-- characters its overlapping pairs, then the run's last character alone (新建校舍 → 新建 建校
-- 校舍 舍); letters and digits as whole lower-cased words. Tokens are separated by spaces only,
-- so FTS5's built-in `ascii` tokenizer (split on ASCII spaces and punctuation, every other byte
-- part of a token) reads them exactly as written, at a fraction of unicode61's cost per character.
-- Query a word of 2+ characters as a phrase of its pairs (教育 + 育经 + 经费 finds 教育经费), one
-- character as a prefix (校* finds 校舍 and a run ending in 校). Schema version 4 replaced the
-- two columns unigrams/bigrams of earlier versions (a third fewer tokens, a faster load);
-- version 5 switched unicode61 for ascii and raised FTS5's buffer of pending terms ('hashsize',
-- default 1 MB) to 32 MB, so a load's batch goes to disk as one segment instead of several.
-- The table is contentless (content=''): it stores only the index, the text lives in doc_line.
-- `eduwh search` builds the queries and the snippets (`eduwh search --sql` prints them); plain
-- sqlite3 can run them by hand:
--   SELECT p.text FROM search_paragraph JOIN doc_paragraph p ON p.paragraph_id = search_paragraph.rowid
--   WHERE search_paragraph MATCH '校舍' ORDER BY bm25(search_paragraph);
CREATE VIRTUAL TABLE search_paragraph USING fts5 (
    grams,                                                   -- CJK character pairs, each run's last character, other words; space-separated
    content = '',
    tokenize = 'ascii'
);
INSERT INTO search_paragraph (search_paragraph, rank) VALUES ('hashsize', 33554432);

-- ============================================================================================
-- Preloaded dimension rows
-- ============================================================================================

INSERT INTO dim_unit (unit_id, kind, description) VALUES
    ('yuan',    'money',   'Chinese yuan (元); 万元, 亿元 are folded into the value'),
    ('percent', 'percent', 'percent (%, ％, 百分之…)'),
    ('m2',      'area',    'square metres (平方米, 万平方米 folded into the value)'),
    ('mu',      'area',    'mu (亩), about 666.7 m2'),
    ('',        'other',   'no unit: a bare number or an N大 group');

INSERT INTO dim_indicator (indicator_id, name_zh, name_en, category, base_unit, is_rate, description) VALUES
    ('unknown', '未识别', 'unknown', 'other', NULL, 0, 'no indicator of the dictionary fits the clause');

WITH RECURSIVE years (y) AS (SELECT 1949 UNION ALL SELECT y + 1 FROM years WHERE y < 2100),
plans (name, from_year, to_year) AS (VALUES
    ('一五', 1953, 1957), ('二五', 1958, 1962), ('三五', 1966, 1970), ('四五', 1971, 1975),
    ('五五', 1976, 1980), ('六五', 1981, 1985), ('七五', 1986, 1990), ('八五', 1991, 1995),
    ('九五', 1996, 2000), ('十五', 2001, 2005), ('十一五', 2006, 2010), ('十二五', 2011, 2015),
    ('十三五', 2016, 2020), ('十四五', 2021, 2025), ('十五五', 2026, 2030), ('十六五', 2031, 2035))
INSERT INTO dim_year (year_id, plan_period, plan_from_year, plan_to_year, decade)
SELECT y, name, from_year, to_year, (y / 10) * 10
FROM years LEFT JOIN plans ON y BETWEEN from_year AND to_year;

-- ============================================================================================
-- Views for ad hoc SQL
-- ============================================================================================

-- One row per quantity with its document, region, indicator and unit spelled out.
CREATE VIEW v_quantity AS
SELECT
    q.fact_quantity_id,
    d.document_id,
    d.title,
    d.report_kind,
    s.name              AS site,
    d.source_path,
    r.name              AS region,
    r.province_name     AS province,
    q.from_year,
    q.to_year,
    i.indicator_id      AS indicator,
    i.name_zh           AS indicator_zh,
    i.category,
    q.value,
    q.upper_value,
    q.unit_id           AS unit,
    q.qualifier,
    q.status,
    q.surface,
    q.sentence,
    q.line_number,
    q.char_offset
FROM fact_quantity q
JOIN dim_document d USING (document_id)
JOIN dim_indicator i USING (indicator_id)
LEFT JOIN dim_site s ON s.site_id = d.site_id
LEFT JOIN dim_region r ON r.region_id = q.region_id;

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

-- Documents per region and reference year (the README's first query).
CREATE VIEW v_documents_by_region_year AS
SELECT
    COALESCE(r.name, '(unresolved)') AS region,
    d.reference_year    AS year,
    COUNT(*)            AS documents,
    SUM(d.body_char_count) AS body_chars
FROM dim_document d
LEFT JOIN dim_region r ON r.region_id = d.region_id
GROUP BY r.name, d.reference_year;

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

PRAGMA user_version = 11;
