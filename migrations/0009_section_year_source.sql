-- Schema version 9: a fact's year can come from the heading of the section it stands in
-- (一、2011年工作回顾 scopes the figures under it), recorded as year_source = 'section'. The CHECK
-- only widens, so every existing row satisfies it and the text is changed in place (as in 0008).
PRAGMA writable_schema = ON;
UPDATE sqlite_master SET sql = replace(sql, 'year_source = ''clause'' OR year_source = ''sentence'' OR year_source = ''document''', 'year_source = ''clause'' OR year_source = ''sentence'' OR year_source = ''section'' OR year_source = ''document''') WHERE type = 'table' AND name = 'fact_quantity';
PRAGMA writable_schema = OFF;
