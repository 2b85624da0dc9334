import { readFileSync } from "node:fs";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { getDatabase } from "@/db/client";
import { importBillingFile } from "@/lib/billing/import-billing-file";
import { createApiKey } from "@/lib/keys/api-keys";

import { uploadBillingFile } from "../support/billing-uploads";
import { createApiClient } from "../support/api-client";
import { buildFocusCsv } from "../support/focus-csv";
import { serveRoutes } from "../support/serve-routes";
import { sessionCookieFor } from "../support/sessions";

const SAMPLES = path.resolve(__dirname, "../../../shared/samples");
const FOCUS_SAMPLE = readFileSync(path.join(SAMPLES, "focus/focus-1.0_focus_sample_1000rows.csv"));

/**
 * Sums per ProviderName computed from the CSV alone, with Python's Decimal
 * over csv.DictReader (BOM-aware, NULL as 0), independent of the importers.
 */
const FOCUS_TOTALS = [
  { provider: "aws", lines: 942, billed: "18.0066386184", effective: "13" },
  { provider: "microsoft", lines: 51, billed: "1.97651418586", effective: "1.97651418586" },
  { provider: "oracle", lines: 7, billed: "0.53707392473", effective: "0" },
];

let server: { url: string; close: () => Promise<void> };
let callApi: ReturnType<typeof createApiClient>;
let financeCookie: string;
let analystCookie: string;
let ingestKey: string;

beforeAll(async () => {
  server = await serveRoutes();
  callApi = createApiClient(server.url);
  financeCookie = (await sessionCookieFor("finance")).cookie;
  analystCookie = (await sessionCookieFor("analyst")).cookie;
  ingestKey = (await createApiKey(await getDatabase(), { name: "billing", kind: "ingest" })).secret;
});

afterAll(async () => {
  await server.close();
});

async function query<Row>(text: string, params: unknown[] = []): Promise<Row[]> {
  return (await getDatabase()).query<Row>(text, params);
}

async function totalsByProvider(where = "true", params: unknown[] = []) {
  return query<{ provider: string; lines: number; billed: string; effective: string }>(
    `select provider, count(*)::int as lines, trim_scale(sum(billed_cost))::text as billed,
            trim_scale(sum(effective_cost))::text as effective
       from billing_lines where ${where} group by provider order by provider`,
    params,
  );
}

describe("FOCUS sample import", () => {
  let firstId: string;

  it("imports every row", async () => {
    const result = await uploadBillingFile(server.url, FOCUS_SAMPLE, {
      cookie: financeCookie,
      query: { filename: "focus_sample.csv" },
    });
    expect(result.status, JSON.stringify(result.json)).toBe(201);
    firstId = result.json.import.id;
    expect(result.json.import).toMatchObject({
      status: "completed",
      format: "focus",
      fileName: "focus_sample.csv",
      rowsRead: 1000,
      rowsImported: 1000,
      rowsDuplicate: 0,
      rowsRejected: 0,
      bytesRead: FOCUS_SAMPLE.byteLength,
    });
    expect(result.json.import.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(result.json.rejects).toEqual([]);
  });

  it("matches the CSV's totals per provider", async () => {
    expect(await totalsByProvider("import_id = $1::uuid", [firstId])).toEqual(FOCUS_TOTALS);
  });

  it("changes nothing when imported again", async () => {
    const before = await totalsByProvider();
    const again = await uploadBillingFile(server.url, FOCUS_SAMPLE, { bearer: ingestKey });
    expect(again.status).toBe(201);
    expect(again.json.import).toMatchObject({
      status: "completed",
      rowsRead: 1000,
      rowsImported: 0,
      rowsRestated: 0,
      rowsDuplicate: 1000,
    });
    expect(await totalsByProvider()).toEqual(before);
    const staged = await query<{ count: number }>(`select count(*)::int as count from billing_import_lines`);
    expect(staged[0]?.count).toBe(0);
  });

  it("lists both imports in the history", async () => {
    const history = await callApi("GET", "/api/v1/billing/imports", { cookie: analystCookie });
    expect(history.status).toBe(200);
    const focusImports = history.json.imports.filter((item: { format: string }) => item.format === "focus");
    expect(focusImports.length).toBeGreaterThanOrEqual(2);
    expect(focusImports.map((item: { createdBy: string }) => item.createdBy)).toContain("billing");
  });
});

describe("rejected rows", () => {
  const csv = buildFocusCsv([
    { Id: "reject-1", BilledCost: "2.50" },
    { Id: "reject-2", BilledCost: "$3.00" },
    { Id: "reject-3", ChargePeriodStart: "2025-02-30 00:00:00" },
    { Id: "reject-4", BilledCost: "0.0000000000001" },
    { Id: "reject-5", BillingCurrency: "" },
  ]);
  let importId: string;

  it("reports line, column and reason", async () => {
    const result = await uploadBillingFile(server.url, csv, { bearer: ingestKey });
    expect(result.status).toBe(201);
    importId = result.json.import.id;
    expect(result.json.import).toMatchObject({ rowsRead: 5, rowsImported: 1, rowsRejected: 4 });
    expect(result.json.rejects).toEqual([
      { line: 3, column: "BilledCost", reason: 'invalid decimal "$3.00"' },
      { line: 4, column: "ChargePeriodStart", reason: 'invalid date "2025-02-30 00:00:00"' },
      {
        line: 5,
        column: "BilledCost",
        reason:
          "amount 0.0000000000001 does not fit: amounts are stored with at most 18 whole and 12 fraction digits",
      },
      { line: 6, column: "BillingCurrency", reason: "missing value and no default currency was given" },
    ]);
  });

  it("returns them with the import", async () => {
    const read = await callApi("GET", `/api/v1/billing/imports/${importId}`, { cookie: analystCookie });
    expect(read.status).toBe(200);
    expect(read.json.rejects.map((reject: { line: number }) => reject.line)).toEqual([3, 4, 5, 6]);
  });

  it("shows an import only to the key that sent it", async () => {
    const own = await callApi("GET", `/api/v1/billing/imports/${importId}`, { bearer: ingestKey });
    expect(own.status).toBe(200);
    const other = (await createApiKey(await getDatabase(), { name: "other", kind: "ingest" })).secret;
    const foreign = await callApi("GET", `/api/v1/billing/imports/${importId}`, { bearer: other });
    expect(foreign.status).toBe(404);
  });

  it("caps stored rejects and counts the rest", async () => {
    const rows = Array.from({ length: 30 }, (_, index) => ({ Id: `cap-${index}`, BilledCost: "x" }));
    const result = await importBillingFile(await getDatabase(), bytes(buildFocusCsv(rows)), {
      fileName: "cap.csv",
      actor: { type: "user", id: "test", label: "test" },
      maxStoredRejects: 10,
    });
    expect(result.rowsRejected).toBe(30);
    const stored = await query<{ count: number }>(
      `select count(*)::int as count from billing_import_rejects where import_id = $1::uuid`,
      [result.id],
    );
    expect(stored[0]?.count).toBe(10);
  });
});

async function* bytes(text: string | Uint8Array): AsyncGenerator<Uint8Array> {
  yield typeof text === "string" ? Buffer.from(text) : text;
}

async function countLinesOf(importId: string): Promise<number> {
  const rows = await query<{ count: number }>(
    `select count(*)::int as count from billing_lines where import_id = $1::uuid`,
    [importId],
  );
  return rows[0]?.count ?? -1;
}

describe("all or nothing", () => {
  const rows = Array.from({ length: 1000 }, (_, index) => ({ Id: `atomic-${index}`, BilledCost: "0.01" }));
  const csv = buildFocusCsv(rows);

  it("keeps no row when staging line 500 fails", async () => {
    await query(`create function fail_line_500() returns trigger language plpgsql as $$
      begin
        if new.source_line = 500 then raise exception 'injected failure at line 500'; end if;
        return new;
      end $$`);
    await query(`create trigger fail_line_500 before insert on billing_import_lines
                 for each row execute function fail_line_500()`);
    try {
      const result = await uploadBillingFile(server.url, csv, { bearer: ingestKey });
      expect(result.status).toBe(500);
      expect(result.json.import.status).toBe("failed");
      expect(result.json.error.code).toBe("import_failed");
      const stored = await callApi("GET", `/api/v1/billing/imports/${result.json.import.id}`, {
        cookie: analystCookie,
      });
      expect(stored.json.import.error).toContain("injected failure at line 500");
      expect(await countLinesOf(result.json.import.id)).toBe(0);
    } finally {
      await query(`drop trigger fail_line_500 on billing_import_lines`);
    }
    const staged = await query<{ count: number }>(`select count(*)::int as count from billing_import_lines`);
    expect(staged[0]?.count).toBe(0);
  });

  it("keeps no row when the final merge fails", async () => {
    await query(`create trigger fail_line_500 before insert on billing_lines
                 for each row execute function fail_line_500()`);
    try {
      const result = await uploadBillingFile(server.url, csv, { bearer: ingestKey });
      expect(result.status).toBe(500);
      expect(result.json.import.status).toBe("failed");
      expect(result.json.import.rowsImported).toBe(0);
      expect(await countLinesOf(result.json.import.id)).toBe(0);
      const atomic = await query<{ count: number }>(
        `select count(*)::int as count from billing_lines where charge_key like 'focus:aws:id:atomic-%'`,
      );
      expect(atomic[0]?.count).toBe(0);
    } finally {
      await query(`drop trigger fail_line_500 on billing_lines`);
      await query(`drop function fail_line_500()`);
    }
  });

  it("imports the same file once the fault is gone", async () => {
    const result = await uploadBillingFile(server.url, csv, { bearer: ingestKey });
    expect(result.status).toBe(201);
    expect(result.json.import.rowsImported).toBe(1000);
  });

  it("fails a file that stops at an unclosed quote", async () => {
    const broken = `${buildFocusCsv([{ Id: "quote-1" }, { Id: "quote-2" }])}"unclosed,1\n`;
    const result = await uploadBillingFile(server.url, broken, { bearer: ingestKey });
    expect(result.status).toBe(422);
    expect(result.json.import.status).toBe("failed");
    expect(result.json.error.message).toMatch(/^line 4: invalid CSV at line 4/);
    expect(result.json.rejects).toHaveLength(1);
    expect(await countLinesOf(result.json.import.id)).toBe(0);
  });

  it("fails a file of no known format", async () => {
    const result = await uploadBillingFile(server.url, "a,b\n1,2\n", { cookie: financeCookie });
    expect(result.status).toBe(422);
    expect(result.json.rejects[0]).toMatchObject({ line: 1, column: null });
    expect(result.json.error.message).toContain("unrecognized CSV header");
  });

  it("fails an empty file", async () => {
    const result = await uploadBillingFile(server.url, "", { bearer: ingestKey });
    expect(result.status).toBe(422);
    expect(result.json.error.message).toBe("the file is empty");
  });

  it("stops reading past the size limit", async () => {
    const result = await importBillingFile(await getDatabase(), bytes(csv), {
      fileName: "large.csv",
      actor: { type: "user", id: "test", label: "test" },
      maxBytes: 1000,
    });
    expect(result.status).toBe("failed");
    expect(result.failure).toBe("too_large");
    expect(result.error).toBe("file exceeds the limit of 1000 bytes");
    expect(await countLinesOf(result.id)).toBe(0);
  });
});

describe("restatements", () => {
  it("replaces a charge whose amount changed", async () => {
    const first = await uploadBillingFile(
      server.url,
      buildFocusCsv([{ Id: "restated-1", BilledCost: "5.00" }, { Id: "restated-2", BilledCost: "1.00" }]),
      { bearer: ingestKey },
    );
    expect(first.json.import.rowsImported).toBe(2);
    const second = await uploadBillingFile(
      server.url,
      buildFocusCsv([{ Id: "restated-1", BilledCost: "4.25" }, { Id: "restated-2", BilledCost: "1.0" }]),
      { bearer: ingestKey },
    );
    expect(second.json.import).toMatchObject({ rowsImported: 0, rowsRestated: 1, rowsDuplicate: 1 });
    const stored = await query<{ billed: string; import_id: string; restated_import_id: string | null }>(
      `select trim_scale(billed_cost)::text as billed, import_id::text, restated_import_id::text
         from billing_lines where charge_key = 'focus:aws:id:restated-1'`,
    );
    expect(stored).toEqual([
      { billed: "4.25", import_id: first.json.import.id, restated_import_id: second.json.import.id },
    ]);
  });

  it("keeps the last of two lines with one key in a file", async () => {
    const result = await uploadBillingFile(
      server.url,
      buildFocusCsv([{ Id: "twice-1", BilledCost: "1.00" }, { Id: "twice-1", BilledCost: "2.00" }]),
      { bearer: ingestKey },
    );
    expect(result.json.import).toMatchObject({ rowsRead: 2, rowsImported: 1, rowsDuplicate: 1 });
    const stored = await query<{ billed: string }>(
      `select trim_scale(billed_cost)::text as billed from billing_lines where charge_key = 'focus:aws:id:twice-1'`,
    );
    expect(stored).toEqual([{ billed: "2" }]);
  });
});

describe("upload requests", () => {
  it("rejects an unknown format parameter", async () => {
    const result = await uploadBillingFile(server.url, "x", { bearer: ingestKey, query: { format: "xls" } });
    expect(result.status).toBe(400);
    expect(result.json.error.message).toContain('invalid format "xls"');
  });

  it("rejects a taken id", async () => {
    const id = "0b8c7a52-3d2e-4f7a-9a51-1f0e2d3c4b5a";
    const csv = buildFocusCsv([{ Id: "id-1" }]);
    const first = await uploadBillingFile(server.url, csv, { bearer: ingestKey, query: { id } });
    expect(first.status).toBe(201);
    expect(first.json.import.id).toBe(id);
    const second = await uploadBillingFile(server.url, csv, { bearer: ingestKey, query: { id } });
    expect(second.status).toBe(409);
  });

  it("stores a NUL character as U+FFFD", async () => {
    const csv = buildFocusCsv([{ Id: "nul-1", ServiceName: "Amazon\u0000S3" }]);
    const result = await uploadBillingFile(server.url, csv, { bearer: ingestKey });
    expect(result.status).toBe(201);
    const stored = await query<{ service_name: string; source: string }>(
      `select service_name, source_row->>'ServiceName' as source from billing_lines
        where charge_key = 'focus:aws:id:nul-1'`,
    );
    expect(stored).toEqual([{ service_name: "Amazon\uFFFDS3", source: "Amazon\uFFFDS3" }]);
  });

  it("reads a file without a currency column with a default", async () => {
    const csv = buildFocusCsv([{ Id: "eur-1", BillingCurrency: "" }]);
    const result = await uploadBillingFile(server.url, csv, { bearer: ingestKey, query: { currency: "eur" } });
    expect(result.status).toBe(201);
    const stored = await query<{ currency: string }>(
      `select currency from billing_lines where charge_key = 'focus:aws:id:eur-1'`,
    );
    expect(stored).toEqual([{ currency: "EUR" }]);
  });
});
