"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";

import { ConfirmButton } from "@/components/forms/confirm-button";
import { QueryWidget } from "@/components/kpi/widget-state";
import { fetchApiJson } from "@/lib/ui/fetch-api";
import { formatTimestamp } from "@/lib/ui/format-timestamp";
import { policyQueryKeys, publishedResponseSchema, versionListSchema } from "@/lib/ui/policy-ui-schemas";
import { describeRequestError, sendApiJson } from "@/lib/ui/send-api-json";

/** Published versions, newest first; finance may publish a copy of an older one. */
export function VersionHistory({ canEdit }: { canEdit: boolean }) {
  const queryClient = useQueryClient();
  const versions = useQuery({
    queryKey: policyQueryKeys.versions,
    queryFn: ({ signal }) => fetchApiJson("/api/v1/policy/versions", versionListSchema, { signal }),
  });
  const rollback = useMutation({
    mutationFn: (version: number) =>
      sendApiJson("POST", "/api/v1/policy/rollback", { version }, publishedResponseSchema),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ["policy"] }),
  });

  return (
    <QueryWidget query={versions} subject="the version history" lines={3}>
      {(data) =>
        data.versions.length === 0 ? (
          <p className="empty">No version has been published yet.</p>
        ) : (
          <div className="table-scroll">
            {rollback.isError ? (
              <p className="form-message" role="alert">
                {describeRequestError(rollback.error)}
              </p>
            ) : null}
            <table className="data-table">
              <caption className="sr-only">Published policy versions</caption>
              <thead>
                <tr>
                  <th scope="col" className="numeric">Version</th>
                  <th scope="col">Published</th>
                  <th scope="col">By</th>
                  <th scope="col">Note</th>
                  <th scope="col">Content hash</th>
                  {canEdit ? <th scope="col"><span className="sr-only">Actions</span></th> : null}
                </tr>
              </thead>
              <tbody>
                {data.versions.map((version, index) => (
                  <tr key={version.version}>
                    <th scope="row" className="numeric">{version.version}</th>
                    <td className="nowrap">{formatTimestamp(version.publishedAt)}</td>
                    <td>{version.publishedBy}</td>
                    <td>{version.note ?? ""}</td>
                    <td className="mono">{version.contentHash.slice(0, 12)}</td>
                    {canEdit ? (
                      <td>
                        {index > 0 ? (
                          <ConfirmButton
                            label="Roll back"
                            confirmLabel={`Publish a copy of version ${version.version}`}
                            question={`Roll back to version ${version.version}? The draft is replaced too.`}
                            pending={rollback.isPending}
                            onConfirm={() => rollback.mutate(version.version)}
                          />
                        ) : (
                          <span className="badge badge-muted">current</span>
                        )}
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )
      }
    </QueryWidget>
  );
}
