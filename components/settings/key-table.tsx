"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";

import { ConfirmButton } from "@/components/forms/confirm-button";
import { adminQueryKeys } from "@/lib/ui/admin-query-keys";
import { apiKeySchema, type ApiKeyView } from "@/lib/ui/admin-schemas";
import { formatTimestamp } from "@/lib/ui/format-timestamp";
import { describeRequestError, sendApiJson } from "@/lib/ui/send-api-json";

function describeScope(key: ApiKeyView): string {
  if (key.kind === "ingest") return "Sends spans, outcomes and billing files";
  return key.workflows ? key.workflows.join(", ") : "Every workflow";
}

/** Lists keys with their kind, scope and use; active keys can be revoked after a confirmation. */
export function KeyTable({ keys }: { keys: readonly ApiKeyView[] }) {
  if (keys.length === 0) {
    return <p className="empty">No API keys yet. Create one above, or run npm run key:create.</p>;
  }
  return (
    <div className="table-scroll">
      <table className="data-table">
        <caption className="sr-only">API keys</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Kind</th>
            <th scope="col">Scope</th>
            <th scope="col">Prefix</th>
            <th scope="col">Created</th>
            <th scope="col">Last used</th>
            <th scope="col">Status</th>
            <th scope="col">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {keys.map((key) => (
            <KeyRow key={key.id} apiKey={key} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function KeyRow({ apiKey }: { apiKey: ApiKeyView }) {
  const queryClient = useQueryClient();
  const revoke = useMutation({
    mutationKey: ["api-keys", "revoke", apiKey.id],
    mutationFn: () =>
      sendApiJson("DELETE", `/api/v1/keys/${encodeURIComponent(apiKey.id)}`, undefined, apiKeySchema),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: adminQueryKeys.keys }),
  });

  return (
    <tr>
      <th scope="row">{apiKey.name}</th>
      <td>{apiKey.kind}</td>
      <td>{describeScope(apiKey)}</td>
      <td>
        <code>{apiKey.prefix}…</code>
      </td>
      <td className="nowrap">{formatTimestamp(apiKey.createdAt)}</td>
      <td className="nowrap">{apiKey.lastUsedAt ? formatTimestamp(apiKey.lastUsedAt) : "Never"}</td>
      <td>
        {apiKey.revokedAt ? (
          <span className="badge badge-muted" title={`Revoked ${formatTimestamp(apiKey.revokedAt)}`}>
            Revoked
          </span>
        ) : (
          <span className="badge badge-good">Active</span>
        )}
      </td>
      <td>
        {apiKey.revokedAt ? null : (
          <ConfirmButton
            label="Revoke"
            confirmLabel="Revoke now"
            question={`Revoke key “${apiKey.name}”? Requests with it fail at once.`}
            pending={revoke.isPending}
            onConfirm={() => revoke.mutate()}
          />
        )}
        {revoke.isError ? (
          <p className="field-message" role="alert">
            {describeRequestError(revoke.error)}
          </p>
        ) : null}
      </td>
    </tr>
  );
}
