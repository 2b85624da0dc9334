"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useState, type FormEvent } from "react";

import { FieldMessage } from "@/components/forms/field-message";
import { newKeySchema } from "@/lib/keys/key-input";
import { createdKeySchema, type ApiKeyView } from "@/lib/ui/admin-schemas";
import { collectFieldErrors, fieldErrorsOfResponse, type FieldErrors } from "@/lib/ui/field-errors";
import { adminQueryKeys } from "@/lib/ui/admin-query-keys";
import { sendApiJson } from "@/lib/ui/send-api-json";

const FIELDS = ["name", "kind", "workflows"] as const;

/** Splits the workflows box into names: one per line or separated by commas. */
function splitWorkflows(text: string): string[] {
  return text
    .split(/[\n,]/)
    .map((name) => name.trim())
    .filter(Boolean);
}

/** Creates an ingest or gateway key; a gateway key can be limited to named workflows. */
export function CreateKeyForm({ onCreated }: { onCreated: (secret: string, record: ApiKeyView) => void }) {
  const queryClient = useQueryClient();
  const id = useId();
  const [name, setName] = useState("");
  const [kind, setKind] = useState<"ingest" | "gateway">("ingest");
  const [workflows, setWorkflows] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});

  const create = useMutation({
    mutationKey: ["api-keys", "create"],
    mutationFn: (body: unknown) => sendApiJson("POST", "/api/v1/keys", body, createdKeySchema),
    onSuccess: (data) => {
      void queryClient.invalidateQueries({ queryKey: adminQueryKeys.keys });
      setName("");
      setWorkflows("");
      onCreated(data.key, data.record);
    },
    onError: (error) => setErrors(fieldErrorsOfResponse(error, FIELDS)),
  });

  function handleSubmit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    const names = splitWorkflows(workflows);
    const body = { name, kind, ...(kind === "gateway" && names.length > 0 ? { workflows: names } : {}) };
    const parsed = newKeySchema.safeParse(body);
    if (!parsed.success) {
      setErrors(collectFieldErrors(parsed.error));
      return;
    }
    setErrors({});
    create.mutate(body);
  }

  return (
    <form className="form-grid" onSubmit={handleSubmit} noValidate>
      <label className="field">
        <span>Name</span>
        <input
          name="name"
          value={name}
          onChange={(event) => setName(event.target.value)}
          placeholder="prod collector"
          aria-invalid={Boolean(errors.name)}
          aria-describedby={`${id}-name`}
        />
        <FieldMessage id={`${id}-name`} message={errors.name} />
      </label>
      <label className="field">
        <span>Kind</span>
        <select
          name="kind"
          value={kind}
          onChange={(event) => setKind(event.target.value === "gateway" ? "gateway" : "ingest")}
          aria-describedby={`${id}-kind`}
        >
          <option value="ingest">Ingest: sends spans, outcomes and billing files</option>
          <option value="gateway">Gateway: reads policy and budgets</option>
        </select>
        <FieldMessage id={`${id}-kind`} message={errors.kind} />
      </label>
      {kind === "gateway" ? (
        <label className="field field-wide">
          <span>Workflows (one per line; leave empty for every workflow)</span>
          <textarea
            name="workflows"
            rows={3}
            value={workflows}
            onChange={(event) => setWorkflows(event.target.value)}
            aria-invalid={Boolean(errors.workflows)}
            aria-describedby={`${id}-workflows`}
          />
          <FieldMessage id={`${id}-workflows`} message={errors.workflows} />
        </label>
      ) : null}
      {errors.form ? (
        <p className="form-message" role="alert">
          {errors.form}
        </p>
      ) : null}
      <div className="form-actions">
        <button type="submit" className="button" disabled={create.isPending}>
          {create.isPending ? "Creating…" : "Create key"}
        </button>
      </div>
    </form>
  );
}
