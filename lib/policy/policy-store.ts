import { getDatabase, type Database, type Queryable } from "@/db/client";
import {
  deleteAllDrafts,
  deleteDraft,
  findDraftForUpdate,
  findLatestVersion,
  findVersion,
  insertVersion,
  listVersionRows,
  loadDraftRows,
  lockPolicyPublishing,
  upsertDraft,
  type PolicyVersionRow,
} from "@/db/queries/policy";
import { labelOfActor, type AuditActor } from "@/lib/audit/audit-actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { notFound } from "@/lib/http/api-error";
import { logFor } from "@/lib/log";
import { parseInput } from "@/lib/validation/parse-input";

import { hashPolicyDocument, toCanonicalJson } from "./policy-hash";
import {
  policyDocumentSchema,
  workflowPolicySchema,
  type PolicyDocument,
  type WorkflowPolicy,
} from "./policy-schema";

export { diffPolicies, type PolicyChange } from "./diff-policies";

const logger = logFor("policy");

/** A published, immutable policy version. */
export interface PublishedPolicy {
  version: number;
  /** SHA-256 hex of the document's canonical JSON; gateways use it as the ETag. */
  contentHash: string;
  document: PolicyDocument;
  /** ISO instant in UTC. */
  publishedAt: string;
  /** Label of the publishing actor (email, key name or OS user). */
  publishedBy: string;
  note: string | null;
  /** The version this one copies, when a rollback published it. */
  rolledBackFrom: number | null;
}

const workflowNameSchema = policyDocumentSchema.shape.workflows.keyType;

function toPublished(row: PolicyVersionRow): PublishedPolicy {
  return { ...row, document: row.document as PolicyDocument };
}

function isSame(a: unknown, b: unknown): boolean {
  return toCanonicalJson(a) === toCanonicalJson(b);
}

async function readDraft(db: Queryable): Promise<PolicyDocument> {
  const workflows: Record<string, WorkflowPolicy> = {};
  for (const row of await loadDraftRows(db)) workflows[row.workflow] = row.policy as WorkflowPolicy;
  return { currency: "USD", workflows };
}

/** Reads the draft document; with no draft rows it is `{ currency: "USD", workflows: {} }`. */
export async function getDraft(db: Queryable): Promise<PolicyDocument> {
  return readDraft(db);
}

/** Lists the draft's workflow policies with the time of their last change (ISO), by name. */
export async function listDraftWorkflows(
  db: Queryable,
): Promise<Array<{ workflow: string; policy: WorkflowPolicy; updatedAt: string }>> {
  const rows = await loadDraftRows(db);
  return rows.map((row) => ({ ...row, policy: row.policy as WorkflowPolicy }));
}

/**
 * Replaces one workflow's draft policy with `change(current)`, where null
 * means no policy, under a row lock so concurrent edits of the same workflow
 * apply one after the other. The result is validated against the policy
 * schema and audited as `policy.draft_update` in the same transaction; a
 * result equal to the current policy writes nothing.
 */
export async function updateDraftWorkflow(
  actor: AuditActor,
  workflow: string,
  change: (current: WorkflowPolicy | null) => WorkflowPolicy | null,
  db?: Database,
): Promise<{ before: WorkflowPolicy | null; after: WorkflowPolicy | null }> {
  const name = parseInput(workflowNameSchema, workflow);
  const database = db ?? (await getDatabase());
  const result = await database.transaction(async (tx) => {
    const before = (await findDraftForUpdate(tx, name)) as WorkflowPolicy | null;
    const proposed = change(before);
    const after = proposed === null ? null : parseInput(workflowPolicySchema, proposed);
    if (isSame(before, after)) return { before, after: before, changed: false };
    if (after === null) await deleteDraft(tx, name);
    else await upsertDraft(tx, name, after);
    await recordAudit(tx, actor, {
      action: "policy.draft_update",
      entityType: "policy",
      entityId: name,
      before,
      after,
    });
    return { before, after, changed: true };
  });
  if (result.changed) logger.info({ workflow: name, actorType: actor.type }, "policy draft saved");
  return { before: result.before, after: result.after };
}

/**
 * Sets or, with null, removes one workflow's draft policy, validated against
 * the policy schema, with a `policy.draft_update` audit entry in the same
 * transaction. Saving what the draft already contains writes nothing.
 */
export async function saveDraftWorkflow(
  actor: AuditActor,
  workflow: string,
  policy: WorkflowPolicy | null,
  db?: Database,
): Promise<{ before: WorkflowPolicy | null; after: WorkflowPolicy | null }> {
  // Validate before the transaction, so an invalid body never takes the row lock.
  const after = policy === null ? null : parseInput(workflowPolicySchema, policy);
  return updateDraftWorkflow(actor, workflow, () => after, db);
}

/** Inserts version N+1 holding `document`; the caller holds the publishing lock. */
async function insertNextVersion(
  tx: Queryable,
  actor: AuditActor,
  document: PolicyDocument,
  note: string | null,
  rolledBackFrom: number | null,
): Promise<PublishedPolicy> {
  const latest = await findLatestVersion(tx);
  const row = await insertVersion(tx, {
    version: (latest?.version ?? 0) + 1,
    document,
    contentHash: hashPolicyDocument(document),
    publishedBy: labelOfActor(actor),
    note,
    rolledBackFrom,
  });
  return toPublished(row);
}

/**
 * Publishes the draft as a new immutable version, audited as `policy.publish`.
 * When the draft equals the current version, returns that version and writes
 * nothing, so gateways keep their cached ETag.
 */
export async function publishDraft(
  actor: AuditActor,
  note: string | null,
  db?: Database,
): Promise<PublishedPolicy> {
  const database = db ?? (await getDatabase());
  const result = await database.transaction(async (tx) => {
    await lockPolicyPublishing(tx);
    const draft = parseInput(policyDocumentSchema, await readDraft(tx));
    const latest = await findLatestVersion(tx);
    if (latest && latest.contentHash === hashPolicyDocument(draft)) {
      return { published: toPublished(latest), created: false };
    }
    const published = await insertNextVersion(tx, actor, draft, note, null);
    await recordAudit(tx, actor, {
      action: "policy.publish",
      entityType: "policy",
      entityId: String(published.version),
      before: latest ? { version: latest.version, contentHash: latest.contentHash } : null,
      after: { version: published.version, contentHash: published.contentHash, note },
    });
    return { published, created: true };
  });
  if (result.created) {
    logger.info({ version: result.published.version, actorType: actor.type }, "policy published");
  }
  return result.published;
}

/**
 * Publishes a copy of an older version as a new version and resets the draft
 * to it, audited as `policy.rollback`. Throws a 404 ApiError for an unknown version.
 */
export async function rollbackTo(actor: AuditActor, version: number, db?: Database): Promise<PublishedPolicy> {
  const database = db ?? (await getDatabase());
  const published = await database.transaction(async (tx) => {
    await lockPolicyPublishing(tx);
    const target = await findVersion(tx, version);
    if (!target) throw notFound(`policy version ${version} does not exist`);
    const latest = await findLatestVersion(tx);
    const document = target.document as PolicyDocument;
    const created = await insertNextVersion(tx, actor, document, `rollback to version ${version}`, version);
    await deleteAllDrafts(tx);
    for (const [workflow, policy] of Object.entries(document.workflows)) {
      await upsertDraft(tx, workflow, policy);
    }
    await recordAudit(tx, actor, {
      action: "policy.rollback",
      entityType: "policy",
      entityId: String(created.version),
      before: latest ? { version: latest.version, contentHash: latest.contentHash } : null,
      after: { version: created.version, contentHash: created.contentHash, rolledBackFrom: version },
    });
    return created;
  });
  logger.info({ version: published.version, rolledBackFrom: version, actorType: actor.type }, "policy rolled back");
  return published;
}

/** Returns the newest published version, or null before the first publish. */
export async function getPublished(db: Queryable): Promise<PublishedPolicy | null> {
  const latest = await findLatestVersion(db);
  return latest ? toPublished(latest) : null;
}

export async function getVersion(db: Queryable, version: number): Promise<PublishedPolicy | null> {
  const row = await findVersion(db, version);
  return row ? toPublished(row) : null;
}

/** Lists every published version, newest first. */
export async function listVersions(db: Queryable): Promise<PublishedPolicy[]> {
  return (await listVersionRows(db)).map(toPublished);
}
