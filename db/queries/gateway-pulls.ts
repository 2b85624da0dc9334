import type { Queryable } from "@/db/client";

export type PullFormat = "policy" | "litellm" | "portkey";

export async function insertGatewayPull(
  db: Queryable,
  params: { keyId: string; version: number; format: PullFormat; status: 200 | 304 },
): Promise<void> {
  await db.query(
    `insert into gateway_pulls (key_id, version, format, status) values ($1, $2, $3, $4)`,
    [params.keyId, params.version, params.format, params.status],
  );
}

export interface GatewayPullRecord {
  version: number;
  format: PullFormat;
  status: 200 | 304;
  pulledAt: string;
}

/** A gateway key with its most recent pull, or null pull fields when it never pulled. */
export interface GatewayKeyPullRow {
  keyId: string;
  name: string;
  prefix: string;
  workflows: string[] | null;
  revokedAt: string | null;
  lastPull: GatewayPullRecord | null;
  pullCount: number;
}

interface Row {
  key_id: string;
  name: string;
  prefix: string;
  workflows: string[] | null;
  revoked_at: string | null;
  version: number | null;
  format: PullFormat | null;
  status: number | null;
  pulled_at: string | null;
  pull_count: string;
}

/** Lists every gateway key, newest first, with its latest pull and the number of pulls. */
export async function listGatewayKeyPulls(db: Queryable): Promise<GatewayKeyPullRow[]> {
  const rows = await db.query<Row>(
    `select k.id::text as key_id, k.name, k.prefix, k.workflows, k.revoked_at::text,
            p.version, p.format, p.status, p.pulled_at::text,
            (select count(*) from gateway_pulls c where c.key_id = k.id)::text as pull_count
       from api_keys k
       left join lateral (
         select version, format, status, pulled_at from gateway_pulls g
          where g.key_id = k.id order by g.pulled_at desc, g.id desc limit 1
       ) p on true
      where k.kind = 'gateway'
      order by k.created_at desc`,
  );
  return rows.map((row) => ({
    keyId: row.key_id,
    name: row.name,
    prefix: row.prefix,
    workflows: row.workflows,
    revokedAt: row.revoked_at,
    lastPull:
      row.version === null
        ? null
        : {
            version: row.version,
            format: row.format!,
            status: row.status as 200 | 304,
            pulledAt: row.pulled_at!,
          },
    pullCount: Number(row.pull_count),
  }));
}

/** Lists one key's pulls, newest first. */
export async function listPullsOfKey(db: Queryable, keyId: string, limit: number): Promise<GatewayPullRecord[]> {
  const rows = await db.query<{ version: number; format: PullFormat; status: number; pulled_at: string }>(
    `select version, format, status, pulled_at::text from gateway_pulls
      where key_id = $1 order by pulled_at desc, id desc limit $2`,
    [keyId, limit],
  );
  return rows.map((row) => ({
    version: row.version,
    format: row.format,
    status: row.status as 200 | 304,
    pulledAt: row.pulled_at,
  }));
}
