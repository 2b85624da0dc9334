"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";

import { QueryWidget } from "@/components/kpi/widget-state";
import { workflowPolicySchema, type WorkflowPolicy } from "@/lib/policy/policy-schema";
import { fetchApiJson } from "@/lib/ui/fetch-api";
import { draftResponseSchema, policyQueryKeys } from "@/lib/ui/policy-ui-schemas";

import { PublishReview } from "./publish-review";
import { VersionHistory } from "./version-history";
import { WorkflowPolicyForm } from "./workflow-policy-form";

/** Reads a stored draft entry; one that no longer fits the schema opens as a new policy. */
function readStoredPolicy(value: unknown): WorkflowPolicy | null {
  const parsed = workflowPolicySchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/**
 * The policy page: the draft by workflow with its editor, the review of
 * unpublished changes, and the version history. Only finance and admins get
 * the edit controls; the API checks the role on every change.
 */
export function PolicyView({ canEdit, defaultTimeZone }: { canEdit: boolean; defaultTimeZone: string }) {
  const draft = useQuery({
    queryKey: policyQueryKeys.draft,
    queryFn: ({ signal }) => fetchApiJson("/api/v1/policy/draft", draftResponseSchema, { signal }),
  });
  const [editing, setEditing] = useState<string | null>(null);
  const [newWorkflow, setNewWorkflow] = useState("");

  return (
    <main className="page">
      <header className="page-header">
        <div>
          <p className="eyebrow">Cost governance</p>
          <h1>Policy</h1>
        </div>
      </header>

      <section className="panel" aria-labelledby="draft-heading">
        <h2 id="draft-heading">Draft by workflow</h2>
        <p className="muted small">Edits change the draft. Gateways see them once the draft is published.</p>
        <QueryWidget query={draft} subject="the draft" lines={4}>
          {(data) => {
            const workflows = Object.keys(data.document.workflows).sort();
            return (
              <>
                {workflows.length === 0 ? <p className="empty">The draft has no workflow yet.</p> : null}
                <ul className="change-list">
                  {workflows.map((workflow) => (
                    <li key={workflow}>
                      <strong>{workflow}</strong>{" "}
                      {canEdit ? (
                        <button type="button" className="button button-quiet" onClick={() => setEditing(workflow)}>
                          Edit {workflow}
                        </button>
                      ) : null}
                    </li>
                  ))}
                </ul>
                {canEdit && editing === null ? (
                  <form
                    className="form-grid"
                    aria-label="Add a workflow"
                    onSubmit={(event) => {
                      event.preventDefault();
                      if (newWorkflow.trim()) setEditing(newWorkflow.trim());
                    }}
                  >
                    <label className="field">
                      <span>Workflow name</span>
                      <input
                        value={newWorkflow}
                        maxLength={200}
                        onChange={(event) => setNewWorkflow(event.target.value)}
                      />
                    </label>
                    <div className="form-actions">
                      <button type="submit" className="button button-quiet">
                        Add a workflow
                      </button>
                    </div>
                  </form>
                ) : null}
                {canEdit && editing !== null ? (
                  <WorkflowPolicyForm
                    key={editing}
                    workflow={editing}
                    current={readStoredPolicy(data.document.workflows[editing])}
                    defaultTimeZone={defaultTimeZone}
                    onDone={() => {
                      setEditing(null);
                      setNewWorkflow("");
                    }}
                  />
                ) : null}
              </>
            );
          }}
        </QueryWidget>
      </section>

      <section className="panel" aria-labelledby="publish-heading">
        <h2 id="publish-heading">Unpublished changes</h2>
        <PublishReview canEdit={canEdit} />
      </section>

      <section className="panel" aria-labelledby="versions-heading">
        <h2 id="versions-heading">Version history</h2>
        <VersionHistory canEdit={canEdit} />
      </section>
    </main>
  );
}
