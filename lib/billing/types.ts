/**
 * Normalized billing lines: one row of a provider's or cloud's bill, in one
 * shape whatever the source format.
 */

export type BillingSourceFormat =
  | "focus"
  | "openai_costs"
  | "openai_usage"
  | "openai_usage_csv"
  | "anthropic_cost"
  | "anthropic_usage"
  | "aws_cur2";

/** FOCUS ChargeCategory values. */
export type ChargeCategory = "Usage" | "Purchase" | "Tax" | "Credit" | "Adjustment";

/** Direction of the tokens an AI line charges for, where the source says. */
export type TokenDirection =
  | "input"
  | "output"
  | "cache_read"
  | "cache_write_5m"
  | "cache_write_1h"
  | "cache_write"
  | "batch_input"
  | "batch_output"
  | "other";

export interface BillingLine {
  /** 1-based line number in the source file (for CSV, the line where the record starts). */
  sourceLine: number;
  /** The source row as read, for audit: column name to raw text. */
  sourceRow: Record<string, string | null>;
  /**
   * Identity of the charge, stable across re-exports of the same charge
   * (FOCUS has no line id, so it is a hash of the identifying columns), used
   * to make a repeated import change nothing.
   */
  chargeKey: string;
  /** Provider of the service (`openai`, `anthropic`, `aws`, `microsoft`, `google`, `oracle`...). */
  provider: string;
  /** Billing account and sub-account (project, workspace) where the source has them. */
  billingAccountId: string | null;
  subAccountId: string | null;
  serviceName: string | null;
  chargeCategory: ChargeCategory;
  /** Start and end of the charge period, ISO 8601 UTC instants. */
  chargePeriodStart: string;
  chargePeriodEnd: string;
  /** Currency of the amounts below (ISO 4217, upper case). */
  currency: string;
  /** Decimal strings; null when the source does not carry the column. Never filled from one another. */
  billedCost: string | null;
  effectiveCost: string | null;
  listCost: string | null;
  contractedCost: string | null;
  /** AI recognition: null when the line is not an AI model charge. */
  ai: {
    /** Provider of the model (`openai`, `anthropic`, `aws.bedrock`, `azure.ai.openai`, `gcp.vertex_ai`). */
    modelProvider: string;
    model: string | null;
    tokenDirection: TokenDirection | null;
    tokens: string | null;
    serviceTier: string | null;
    /**
     * Route of the request, when the bill states it: Bedrock `cross-region` or
     * `cross-region-global`, Azure `global`, `data-zone` or `regional`.
     */
    inferenceRoute?: string | null;
  } | null;
  /** The bill's own words for the charge (FOCUS ChargeDescription, a cost report description). */
  chargeDescription?: string | null;
  /** Usage quantity and unit as billed. */
  quantity: string | null;
  unit: string | null;
}

/** A row an importer could not read: 1-based line, column and reason. */
export interface RejectedBillingRow {
  line: number;
  column: string | null;
  reason: string;
  /**
   * True when nothing from this point on can be read (an unknown format,
   * invalid JSON, a CSV syntax error), so an import must not keep the rows
   * read before it either.
   */
  fatal?: boolean;
}
