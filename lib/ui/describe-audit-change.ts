/** Compact before → after summaries of audit entries for the audit log table. */

/** One changed field; null on a side means the field is absent there (created or deleted). */
export interface FieldChange {
  field: string;
  before: string | null;
  after: string | null;
}

const MAX_VALUE_LENGTH = 80;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Renders one value in a short form: strings as they are, anything else as JSON. */
export function formatAuditValue(value: unknown): string {
  const text = typeof value === "string" ? value : JSON.stringify(value) ?? String(value);
  return text.length > MAX_VALUE_LENGTH ? `${text.slice(0, MAX_VALUE_LENGTH - 1)}…` : text;
}

/**
 * Lists the fields that differ between an entry's before and after. A created
 * entity lists every non-null field of after, and a deleted one of before.
 * Values that are not objects compare as a whole, under the field name "value".
 */
export function listAuditChanges(before: unknown, after: unknown): FieldChange[] {
  const beforeRecord = before ?? {};
  const afterRecord = after ?? {};
  if (!isRecord(beforeRecord) || !isRecord(afterRecord)) {
    if (JSON.stringify(before) === JSON.stringify(after)) return [];
    return [
      {
        field: "value",
        before: before === null || before === undefined ? null : formatAuditValue(before),
        after: after === null || after === undefined ? null : formatAuditValue(after),
      },
    ];
  }

  const fields = [...new Set([...Object.keys(beforeRecord), ...Object.keys(afterRecord)])];
  const changes: FieldChange[] = [];
  for (const field of fields) {
    const hasBefore = before !== null && before !== undefined && field in beforeRecord;
    const hasAfter = after !== null && after !== undefined && field in afterRecord;
    const beforeValue = beforeRecord[field];
    const afterValue = afterRecord[field];
    if (hasBefore && hasAfter && JSON.stringify(beforeValue) === JSON.stringify(afterValue)) continue;
    // Null fields of a created or deleted entity carry no information.
    if (hasBefore !== hasAfter && (beforeValue ?? afterValue) === null) continue;
    changes.push({
      field,
      before: hasBefore ? formatAuditValue(beforeValue) : null,
      after: hasAfter ? formatAuditValue(afterValue) : null,
    });
  }
  return changes;
}
