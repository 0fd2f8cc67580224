import { describe, expect, it } from "vitest";
import { localizeMetric, metricLabelIn } from "@/lib/domain/metric-locale";
import { metric } from "../support/series-fixtures";

describe("a metric's name in the reader's language", () => {
  const revenue = { label: "Total revenue", labelZh: "总收入" };

  it("is the Chinese label in Chinese, and the English one in English", () => {
    expect(metricLabelIn(revenue, "zh")).toBe("总收入");
    expect(metricLabelIn(revenue, "en")).toBe("Total revenue");
  });

  it("keeps the English label when the catalog has no Chinese one", () => {
    expect(metricLabelIn({ label: "Total revenue", labelZh: "" }, "zh")).toBe("Total revenue");
    expect(metricLabelIn({ label: "Total revenue" }, "zh")).toBe("Total revenue");
  });

  it("is what localizeMetric gives a metric's label", () => {
    const stored = { ...metric("revenue", "flow", { label: "Total revenue" }), labelZh: "总收入" };
    expect(localizeMetric(stored, "zh").label).toBe(metricLabelIn(stored, "zh"));
    expect(localizeMetric(stored, "en")).toBe(stored);
  });
});
