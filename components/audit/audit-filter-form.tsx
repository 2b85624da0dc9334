"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";

import {
  formatAuditQuery,
  instantToLocalInput,
  localInputToInstant,
  type AuditParams,
} from "@/lib/ui/audit-params";

const ENTITY_TYPES = ["api_key", "budget", "user"] as const;

/**
 * Filter inputs that replace the URL's query, so a filtered view can be shared
 * and reloaded. Paging restarts at the newest entry whenever the filter changes.
 */
export function AuditFilterForm({ filter }: { filter: AuditParams }) {
  const router = useRouter();
  const [values, setValues] = useState({
    entityType: filter.entityType ?? "",
    entityId: filter.entityId ?? "",
    actor: filter.actor ?? "",
    action: filter.action ?? "",
    from: instantToLocalInput(filter.from),
    to: instantToLocalInput(filter.to),
  });

  function set(field: keyof typeof values, value: string): void {
    setValues((current) => ({ ...current, [field]: value }));
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    const next: AuditParams = {
      entityType: values.entityType,
      entityId: values.entityId.trim(),
      actor: values.actor.trim(),
      action: values.action.trim(),
      from: localInputToInstant(values.from) ?? undefined,
      to: localInputToInstant(values.to) ?? undefined,
    };
    const query = formatAuditQuery(next);
    router.push(query ? `/admin/audit?${query}` : "/admin/audit");
  }

  return (
    <form className="form-grid" onSubmit={handleSubmit} aria-label="Audit log filter">
      <label className="field">
        <span>Entity type</span>
        <select value={values.entityType} onChange={(event) => set("entityType", event.target.value)}>
          <option value="">Any</option>
          {ENTITY_TYPES.map((type) => (
            <option key={type} value={type}>
              {type}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>Entity id</span>
        <input value={values.entityId} onChange={(event) => set("entityId", event.target.value)} />
      </label>
      <label className="field">
        <span>Actor (email, key name or id)</span>
        <input value={values.actor} onChange={(event) => set("actor", event.target.value)} />
      </label>
      <label className="field">
        <span>Action</span>
        <input
          value={values.action}
          placeholder="budget.update"
          onChange={(event) => set("action", event.target.value)}
        />
      </label>
      <label className="field">
        <span>From (UTC)</span>
        <input
          type="datetime-local"
          value={values.from}
          onChange={(event) => set("from", event.target.value)}
        />
      </label>
      <label className="field">
        <span>To (UTC, exclusive)</span>
        <input
          type="datetime-local"
          value={values.to}
          onChange={(event) => set("to", event.target.value)}
        />
      </label>
      <div className="form-actions">
        <button type="submit" className="button">
          Apply filter
        </button>
        <button type="button" className="button button-quiet" onClick={() => router.push("/admin/audit")}>
          Clear
        </button>
      </div>
    </form>
  );
}
