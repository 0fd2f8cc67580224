import { describe, expect, it } from "vitest";
import { changeAxis, linearScale, valueAxis } from "@/lib/domain/chart-scale";

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

describe("value and change axes that do not mislead", () => {
  const margin = [12.1, 11.7, 12.0, 12.41, 11.47, 11.1];

  it("draws a ratio as a line on an axis cut to the data, and says where it starts", () => {
    const axis = valueAxis("ratio", margin);
    expect(axis.mark).toBe("line");
    expect(axis.scale.min).toBeGreaterThan(0);
    expect(axis.scale.min).toBeLessThanOrEqual(11.1);
    expect(axis.scale.max).toBeGreaterThanOrEqual(12.41);
    expect(axis.cutAt).toBe(axis.scale.min);
  });

  it("keeps flows and stocks as bars from zero", () => {
    const axis = valueAxis("flow", [73.4, 113.1]);
    expect(axis).toMatchObject({ mark: "bars", cutAt: null });
    expect(axis.scale.min).toBe(0);
  });

  it("keeps zero on a ratio axis whose values cross it", () => {
    const axis = valueAxis("ratio", [-2, 3]);
    expect(axis.cutAt).toBeNull();
    expect(axis.scale.ticks).toContain(0);
  });

  it("includes zero on a change axis whose values are all negative", () => {
    // The margin's YoY changes: a decline must not be drawn climbing to the top of the chart.
    const axis = changeAxis([-1.2, -2.4, -0.6, -0.5]);
    expect(axis.max).toBe(0);
    expect(axis.ticks).toContain(0);
    expect(axis.min).toBeLessThanOrEqual(-2.4);
  });

  it("gives a single ratio value a band around it", () => {
    const axis = valueAxis("ratio", [12]);
    expect(axis.scale.min).toBeLessThan(12);
    expect(axis.scale.max).toBeGreaterThan(12);
  });
});
