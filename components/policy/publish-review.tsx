"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";

import { QueryWidget } from "@/components/kpi/widget-state";
import { fetchApiJson } from "@/lib/ui/fetch-api";
import { diffResponseSchema, policyQueryKeys, publishedResponseSchema } from "@/lib/ui/policy-ui-schemas";
import { describeRequestError, sendApiJson } from "@/lib/ui/send-api-json";

function showValue(value: unknown): string {
  if (value === null || value === undefined) return "—";
  return typeof value === "string" ? value : JSON.stringify(value);
}

/** Shows what publishing would change against the published version, then publishes with a note. */
export function PublishReview({ canEdit }: { canEdit: boolean }) {
  const queryClient = useQueryClient();
  const [reviewing, setReviewing] = useState(false);
  const [note, setNote] = useState("");
  const diff = useQuery({
    queryKey: policyQueryKeys.diff,
    queryFn: ({ signal }) => fetchApiJson("/api/v1/policy/diff", diffResponseSchema, { signal }),
  });
  const publish = useMutation({
    mutationFn: () => sendApiJson("POST", "/api/v1/policy/publish", { note: note || null }, publishedResponseSchema),
    onSuccess: async () => {
      setReviewing(false);
      setNote("");
      await queryClient.invalidateQueries({ queryKey: ["policy"] });
    },
  });

  return (
    <QueryWidget query={diff} subject="the draft changes" lines={3}>
      {(data) => (
        <>
          <p>
            {data.publishedVersion === null
              ? "Nothing is published yet."
              : `Published version: ${data.publishedVersion}.`}{" "}
            {data.changes.length === 0
              ? "The draft matches it."
              : `The draft has ${data.changes.length} unpublished change(s).`}
          </p>
          {publish.isSuccess ? (
            <p className="form-success" role="status">
              Published version {publish.data.published.version}.
            </p>
          ) : null}
          {canEdit && !reviewing && data.changes.length > 0 ? (
            <button type="button" className="button" onClick={() => setReviewing(true)}>
              Review and publish
            </button>
          ) : null}
          {reviewing ? (
            <div aria-label="Changes to publish" role="region">
              <div className="table-scroll">
                <table className="data-table">
                  <caption>Changes against the published version</caption>
                  <thead>
                    <tr>
                      <th scope="col">Workflow</th>
                      <th scope="col">Setting</th>
                      <th scope="col">Published</th>
                      <th scope="col">Draft</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.changes.map((change) => (
                      <tr key={`${change.workflow} ${change.path}`}>
                        <th scope="row">{change.workflow}</th>
                        <td>{change.path || "whole policy"}</td>
                        <td className="mono">{showValue(change.before)}</td>
                        <td className="mono">{showValue(change.after)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <label className="field">
                <span>Note for the version history</span>
                <input name="note" value={note} maxLength={500} onChange={(event) => setNote(event.target.value)} />
              </label>
              {publish.isError ? (
                <p className="form-message" role="alert">
                  {describeRequestError(publish.error)}
                </p>
              ) : null}
              <div className="form-actions">
                <button type="button" className="button" disabled={publish.isPending} onClick={() => publish.mutate()}>
                  {publish.isPending ? "Publishing…" : "Publish"}
                </button>
                <button type="button" className="button button-quiet" onClick={() => setReviewing(false)}>
                  Cancel
                </button>
              </div>
            </div>
          ) : null}
        </>
      )}
    </QueryWidget>
  );
}
