import type { Queryable } from "@/db/client";
import { listGatewayKeyPulls, type GatewayKeyPullRow } from "@/db/queries/gateway-pulls";

import { getPublished } from "./policy-store";

export interface GatewayStatus extends GatewayKeyPullRow {
  /** True when the key's last pull served an older version than the current one. */
  stale: boolean;
}

export interface GatewayStatusList {
  currentVersion: number | null;
  gateways: GatewayStatus[];
}

/** Lists gateway keys with their last pull and whether they hold an older version. */
export async function listGatewayStatus(db: Queryable): Promise<GatewayStatusList> {
  const published = await getPublished(db);
  const currentVersion = published?.version ?? null;
  const rows = await listGatewayKeyPulls(db);
  const gateways = rows.map((row) => ({
    ...row,
    stale: currentVersion !== null && row.lastPull !== null && row.lastPull.version < currentVersion,
  }));
  return { currentVersion, gateways };
}
