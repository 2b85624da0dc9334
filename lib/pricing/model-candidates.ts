/**
 * Turns a model id as spans report it into the ids a price book may list it
 * under, most specific first.
 */
import type { RegionScope } from "./types";

export interface ModelCandidates {
  /** Lower-case ids to try in order; each step removes one more decoration. */
  candidates: string[];
  /** Scope of the Bedrock cross-region profile prefix, if the id had one. */
  regionScope: RegionScope | null;
}

/** Prefixes that gateways and SDKs put before the provider's own model id. */
const PATH_PREFIXES = [
  "azure/",
  "bedrock/",
  "openai/",
  "anthropic/",
  "vertex_ai/",
  "gemini/",
  "models/",
];

/** Bedrock foundation-model and system inference-profile ARNs end in the model or profile id. */
const BEDROCK_ARN = /^arn:aws[\w-]*:bedrock:[^:]*:[^:]*:(?:foundation-model|inference-profile)\//;

const CROSS_REGION_PREFIX = /^(us|eu|apac|jp|global)\./;
const VENDOR_PREFIX = /^(anthropic|meta|mistral|amazon)\./;
const VERSION_SUFFIX = /(-v\d+:\d+|:\d+)$/;
/** `-2024-08-06` (OpenAI), `-20241022` (Anthropic) and `@20241022` (Vertex AI). */
const DATE_SUFFIX = /(-\d{4}-\d{2}-\d{2}|-\d{8}|@\d{8})$/;
const LATEST_SUFFIX = /-latest$/;

/**
 * Lists the ids to look up for `model`, removing in turn: host path prefixes
 * and Bedrock ARNs, the cross-region profile prefix, the vendor prefix, the
 * version suffix, the date suffix and `-latest`.
 */
export function listModelCandidates(model: string): ModelCandidates {
  const candidates: string[] = [];
  const push = (id: string) => {
    if (id && !candidates.includes(id)) candidates.push(id);
  };

  let id = model.trim().toLowerCase();
  push(id);

  id = stripPathPrefixes(id);
  push(id);

  let regionScope: RegionScope | null = null;
  const profile = CROSS_REGION_PREFIX.exec(id);
  const rest = profile ? id.slice(profile[0].length) : "";
  // A geography prefix counts only in front of a vendor prefix, so a model
  // that merely starts with "eu." is left alone.
  if (profile && VENDOR_PREFIX.test(rest)) {
    regionScope = profile[1] === "global" ? "global" : "regional";
    id = rest;
    push(id);
  }

  id = id.replace(VENDOR_PREFIX, "");
  push(id);
  id = id.replace(VERSION_SUFFIX, "");
  push(id);
  id = id.replace(DATE_SUFFIX, "");
  push(id);
  id = id.replace(LATEST_SUFFIX, "");
  push(id);

  return { candidates, regionScope };
}

function stripPathPrefixes(model: string): string {
  let id = model.replace(BEDROCK_ARN, "");
  let changed = true;
  while (changed) {
    changed = false;
    for (const prefix of PATH_PREFIXES) {
      if (id.startsWith(prefix)) {
        id = id.slice(prefix.length);
        changed = true;
      }
    }
  }
  return id;
}
