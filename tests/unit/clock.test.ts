import { describe, expect, it } from "vitest";
import { now } from "@/lib/clock";

describe("the app's clock", () => {
  it("is the instant PULSE_CLOCK names, when set", () => {
    expect(now({ PULSE_CLOCK: "2026-11-27T10:00:00Z" }).toISOString()).toBe(
      "2026-11-27T10:00:00.000Z",
    );
  });

  it("is the real clock otherwise", () => {
    const before = Date.now();
    const instant = now({}).getTime();
    expect(instant).toBeGreaterThanOrEqual(before);
    expect(instant).toBeLessThanOrEqual(Date.now());
  });

  it("refuses a PULSE_CLOCK that is not an instant instead of running on a wrong date", () => {
    expect(() => now({ PULSE_CLOCK: "yesterday" })).toThrow(/ISO 8601 instant, not "yesterday"/);
  });
});
