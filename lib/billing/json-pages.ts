/**
 * Walking the bucketed report pages that OpenAI and Anthropic admin APIs
 * return (`{"data": [{...bucket, "results": [...]}]}`), and flattening each
 * result into a source row of text values for audit and mapping.
 */
import { BillingRowError, type BillingReadItem, type SourceRow } from "./billing-row";
import {
  JsonNumber,
  JsonSyntaxError,
  parseExactJson,
  type ExactJsonDocument,
  type ExactJsonObject,
  type ExactJsonValue,
} from "./parse-exact-json";
import type { BillingLine } from "./types";

export interface BucketResult {
  /** JSON path of the result, such as `data[0].results[2]`. */
  path: string;
  line: number;
  /** Bucket fields (`start_time`, `starting_at`...) and the result's fields, with dotted names. */
  row: SourceRow;
}

export function isJsonObject(value: ExactJsonValue | undefined): value is ExactJsonObject {
  if (typeof value !== "object" || value === null) return false;
  return !Array.isArray(value) && !(value instanceof JsonNumber);
}

/** Text of a scalar: numbers as written, booleans as "true"/"false", null as null. */
function scalarText(value: ExactJsonValue): string | null {
  if (value === null) return null;
  if (value instanceof JsonNumber) return value.text;
  if (typeof value === "string") return value;
  if (typeof value === "boolean") return value ? "true" : "false";
  return JSON.stringify(toPlainJson(value));
}

function toPlainJson(value: ExactJsonValue): unknown {
  if (value instanceof JsonNumber) return Number(value.text);
  if (Array.isArray(value)) return value.map(toPlainJson);
  if (isJsonObject(value)) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, toPlainJson(item)]));
  }
  return value;
}

/** Flattens nested objects into `a.b` keys; arrays are kept as JSON text. */
export function flattenJsonObject(
  object: ExactJsonObject,
  prefix = "",
  into: SourceRow = {},
): SourceRow {
  for (const [key, value] of Object.entries(object)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (isJsonObject(value)) flattenJsonObject(value, name, into);
    else into[name] = scalarText(value);
  }
  return into;
}

/** Parses a page, or returns the rejection that describes why it is not one. */
export function parseReportPage(text: string): ExactJsonDocument | BillingReadItem {
  let document: ExactJsonDocument;
  try {
    document = parseExactJson(text);
  } catch (error) {
    if (!(error instanceof JsonSyntaxError)) throw error;
    return { rejected: { line: error.line, column: null, reason: error.message, fatal: true } };
  }
  if (!isJsonObject(document.value) || !Array.isArray(document.value.data)) {
    const reason = 'expected an object with a "data" array of buckets';
    return { rejected: { line: 1, column: "data", reason, fatal: true } };
  }
  return document;
}

/**
 * Yields every result of every bucket with the bucket's scalar fields merged
 * in, or a rejection for a bucket or result that is not an object.
 */
export function* readBucketResults(
  document: ExactJsonDocument,
): Generator<BucketResult | BillingReadItem> {
  const root = document.value as ExactJsonObject;
  const buckets = root.data as ExactJsonValue[];
  for (const [bucketIndex, bucket] of buckets.entries()) {
    const bucketPath = `data[${bucketIndex}]`;
    if (!isJsonObject(bucket) || !Array.isArray(bucket.results)) {
      const line = isJsonObject(bucket) ? (document.lineOf(bucket) ?? 1) : 1;
      const reason = 'expected a bucket with a "results" array';
      yield { rejected: { line, column: bucketPath, reason } };
      continue;
    }
    const bucketFields: SourceRow = {};
    for (const [key, value] of Object.entries(bucket)) {
      if (key !== "results" && !isJsonObject(value) && !Array.isArray(value)) {
        bucketFields[key] = scalarText(value);
      }
    }
    for (const [resultIndex, result] of bucket.results.entries()) {
      const path = `${bucketPath}.results[${resultIndex}]`;
      if (!isJsonObject(result)) {
        const line = document.lineOf(bucket) ?? 1;
        yield { rejected: { line, column: path, reason: "expected a result object" } };
        continue;
      }
      const row = flattenJsonObject(result, "", { ...bucketFields });
      yield { path, line: document.lineOf(result) ?? 1, row };
    }
  }
}

function isBucketResult(item: BucketResult | BillingReadItem): item is BucketResult {
  return "path" in item;
}

/**
 * Maps the results of a report page to billing lines. A BillingRowError from
 * the mapper becomes a rejection whose column is the JSON path of the field.
 */
export function* mapReportPage(
  text: string,
  mapResult: (row: SourceRow, line: number) => BillingLine[],
): Generator<BillingReadItem> {
  const document = parseReportPage(text);
  if (!("value" in document)) {
    yield document;
    return;
  }
  for (const item of readBucketResults(document)) {
    if (!isBucketResult(item)) {
      yield item;
      continue;
    }
    try {
      for (const line of mapResult(item.row, item.line)) yield { line };
    } catch (error) {
      if (!(error instanceof BillingRowError)) throw error;
      const column = error.column ? `${item.path}.${error.column}` : item.path;
      yield { rejected: { line: item.line, column, reason: error.reason } };
    }
  }
}
