/**
 * The elasticity verdict in words a board member reads without the statistics.
 */

import type { Verdict } from "./kpi-schemas";

/** Colour family of a verdict badge; the stylesheet maps each to theme tokens. */
export type VerdictTone = "good" | "bad" | "neutral" | "muted";

export interface VerdictDescription {
  /** The first words of the sentence, for the badge. */
  label: string;
  /** The rest of the sentence after the label, or null when the label is the whole sentence. */
  detail: string | null;
  /** The verdict as one plain sentence: the label, a colon and the detail. */
  sentence: string;
  tone: VerdictTone;
}

const PARTS: Record<Verdict, { label: string; detail: string | null; tone: VerdictTone }> = {
  productionized: {
    label: "Scales well",
    detail: "cost grows no faster than volume",
    tone: "good",
  },
  poc_theater: {
    label: "Proof of concept in a production wrapper",
    detail: "cost grows faster than volume",
    tone: "bad",
  },
  inconclusive: {
    label: "Inconclusive",
    detail: "the data cannot yet tell whether cost grows faster than volume",
    tone: "neutral",
  },
  insufficient_data: { label: "Not enough data yet", detail: null, tone: "muted" },
};

/** Returns the badge label, sentence and tone of a verdict. */
export function describeVerdict(verdict: Verdict): VerdictDescription {
  const { label, detail, tone } = PARTS[verdict];
  return { label, detail, tone, sentence: detail ? `${label}: ${detail}` : label };
}
