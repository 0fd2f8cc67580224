import { describe, expect, it } from "vitest";
import { brandDescriptionIn } from "@/lib/domain/brand-locale";

describe("a brand's description in the reader's language", () => {
  const xiaomi = {
    description: "Xiaomi Corporation (HKEX: 1810).",
    descriptionZh: "小米集团（港交所：1810）。",
  };

  it("is the Chinese description in Chinese, and the English one in English", () => {
    expect(brandDescriptionIn(xiaomi, "zh")).toBe("小米集团（港交所：1810）。");
    expect(brandDescriptionIn(xiaomi, "en")).toBe("Xiaomi Corporation (HKEX: 1810).");
  });

  it("falls back to English, never to a blank, when the brand has no translation", () => {
    for (const descriptionZh of [null, undefined, "", "  "]) {
      expect(brandDescriptionIn({ ...xiaomi, descriptionZh }, "zh")).toBe(
        "Xiaomi Corporation (HKEX: 1810).",
      );
    }
  });
});
