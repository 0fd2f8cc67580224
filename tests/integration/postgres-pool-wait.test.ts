import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "@/lib/db";
import { createTestDatabase, type TestDatabase, testProvider } from "../support/test-db";

/*
 * A query that finds every pooled connection busy fails after the pool's wait instead of hanging
 * (lib/limits.ts POSTGRES_POOL_WAIT_MS), and the pool serves again once a connection is free.
 */
describe.skipIf(testProvider() !== "postgresql")("PostgreSQL pool wait", () => {
  let testDb: TestDatabase;

  beforeAll(async () => {
    testDb = await createTestDatabase();
  });

  afterAll(async () => {
    await testDb.remove();
  });

  it("fails a query that waits longer than the pool's wait, then serves the next one", async () => {
    const client = createPrismaClient(testDb.url, { size: 1, waitMs: 200 });
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let holding = () => {};
    const isHolding = new Promise<void>((resolve) => {
      holding = resolve;
    });
    try {
      // The pool's one connection, kept by a transaction until released.
      const transaction = client.$transaction(
        async (tx) => {
          await tx.$queryRawUnsafe("SELECT 1");
          holding();
          await held;
        },
        { maxWait: 5_000, timeout: 30_000 },
      );
      await isHolding;
      await expect(client.$queryRawUnsafe("SELECT 2")).rejects.toThrow(/timeout/i);
      release();
      await transaction;
      expect(await client.$queryRawUnsafe<{ n: number }[]>("SELECT 3 AS n")).toEqual([{ n: 3 }]);
    } finally {
      release();
      await client.$disconnect();
    }
  });
});
