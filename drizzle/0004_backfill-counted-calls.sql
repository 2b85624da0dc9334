-- Counts the LLM calls of spans stored before spans.counted_calls existed: an
-- LLM span counts once unless another LLM span lies below it in its trace.
-- NOTE: a leaf call without usage of its own borrows its nearest LLM
-- ancestor's usage in the run totals; this backfill leaves such a call on the
-- leaf, and the next recompute of that run (any new span or outcome) fixes it.
WITH RECURSIVE llm_ancestors(trace_id, span_id) AS (
  SELECT trace_id, parent_span_id FROM spans
   WHERE role = 'llm' AND parent_span_id IS NOT NULL
  UNION
  SELECT s.trace_id, s.parent_span_id
    FROM llm_ancestors a
    JOIN spans s ON s.trace_id = a.trace_id AND s.span_id = a.span_id
   WHERE s.parent_span_id IS NOT NULL
)
UPDATE spans SET counted_calls = 1
 WHERE role = 'llm'
   AND NOT EXISTS (
     SELECT 1 FROM llm_ancestors a WHERE a.trace_id = spans.trace_id AND a.span_id = spans.span_id
   );
--> statement-breakpoint
-- Staging rows of a running import are rebuilt from the file if lost, so the
-- table skips the write-ahead log; a crash empties it and the import is failed
-- as interrupted.
ALTER TABLE billing_import_lines SET UNLOGGED;
