import { listAuditChanges } from "@/lib/ui/describe-audit-change";
import type { AuditEntryItem } from "@/lib/ui/admin-schemas";
import { formatTimestamp } from "@/lib/ui/format-timestamp";

/** Lists audit entries with a compact before → after view of the fields that changed. */
export function AuditTable({ entries }: { entries: readonly AuditEntryItem[] }) {
  if (entries.length === 0) {
    return <p className="empty">No audit entries match this filter.</p>;
  }
  return (
    <div className="table-scroll">
      <table className="data-table">
        <caption className="sr-only">Audit entries, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Time</th>
            <th scope="col">Actor</th>
            <th scope="col">Action</th>
            <th scope="col">Entity</th>
            <th scope="col">Change</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.id}>
              <td className="nowrap">{formatTimestamp(entry.occurredAt)}</td>
              <td>
                {entry.actorLabel}
                <span className="muted small"> ({entry.actorType})</span>
              </td>
              <td>
                <code>{entry.action}</code>
              </td>
              <td>
                {entry.entityType} <span className="muted small">{entry.entityId}</span>
              </td>
              <td>
                <ChangeList before={entry.before} after={entry.after} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ChangeList({ before, after }: { before: unknown; after: unknown }) {
  const changes = listAuditChanges(before, after);
  if (changes.length === 0) return <span className="muted">No field changed</span>;
  return (
    <ul className="change-list">
      {changes.map((change) => (
        <li key={change.field}>
          <span className="change-field">{change.field}</span>{" "}
          {change.before !== null ? <del>{change.before}</del> : null}
          {change.before !== null && change.after !== null ? " → " : null}
          {change.after !== null ? <ins>{change.after}</ins> : null}
        </li>
      ))}
    </ul>
  );
}
