/**
 * Checks that a billing line fits the columns that store it, so a value the
 * database would refuse becomes a rejected row with its column instead of a
 * failed import.
 */
import type { BillingLine } from "./types";

/** numeric(30, 12): at most 18 whole digits and 12 fraction digits. */
const STORABLE_AMOUNT = /^-?\d{1,18}(?:\.\d{1,12})?$/;
const CURRENCY_CODE = /^[A-Z]{3}$/;

/** Amount fields with the FOCUS column names they carry in every format. */
const AMOUNT_FIELDS = [
  ["billedCost", "BilledCost"],
  ["effectiveCost", "EffectiveCost"],
  ["listCost", "ListCost"],
  ["contractedCost", "ContractedCost"],
] as const;

/** Returns the column and reason why a line cannot be stored, or null when it can. */
export function checkStorableLine(line: BillingLine): { column: string; reason: string } | null {
  if (!CURRENCY_CODE.test(line.currency)) {
    return {
      column: "BillingCurrency",
      reason: `invalid ISO 4217 code ${JSON.stringify(line.currency)}`,
    };
  }
  for (const [field, column] of AMOUNT_FIELDS) {
    const amount = line[field];
    if (amount !== null && !STORABLE_AMOUNT.test(amount)) {
      return {
        column,
        reason: `amount ${amount} does not fit: amounts are stored with at most 18 whole and 12 fraction digits`,
      };
    }
  }
  return null;
}
