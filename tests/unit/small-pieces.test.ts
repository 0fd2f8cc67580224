import { describe, expect, it } from "vitest";
import { importIdOf } from "@/lib/api/import-id";
import { DEFAULT_DATABASE_URL, databaseFilePath, databaseUrl } from "@/lib/database-url";
import { WithdrawInputSchema, withdrawFieldErrors } from "@/lib/domain/withdraw-input";
import { AppError } from "@/lib/errors";

function refusal(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("accepted");
}

describe("an import's id in a path", () => {
  it("reads a positive whole number", () => {
    expect(importIdOf("7")).toBe(7);
    expect(importIdOf("2147483647")).toBe(2_147_483_647);
  });

  it.each(["0", "007", "-1", "1.5", "2147483648", "abc", "../etc", ""])(
    "answers %j with a 404 naming it",
    (raw) => {
      const error = refusal(() => importIdOf(raw));
      expect(error.status).toBe(404);
      expect(error.message).toContain(`There is no import "${raw}"`);
    },
  );

  it("shows no control characters of what was asked for", () => {
    expect(refusal(() => importIdOf("a\u0000\u202eb")).message).toContain(
      'There is no import "a??b"',
    );
  });
});

describe("the database URL", () => {
  it("defaults to data/app.db and gives the file behind a file: URL", () => {
    const saved = process.env.DATABASE_URL;
    delete process.env.DATABASE_URL;
    try {
      expect(databaseUrl()).toBe(DEFAULT_DATABASE_URL);
      expect(databaseFilePath()).toBe("./data/app.db");
    } finally {
      if (saved !== undefined) process.env.DATABASE_URL = saved;
    }
    expect(databaseFilePath("file:/tmp/x.db")).toBe("/tmp/x.db");
  });
});

describe("the withdraw form", () => {
  const valid = {
    brand: "xiaomi",
    metric: "revenue",
    quarter: "2024Q4",
    revision: "2",
    reason: "Restated in the annual report",
    confirm: "yes",
  };

  it("reads a complete form", () => {
    expect(WithdrawInputSchema.parse(valid)).toEqual({ ...valid, revision: 2 });
  });

  it("names a missing reason and an unticked box in the form's words", () => {
    const parsed = WithdrawInputSchema.safeParse({ ...valid, reason: " ", confirm: undefined });
    if (parsed.success) throw new Error("accepted");
    expect(withdrawFieldErrors(parsed.error)).toEqual({
      reason: "The reason is required.",
      confirm: "The confirmation box must be ticked to withdraw the figure.",
    });
  });

  it("refuses a malformed quarter or revision without a field message for them", () => {
    const parsed = WithdrawInputSchema.safeParse({ ...valid, quarter: "x", revision: "0" });
    if (parsed.success) throw new Error("accepted");
    expect(parsed.error.issues.map((issue) => issue.path[0])).toEqual(["quarter", "revision"]);
    expect(withdrawFieldErrors(parsed.error)).toEqual({});
  });
});
