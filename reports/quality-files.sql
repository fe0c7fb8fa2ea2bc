-- title: Files loaded and rejected
-- description: Every file path seen in a drop folder with its status at the last load (loaded,
--   unchanged, rejected, pruned), encoding, size, the documents it holds, and for rejected
--   files the stage and reason of the latest refusal. Rejected files come first.
WITH rejects AS (
    SELECT source_path, stage, reason, detail,
           ROW_NUMBER() OVER (PARTITION BY source_path ORDER BY run_id DESC, etl_reject_id DESC) AS recency
    FROM etl_reject
),
documents AS (
    SELECT content_sha256, COUNT(*) AS documents FROM dim_document GROUP BY content_sha256
)
SELECT
    f.source_path                                        AS source_path,
    f.status                                             AS status,
    f.encoding                                           AS encoding,
    f.byte_count                                         AS bytes,
    COALESCE(d.documents, 0)                             AS documents,
    f.last_run_id                                        AS last_run,
    CASE WHEN f.status = 'rejected' THEN j.stage END     AS reject_stage,
    CASE WHEN f.status = 'rejected' THEN j.reason END    AS reject_reason,
    CASE WHEN f.status = 'rejected' THEN j.detail END    AS reject_detail
FROM etl_file f
LEFT JOIN documents d ON d.content_sha256 = f.content_sha256
LEFT JOIN rejects j ON j.source_path = f.source_path AND j.recency = 1
ORDER BY reject_stage DESC, status, source_path;
