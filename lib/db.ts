import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "@/generated/prisma/client";
import { databaseUrl } from "./database-url";
import { BUSY_TIMEOUT_MS } from "./limits";

export type Db = PrismaClient;

export function createPrismaClient(url: string = databaseUrl()): PrismaClient {
  return new PrismaClient({ adapter: new PrismaBetterSQLite3({ url, timeout: BUSY_TIMEOUT_MS }) });
}

/*
 * Two connections on purpose. The better-sqlite3 adapter runs an interactive transaction on its
 * one connection while other queries on that same connection keep going, so a read issued during
 * someone's write would see the write before it commits (or after it rolls back). Reads get a
 * connection of their own; in WAL mode (set when the database is prepared) they see only committed
 * data and never wait for the writer.
 */
const globalForDb = globalThis as unknown as {
  pulseReadDb?: PrismaClient;
  pulseWriteDb?: PrismaClient;
};

export function getReadDb(): PrismaClient {
  globalForDb.pulseReadDb ??= createPrismaClient();
  return globalForDb.pulseReadDb;
}

export function getWriteDb(): PrismaClient {
  globalForDb.pulseWriteDb ??= createPrismaClient();
  return globalForDb.pulseWriteDb;
}
