import { describe, expect, it } from "vitest";
import { linearScale } from "@/lib/domain/chart-scale";

describe("linear scale for server-drawn charts", () => {
  it("starts at zero and rounds the top up to a round step", () => {
    const scale = linearScale([73.4, 113.1, 116]);
    expect(scale.min).toBe(0);
    expect(scale.max).toBe(120);
    expect(scale.ticks).toEqual([0, 30, 60, 90, 120]);
  });

  it("reaches below zero for negative values and keeps zero as a tick", () => {
    const scale = linearScale([-19, 47.4]);
    expect(scale.ticks).toContain(0);
    expect(scale.min).toBeLessThanOrEqual(-19);
    expect(scale.max).toBeGreaterThanOrEqual(47.4);
  });

  it("ignores gaps", () => {
    // Span 5 over about 4 steps: 1.25 rounds up to a step of 2.
    expect(linearScale([null, 5, null]).ticks).toEqual([0, 2, 4, 6]);
  });

  it("has a usable span when every value is zero or missing", () => {
    const scale = linearScale([null, 0]);
    expect(scale.max).toBeGreaterThan(scale.min);
    expect(scale.fraction(scale.min)).toBe(0);
    expect(scale.fraction(scale.max)).toBe(1);
  });

  it("gives ticks without floating-point noise", () => {
    const scale = linearScale([0.3, 0.7]);
    for (const tick of scale.ticks) expect(String(tick)).not.toMatch(/0000|9999/);
  });
});
