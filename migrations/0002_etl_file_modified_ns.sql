-- Schema version 2: remember each file's modification time, so a reload can skip re-reading
-- files whose size and mtime match the last load (eduwh load --rehash still reads them all).
ALTER TABLE etl_file ADD COLUMN modified_ns INTEGER;
