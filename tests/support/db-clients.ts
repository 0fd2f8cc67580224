import type { PrismaClient } from "@/generated/prisma/client";
import { closePostgresPools } from "@/lib/postgres/pool";

/**
 * Closes the app's shared read and write connections (lib/db keeps them on globalThis) and the
 * raw PostgreSQL pools, so the next query opens the database DATABASE_URL now names: for tests
 * that move between databases.
 */
export async function resetDbClients(): Promise<void> {
  const shared = globalThis as unknown as {
    pulseReadDb?: PrismaClient;
    pulseWriteDb?: PrismaClient;
  };
  await shared.pulseReadDb?.$disconnect();
  await shared.pulseWriteDb?.$disconnect();
  shared.pulseReadDb = undefined;
  shared.pulseWriteDb = undefined;
  await closePostgresPools();
}
