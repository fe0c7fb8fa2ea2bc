-- Schema version 11: a table for the lines a load learns to be a site's template (its navigation,
-- slogan or footer repeated across its files); later loads label such lines noise.
-- (IF NOT EXISTS: SQLite stores the statement without it, so a migrated file has the text of a new one.)
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
CREATE TABLE IF NOT EXISTS site_template_line (
    site_template_line_id INTEGER PRIMARY KEY,               -- surrogate key
    site_id             INTEGER NOT NULL REFERENCES dim_site (site_id),  -- the site whose template it is
    text                TEXT    NOT NULL,                    -- the line, trimmed, as doc_line.text holds it (at most 80 characters)
    file_count          INTEGER NOT NULL,                    -- files (distinct content) of the site holding the line when learned
    site_file_count     INTEGER NOT NULL,                    -- files (distinct content) of the site when learned
    learned_run_id      INTEGER NOT NULL REFERENCES etl_run (run_id),  -- run that learned it
    UNIQUE (site_id, text)
);
