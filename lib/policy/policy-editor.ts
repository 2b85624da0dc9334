import { getDatabase } from "@/db/client";
import { badRequest, notFound } from "@/lib/http/api-error";

import { listGatewayStatus, type GatewayStatusList } from "./gateway-status";
import type { PolicyDocument } from "./policy-schema";
import {
  diffPolicies,
  getDraft,
  getPublished,
  getVersion,
  listVersions,
  type PolicyChange,
  type PublishedPolicy,
} from "./policy-store";

/** Read side of the policy editor and the gateway list, for route handlers. */

export async function readDraftDocument(): Promise<{ document: PolicyDocument }> {
  return { document: await getDraft(await getDatabase()) };
}

/** Lists what publishing the draft would change against the published version. */
export async function readDraftDiff(): Promise<{ publishedVersion: number | null; changes: PolicyChange[] }> {
  const db = await getDatabase();
  const published = await getPublished(db);
  const draft = await getDraft(db);
  return {
    publishedVersion: published?.version ?? null,
    changes: diffPolicies(published?.document ?? null, draft),
  };
}

export type VersionSummary = Omit<PublishedPolicy, "document">;

/** Lists published versions, newest first, without their documents. */
export async function listVersionSummaries(): Promise<{ versions: VersionSummary[] }> {
  const versions = await listVersions(await getDatabase());
  return {
    versions: versions.map((published) => ({
      version: published.version,
      contentHash: published.contentHash,
      publishedAt: published.publishedAt,
      publishedBy: published.publishedBy,
      note: published.note,
      rolledBackFrom: published.rolledBackFrom,
    })),
  };
}

/** Reads one version by its path parameter; 400 for a malformed number, 404 for an unknown one. */
export async function readVersion(parameter: string): Promise<PublishedPolicy> {
  if (!/^[1-9]\d{0,8}$/.test(parameter)) {
    throw badRequest(`invalid version "${parameter.slice(0, 20)}": use a positive integer`);
  }
  const published = await getVersion(await getDatabase(), Number(parameter));
  if (!published) throw notFound(`policy version ${parameter} does not exist`);
  return published;
}

export async function readGatewayStatus(): Promise<GatewayStatusList> {
  return listGatewayStatus(await getDatabase());
}
