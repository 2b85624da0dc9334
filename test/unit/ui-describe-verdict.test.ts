import { describe, expect, it } from "vitest";

import { describeVerdict } from "@/lib/ui/describe-verdict";

describe("describeVerdict", () => {
  it("describes productionized", () => {
    const description = describeVerdict("productionized");
    expect(description.sentence).toBe(
      "Scales well: cost grows no faster than volume",
    );
    expect(description.label).toBe("Scales well");
    expect(description.tone).toBe("good");
  });

  it("describes poc_theater", () => {
    const description = describeVerdict("poc_theater");
    expect(description.sentence).toBe(
      "Proof of concept in a production wrapper: cost grows faster than volume",
    );
    expect(description.tone).toBe("bad");
  });

  it("describes inconclusive", () => {
    const description = describeVerdict("inconclusive");
    expect(description.sentence.startsWith("Inconclusive: ")).toBe(true);
    expect(description.tone).toBe("neutral");
  });

  it("describes insufficient_data", () => {
    const description = describeVerdict("insufficient_data");
    expect(description.sentence).toBe("Not enough data yet");
    expect(description.detail).toBeNull();
    expect(description.tone).toBe("muted");
  });

  it("builds each sentence from label and detail", () => {
    for (const verdict of ["productionized", "poc_theater", "inconclusive"] as const) {
      const { label, detail, sentence } = describeVerdict(verdict);
      expect(sentence).toBe(`${label}: ${detail}`);
    }
  });
});
