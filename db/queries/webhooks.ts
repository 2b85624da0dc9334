import type { Queryable } from "@/db/client";

/** A webhook as listed; the secret is never read back after creation. */
export interface WebhookRecord {
  id: string;
  url: string;
  createdAt: string;
  createdBy: string | null;
}

const ISO = (column: string) =>
  `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

const WEBHOOK_COLUMNS = `id::text as id, url, ${ISO("created_at")} as "createdAt", created_by as "createdBy"`;

export async function insertWebhook(
  db: Queryable,
  params: { url: string; secret: string; createdBy: string },
): Promise<WebhookRecord> {
  const rows = await db.query<WebhookRecord>(
    `insert into webhooks (url, secret, created_by) values ($1, $2, $3) returning ${WEBHOOK_COLUMNS}`,
    [params.url, params.secret, params.createdBy],
  );
  return rows[0]!;
}

/** Lists webhooks not deleted, oldest first. */
export async function listActiveWebhooks(db: Queryable): Promise<WebhookRecord[]> {
  return db.query<WebhookRecord>(
    `select ${WEBHOOK_COLUMNS} from webhooks where deleted_at is null order by created_at, id`,
  );
}

/** Marks a webhook deleted and abandons its pending deliveries; null when not found or already deleted. */
export async function softDeleteWebhook(db: Queryable, id: string): Promise<WebhookRecord | null> {
  const rows = await db.query<WebhookRecord>(
    `update webhooks set deleted_at = now()
      where id::text = $1 and deleted_at is null
      returning ${WEBHOOK_COLUMNS}`,
    [id],
  );
  if (rows[0]) {
    await db.query(
      `update webhook_deliveries set next_attempt_at = null, last_error = 'webhook deleted'
        where webhook_id::text = $1 and delivered_at is null and next_attempt_at is not null`,
      [id],
    );
  }
  return rows[0] ?? null;
}

/**
 * Records an alert unless this workflow, period and threshold already fired.
 * Returns true when this call inserted it.
 */
export async function insertBudgetAlert(
  db: Queryable,
  alert: { workflow: string; periodStart: string; threshold: number; payload: unknown },
): Promise<boolean> {
  const rows = await db.query<{ workflow: string }>(
    `insert into budget_alerts (workflow, period_start, threshold, payload)
     values ($1, $2::timestamptz, $3::numeric, $4::text::jsonb)
     on conflict do nothing
     returning workflow`,
    [alert.workflow, alert.periodStart, String(alert.threshold), JSON.stringify(alert.payload)],
  );
  return rows.length > 0;
}

/** Queues one delivery of an alert to every webhook not deleted; returns how many. */
export async function enqueueDeliveries(db: Queryable, alertKey: string, payload: unknown): Promise<number> {
  const rows = await db.query<{ id: string }>(
    `insert into webhook_deliveries (webhook_id, alert_key, payload)
     select id, $1, $2::text::jsonb from webhooks where deleted_at is null
     returning id::text as id`,
    [alertKey, JSON.stringify(payload)],
  );
  return rows.length;
}

export interface DueDelivery {
  id: string;
  url: string;
  secret: string;
  payload: Record<string, unknown>;
  attempts: number;
}

/**
 * Claims up to `limit` due deliveries by pushing their next attempt `leaseMs`
 * ahead, so another dispatcher skips them while this one sends.
 */
export async function claimDueDeliveries(db: Queryable, limit: number, leaseMs: number): Promise<DueDelivery[]> {
  const rows = await db.query<{ id: string; url: string; secret: string; payload: string; attempts: number }>(
    `with due as (
       select d.id from webhook_deliveries d
        where d.next_attempt_at is not null and d.next_attempt_at <= now()
        order by d.next_attempt_at, d.id
        limit $1
        for update skip locked
     )
     update webhook_deliveries d
        set next_attempt_at = now() + make_interval(secs => $2::double precision / 1000)
       from due, webhooks w
      where d.id = due.id and w.id = d.webhook_id
      returning d.id::text as id, w.url, w.secret, d.payload::text as payload, d.attempts`,
    [limit, leaseMs],
  );
  return rows.map((row) => ({ ...row, attempts: Number(row.attempts), payload: JSON.parse(row.payload) }));
}

export async function markDelivered(db: Queryable, id: string): Promise<void> {
  await db.query(
    `update webhook_deliveries
        set delivered_at = now(), next_attempt_at = null, attempts = attempts + 1, last_error = null
      where id = $1::bigint`,
    [id],
  );
}

/** Records a failed attempt; `retryInMs` null gives up on the delivery. */
export async function markAttemptFailed(
  db: Queryable,
  id: string,
  error: string,
  retryInMs: number | null,
): Promise<void> {
  await db.query(
    `update webhook_deliveries
        set attempts = attempts + 1, last_error = $2,
            next_attempt_at = case when $3::double precision is null then null
                              else now() + make_interval(secs => $3::double precision / 1000) end
      where id = $1::bigint`,
    [id, error.slice(0, 500), retryInMs],
  );
}

export interface DeliveryRecord {
  id: string;
  webhookId: string;
  alertKey: string;
  attempts: number;
  deliveredAt: string | null;
  nextAttemptAt: string | null;
  lastError: string | null;
}

/** Lists deliveries, newest first, for the API and tests. */
export async function listDeliveries(db: Queryable, limit: number): Promise<DeliveryRecord[]> {
  const rows = await db.query<DeliveryRecord>(
    `select id::text as id, webhook_id::text as "webhookId", alert_key as "alertKey", attempts,
            ${ISO("delivered_at")} as "deliveredAt", ${ISO("next_attempt_at")} as "nextAttemptAt",
            last_error as "lastError"
       from webhook_deliveries order by id desc limit $1`,
    [limit],
  );
  return rows.map((row) => ({ ...row, attempts: Number(row.attempts) }));
}
