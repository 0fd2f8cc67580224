import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as PostgresClient } from "@/generated/postgres/client";
import { PrismaClient } from "@/generated/prisma/client";
import { databaseProvider, databaseUrl } from "./database-url";
import { BUSY_TIMEOUT_MS, POSTGRES_POOL_WAIT_MS } from "./limits";

export type Db = PrismaClient;

/** PostgreSQL only: the pool's size (pg's default, 10, when absent) and its wait for a connection. */
export interface PostgresPoolOptions {
  size?: number;
  waitMs?: number;
}

/*
 * One type surface, two clients. Both are generated from the same models (prisma/postgres is
 * derived from prisma/schema.prisma by `npm run db:schemas`), so their query APIs are the same;
 * the PostgreSQL client only accepts more (e.g. case-insensitive filters), which Pulse does not
 * use. The app is typed against the SQLite client and gets the PostgreSQL one under that type.
 * Both are in every build, and DATABASE_URL picks one at run time (README, "Run on PostgreSQL").
 */
export function createPrismaClient(
  url: string = databaseUrl(),
  pool: PostgresPoolOptions = {},
): PrismaClient {
  if (databaseProvider(url) === "postgresql") {
    const adapter = new PrismaPg({
      connectionString: url,
      max: pool.size,
      connectionTimeoutMillis: pool.waitMs ?? POSTGRES_POOL_WAIT_MS,
    });
    const client = new PostgresClient({ adapter });
    return client as unknown as PrismaClient;
  }
  return new PrismaClient({ adapter: new PrismaBetterSQLite3({ url, timeout: BUSY_TIMEOUT_MS }) });
}

/*
 * Two clients on purpose. The better-sqlite3 adapter runs an interactive transaction on its
 * one connection while other queries on that same connection keep going, so a read issued during
 * someone's write would see the write before it commits (or after it rolls back). Reads get a
 * connection of their own; in WAL mode (set when the database is prepared) they see only committed
 * data and never wait for the writer. On PostgreSQL each client has a pool and every transaction
 * its own connection, so the split is harmless there.
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
