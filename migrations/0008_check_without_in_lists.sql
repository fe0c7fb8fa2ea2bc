-- Schema version 8: the CHECK constraints of the tables written once per row of a report (the
-- fact tables and doc_line) list their values as OR-ed comparisons instead of IN lists. The
-- constraint is the same; SQLite evaluates a CHECK's IN list by building a temporary b-tree of
-- its values on every insert (OpenEphemeral), about 1 µs per check and row: 4 µs for each
-- fact_quantity row. A CHECK's text can be changed in place when every row already satisfies
-- the new one (sqlite.org/lang_altertable.html, 'otherwise'), so no table is rebuilt; eduwh
-- bumps PRAGMA schema_version after this file, in the same transaction.
PRAGMA writable_schema = ON;
UPDATE sqlite_master SET sql = replace(sql, 'qualifier IN (''exact'', ''approx'', ''over'', ''under'', ''placeholder'')', 'qualifier = ''exact'' OR qualifier = ''approx'' OR qualifier = ''over'' OR qualifier = ''under'' OR qualifier = ''placeholder''') WHERE type = 'table' AND name = 'fact_quantity';
UPDATE sqlite_master SET sql = replace(sql, 'status IN (''achieved'', ''planned'', ''unknown'')', 'status = ''achieved'' OR status = ''planned'' OR status = ''unknown''') WHERE type = 'table' AND name = 'fact_quantity';
UPDATE sqlite_master SET sql = replace(sql, 'year_source IN (''clause'', ''sentence'', ''document'', ''none'')', 'year_source = ''clause'' OR year_source = ''sentence'' OR year_source = ''document'' OR year_source = ''none''') WHERE type = 'table' AND name = 'fact_quantity';
UPDATE sqlite_master SET sql = replace(sql, 'region_source IN (''clause'', ''sentence'', ''document'', ''none'')', 'region_source = ''clause'' OR region_source = ''sentence'' OR region_source = ''document'' OR region_source = ''none''') WHERE type = 'table' AND name = 'fact_quantity';
UPDATE sqlite_master SET sql = replace(sql, 'kind IN (''year'', ''range'', ''date'', ''plan_period'', ''relative'', ''placeholder'')', 'kind = ''year'' OR kind = ''range'' OR kind = ''date'' OR kind = ''plan_period'' OR kind = ''relative'' OR kind = ''placeholder''') WHERE type = 'table' AND name = 'fact_year_mention';
UPDATE sqlite_master SET sql = replace(sql, 'status IN (''resolved'', ''ambiguous'', ''placeholder'')', 'status = ''resolved'' OR status = ''ambiguous'' OR status = ''placeholder''') WHERE type = 'table' AND name = 'fact_place_mention';
UPDATE sqlite_master SET sql = replace(sql, 'label IN (''T'', ''M'', ''B'', ''N'')', 'label = ''T'' OR label = ''M'' OR label = ''B'' OR label = ''N''') WHERE type = 'table' AND name = 'doc_line';
PRAGMA writable_schema = OFF;
