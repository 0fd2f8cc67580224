import pg from "pg";

/*
 * Connections for the few reads that bypass Prisma on PostgreSQL (the export's cursor, the page
 * cache's data version), one pool per URL for the life of the process. Small: each export holds
 * one connection while it streams, and the data version is one index lookup.
 */
const globalForPools = globalThis as unknown as { pulsePgPools?: Map<string, pg.Pool> };

export function postgresPool(url: string): pg.Pool {
  globalForPools.pulsePgPools ??= new Map();
  let pool = globalForPools.pulsePgPools.get(url);
  if (!pool) {
    pool = new pg.Pool({ connectionString: url, max: 4, idleTimeoutMillis: 30_000 });
    // An idle connection that the server drops (a restart, a failover) must not crash the process.
    pool.on("error", () => {});
    globalForPools.pulsePgPools.set(url, pool);
  }
  return pool;
}

/** Closes every pool this process opened: for tests that move between databases, and shutdown. */
export async function closePostgresPools(): Promise<void> {
  const pools = globalForPools.pulsePgPools;
  if (!pools) return;
  globalForPools.pulsePgPools = new Map();
  await Promise.all([...pools.values()].map((pool) => pool.end()));
}
