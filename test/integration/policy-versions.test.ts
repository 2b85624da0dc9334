import { beforeAll, describe, expect, it } from "vitest";

import { getDatabase } from "@/db/client";
import type { Principal } from "@/lib/auth/principal";
import { ApiError } from "@/lib/http/api-error";
import { hashPolicyDocument } from "@/lib/policy/policy-hash";
import type { WorkflowPolicy } from "@/lib/policy/policy-schema";
import {
  diffPolicies,
  getDraft,
  getPublished,
  getVersion,
  listVersions,
  publishDraft,
  rollbackTo,
  saveDraftWorkflow,
} from "@/lib/policy/policy-store";

import { countAuditRows, readAuditRows } from "../support/audit-rows";
import { buildPolicyDocument, buildWorkflowPolicy } from "../support/policy-fixtures";
import { sessionCookieFor } from "../support/sessions";

let finance: Principal;

beforeAll(async () => {
  const session = await sessionCookieFor("finance");
  finance = { type: "user", userId: session.userId, email: session.email, name: "Finance", role: "finance" };
});

const claims = buildWorkflowPolicy();

describe("policy draft", () => {
  it("starts empty", async () => {
    expect(await getDraft(await getDatabase())).toEqual({ currency: "USD", workflows: {} });
    expect(await getPublished(await getDatabase())).toBeNull();
  });

  it("rejects an invalid policy naming the field", async () => {
    const invalid = { ...claims, budget: { ...claims.budget!, timeZone: "Mars/Olympus" } };
    const error = await saveDraftWorkflow(finance, "claims", invalid).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(400);
    expect((error as ApiError).message).toContain("budget.timeZone");
  });

  it("saves a workflow with one audit entry", async () => {
    const saved = await saveDraftWorkflow(finance, "claims", claims);
    expect(saved).toEqual({ before: null, after: claims });
    expect(await getDraft(await getDatabase())).toEqual(buildPolicyDocument({ claims }));

    const entries = await readAuditRows("policy", "claims");
    expect(entries).toHaveLength(1);
    const email = finance.type === "user" ? finance.email : "";
    expect(entries[0]).toMatchObject({ action: "policy.draft_update", actorLabel: email });
    expect(entries[0]!.before).toBeNull();
    expect(entries[0]!.after).toEqual(claims);
  });

  it("writes nothing for an unchanged save", async () => {
    const before = await countAuditRows();
    const saved = await saveDraftWorkflow(finance, "claims", structuredClone(claims));
    expect(saved.before).toEqual(claims);
    expect(saved.after).toEqual(claims);
    expect(await countAuditRows()).toBe(before);
  });
});

describe("policy versions", () => {
  it("publishes version 1 with the content hash", async () => {
    const published = await publishDraft(finance, "first budget");
    expect(published.version).toBe(1);
    expect(published.document).toEqual(buildPolicyDocument({ claims }));
    expect(published.contentHash).toBe(hashPolicyDocument(buildPolicyDocument({ claims })));
    expect(published.note).toBe("first budget");
    expect(published.rolledBackFrom).toBeNull();
    expect(published.publishedBy).toBe(finance.type === "user" ? finance.email : "");
    expect(Date.parse(published.publishedAt)).not.toBeNaN();

    const entries = await readAuditRows("policy", "1");
    expect(entries.map((entry) => entry.action)).toEqual(["policy.publish"]);
    expect(entries[0]!.after).toMatchObject({ version: 1, contentHash: published.contentHash });
  });

  it("returns the current version for an unchanged draft", async () => {
    const before = await countAuditRows();
    const again = await publishDraft(finance, "nothing new");
    expect(again.version).toBe(1);
    expect(again.note).toBe("first budget");
    expect(await countAuditRows()).toBe(before);
    expect(await listVersions(await getDatabase())).toHaveLength(1);
  });

  it("publishes a change as version 2", async () => {
    const raised: WorkflowPolicy = { ...claims, budget: { ...claims.budget!, amountUsd: "150.00" } };
    await saveDraftWorkflow(finance, "claims", raised);
    await saveDraftWorkflow(finance, "refunds", buildWorkflowPolicy({ routing: null }));
    const db = await getDatabase();
    const draftChanges = diffPolicies((await getPublished(db))!.document, await getDraft(db));
    expect(draftChanges.map((change) => `${change.workflow}:${change.path}`)).toEqual([
      "claims:budget.amountUsd",
      "refunds:",
    ]);

    const second = await publishDraft(finance, null);
    expect(second.version).toBe(2);
    expect(second.contentHash).not.toBe((await getVersion(db, 1))!.contentHash);
    expect((await getPublished(db))?.version).toBe(2);
  });

  it("rolls back by publishing a copy", async () => {
    const db = await getDatabase();
    const first = (await getVersion(db, 1))!;
    const third = await rollbackTo(finance, 1);
    expect(third.version).toBe(3);
    expect(third.rolledBackFrom).toBe(1);
    expect(third.contentHash).toBe(first.contentHash);
    expect(third.document).toEqual(first.document);
    expect(await getDraft(db)).toEqual(first.document);
    expect((await listVersions(db)).map((version) => version.version)).toEqual([3, 2, 1]);

    const entries = await readAuditRows("policy", "3");
    expect(entries.map((entry) => entry.action)).toEqual(["policy.rollback"]);
    expect(entries[0]!.before).toMatchObject({ version: 2 });
    expect(entries[0]!.after).toMatchObject({ version: 3, rolledBackFrom: 1 });

    // The draft now equals version 3, so publishing makes no version 4.
    expect((await publishDraft(finance, null)).version).toBe(3);
  });

  it("keeps versions immutable", async () => {
    const db = await getDatabase();
    const second = (await getVersion(db, 2))!;
    expect(second.document.workflows.claims?.budget?.amountUsd).toBe("150.00");
    expect(hashPolicyDocument(second.document)).toBe(second.contentHash);
  });

  it("rejects rollback to an unknown version", async () => {
    const error = await rollbackTo(finance, 99).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(404);
  });

  it("removes a workflow from the draft", async () => {
    const removed = await saveDraftWorkflow(finance, "claims", null);
    expect(removed.after).toBeNull();
    expect(removed.before).toEqual(claims);
    expect(Object.keys((await getDraft(await getDatabase())).workflows)).toEqual([]);
    const entries = await readAuditRows("policy", "claims");
    expect(entries.at(-1)).toMatchObject({ action: "policy.draft_update", after: null });
  });
});
