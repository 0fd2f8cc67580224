import { describe, expect, it } from "vitest";
import { fillQuarterSlot } from "@/lib/domain/quarter-edit-templates";
import { quarterEditTemplates, quarterFormHref, restateHref, withdrawHref } from "@/lib/url-state";

describe("the metric table's edit link templates", () => {
  it("filled with a row's quarter, give the same hrefs as the href functions", () => {
    const templates = quarterEditTemplates("ev_deliveries", "bench-003");
    expect(fillQuarterSlot(templates.restate, "2011Q2")).toBe(
      restateHref("ev_deliveries", "bench-003", "2011Q2"),
    );
    expect(fillQuarterSlot(templates.withdraw, "2003Q4")).toBe(
      withdrawHref("ev_deliveries", "bench-003", "2003Q4"),
    );
    expect(fillQuarterSlot(templates.add, "2025Q1")).toBe(quarterFormHref("bench-003", "2025Q1"));
    expect(fillQuarterSlot(templates.add, "2025Q1")).toBe(
      "/quarters/new?brand=bench-003&quarter=2025Q1",
    );
  });
});
