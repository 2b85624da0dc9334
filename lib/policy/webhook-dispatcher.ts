import { createHmac } from "node:crypto";

import { getDatabase, type Database } from "@/db/client";
import { claimDueDeliveries, markAttemptFailed, markDelivered, type DueDelivery } from "@/db/queries/webhooks";
import { logFor } from "@/lib/log";

const logger = logFor("webhooks");

/** Attempts per delivery before it is given up (left with next_attempt_at null). */
export const MAX_DELIVERY_ATTEMPTS = 8;

export interface DispatcherOptions {
  db?: Database;
  /** How often due deliveries are polled, in milliseconds. */
  pollMs?: number;
  /** Delay after the first failure; each later failure doubles it. */
  baseDelayMs?: number;
  /** Largest delay between attempts. */
  maxDelayMs?: number;
  /** Time allowed for the receiver to respond to one request. */
  timeoutMs?: number;
}

export interface WebhookDispatcher {
  /** Sends every delivery due now, once; returns how many were attempted. */
  runOnce(): Promise<number>;
  stop(): Promise<void>;
}

/** Returns the X-Ledger-Signature value: HMAC-SHA256 of the raw body, hex. */
export function signWebhookBody(secret: string, body: string): string {
  return `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;
}

/** Delay before attempt `failures + 1`: base × 2^(failures − 1), capped. */
export function retryDelayMs(failures: number, baseDelayMs: number, maxDelayMs: number): number {
  return Math.min(maxDelayMs, baseDelayMs * 2 ** Math.max(0, failures - 1));
}

async function sendDelivery(delivery: DueDelivery, timeoutMs: number): Promise<string | null> {
  const body = JSON.stringify({ ...delivery.payload, deliveryId: delivery.id });
  try {
    const response = await fetch(delivery.url, {
      method: "POST",
      headers: {
        "Content-Type": "application/json",
        "X-Ledger-Signature": signWebhookBody(delivery.secret, body),
        "X-Ledger-Delivery": delivery.id,
      },
      body,
      redirect: "manual",
      signal: AbortSignal.timeout(timeoutMs),
    });
    // The body is not needed; reading it frees the connection.
    await response.arrayBuffer().catch(() => undefined);
    return response.ok ? null : `receiver returned HTTP ${response.status}`;
  } catch (error) {
    return error instanceof Error ? `request failed: ${error.message}` : "request failed";
  }
}

/**
 * Starts sending queued webhook deliveries: each is POSTed with a signed
 * JSON body and retried with exponential backoff on a non-2xx response or a
 * network error, up to MAX_DELIVERY_ATTEMPTS. Delivery is at least once, so
 * receivers should ignore a repeated X-Ledger-Delivery id.
 */
export function startWebhookDispatcher(options: DispatcherOptions = {}): WebhookDispatcher {
  const pollMs = options.pollMs ?? 1_000;
  const baseDelayMs = options.baseDelayMs ?? 1_000;
  const maxDelayMs = options.maxDelayMs ?? 300_000;
  const timeoutMs = options.timeoutMs ?? 10_000;
  let stopped = false;
  let running: Promise<number> | null = null;
  let timer: NodeJS.Timeout | null = null;

  async function dispatchDue(): Promise<number> {
    const db = options.db ?? (await getDatabase());
    // The lease outlasts a request that times out, so no other dispatcher resends meanwhile.
    const due = await claimDueDeliveries(db, 20, timeoutMs + 5_000);
    for (const delivery of due) {
      const failure = await sendDelivery(delivery, timeoutMs);
      if (failure === null) {
        await markDelivered(db, delivery.id);
        logger.info({ deliveryId: delivery.id, attempts: delivery.attempts + 1 }, "webhook delivered");
        continue;
      }
      const failures = delivery.attempts + 1;
      const retryIn = failures >= MAX_DELIVERY_ATTEMPTS ? null : retryDelayMs(failures, baseDelayMs, maxDelayMs);
      await markAttemptFailed(db, delivery.id, failure, retryIn);
      const context = { deliveryId: delivery.id, attempts: failures, error: failure, retryInMs: retryIn };
      if (retryIn === null) logger.error(context, "webhook delivery given up");
      else logger.warn(context, "webhook delivery failed; will retry");
    }
    return due.length;
  }

  function runOnce(): Promise<number> {
    running ??= dispatchDue().finally(() => {
      running = null;
    });
    return running;
  }

  function schedule(): void {
    if (stopped) return;
    timer = setTimeout(() => {
      runOnce()
        .catch((error: unknown) => logger.error({ err: error }, "dispatching webhooks failed"))
        .finally(schedule);
    }, pollMs);
    timer.unref();
  }

  schedule();
  logger.info({ pollMs }, "webhook dispatcher started");
  return {
    runOnce,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running?.catch(() => undefined);
      logger.info("webhook dispatcher stopped");
    },
  };
}
