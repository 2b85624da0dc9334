/**
 * The price book shipped with the product, used until an admin adds rows.
 * Rows with `verified: false` carry list prices that no stored copy of the
 * provider's page confirmed, and their `note` names what is uncertain.
 */
import { ANTHROPIC_PRICES } from "./builtin-prices-anthropic";
import { GOOGLE_PRICES } from "./builtin-prices-google";
import { OPEN_MODEL_PRICES } from "./builtin-prices-open-models";
import { OPENAI_PRICES } from "./builtin-prices-openai";
import type { PriceBook } from "./types";

export const builtinPriceBook: PriceBook = Object.freeze(
  [...OPENAI_PRICES, ...ANTHROPIC_PRICES, ...GOOGLE_PRICES, ...OPEN_MODEL_PRICES].map((row) =>
    Object.freeze(row),
  ),
);
