import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MAX_WORKERS, parseWorkerCount, WorkerCountError } from "@/server/workers";

describe("PULSE_WORKERS", () => {
  it("serves in one process when absent or empty", () => {
    expect(parseWorkerCount(undefined)).toBe(1);
    expect(parseWorkerCount("")).toBe(1);
    expect(parseWorkerCount("  ")).toBe(1);
  });

  it("takes every whole number from 1 to the limit, spaces around it allowed", () => {
    for (let count = 1; count <= MAX_WORKERS; count++) {
      expect(parseWorkerCount(String(count))).toBe(count);
      expect(parseWorkerCount(` ${count} `)).toBe(count);
    }
  });

  it("refuses anything else, naming the variable, the range and the value given", () => {
    for (const value of [
      "0",
      "-1",
      "1.5",
      "2e0",
      "0x2",
      "two",
      "+2",
      String(MAX_WORKERS + 1),
      "1 2",
    ]) {
      expect(() => parseWorkerCount(value), value).toThrow(WorkerCountError);
      expect(() => parseWorkerCount(value), value).toThrow(
        `PULSE_WORKERS must be a whole number from 1 to ${MAX_WORKERS} (serving processes), not "${value}"`,
      );
    }
  });

  it("accepts a string exactly when it is a count in range", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 6 }), (value) => {
        const trimmed = value.trim();
        const valid =
          trimmed === "" ||
          (/^\d+$/.test(trimmed) && Number(trimmed) >= 1 && Number(trimmed) <= MAX_WORKERS);
        if (valid) expect(parseWorkerCount(value)).toBe(trimmed === "" ? 1 : Number(trimmed));
        else expect(() => parseWorkerCount(value)).toThrow(WorkerCountError);
      }),
    );
  });
});
