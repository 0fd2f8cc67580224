import "server-only";
import { THROTTLE } from "@/lib/auth/settings";
import { getWriteDb } from "@/lib/db";
import { writeTransaction } from "./write-transaction";

/*
 * Failed sign-ins counted in the database per account and per client address, in fixed windows,
 * so the counts hold across restarts and processes. Each failure deletes the rows of windows
 * already over, and the table never holds more than THROTTLE.maxRows rows.
 */

export function accountKey(email: string): string {
  return `account:${email.trim().toLowerCase().slice(0, 254)}`;
}

export function addressKey(address: string): string {
  return `address:${address.slice(0, 64)}`;
}

function limitOf(key: string): number {
  return key.startsWith("account:") ? THROTTLE.perAccount : THROTTLE.perAddress;
}

/** Seconds until every key may try again (0 when none is over its limit). */
export async function throttleWait(
  keys: readonly string[],
  now: Date = new Date(),
): Promise<number> {
  const rows = await getWriteDb().signInThrottle.findMany({ where: { key: { in: [...keys] } } });
  let wait = 0;
  for (const row of rows) {
    const ends = row.windowStart.getTime() + THROTTLE.windowMs;
    if (ends > now.getTime() && row.failures >= limitOf(row.key)) {
      wait = Math.max(wait, Math.ceil((ends - now.getTime()) / 1000));
    }
  }
  return wait;
}

export async function recordFailure(
  keys: readonly string[],
  now: Date = new Date(),
): Promise<void> {
  const windowFloor = new Date(now.getTime() - THROTTLE.windowMs);
  await writeTransaction(getWriteDb(), async (tx) => {
    await tx.signInThrottle.deleteMany({ where: { windowStart: { lte: windowFloor } } });
    for (const key of keys) {
      const row = await tx.signInThrottle.findUnique({ where: { key } });
      if (row) {
        await tx.signInThrottle.update({ where: { key }, data: { failures: row.failures + 1 } });
      } else {
        await tx.signInThrottle.create({ data: { key, windowStart: now, failures: 1 } });
      }
    }
    const count = await tx.signInThrottle.count();
    if (count > THROTTLE.maxRows) {
      const oldest = await tx.signInThrottle.findMany({
        orderBy: { windowStart: "asc" },
        take: count - THROTTLE.maxRows,
        select: { key: true },
      });
      await tx.signInThrottle.deleteMany({ where: { key: { in: oldest.map((row) => row.key) } } });
    }
  });
}

/** A successful sign-in clears its account's count (not the address's: others may share it). */
export async function clearFailures(key: string): Promise<void> {
  await getWriteDb().signInThrottle.deleteMany({ where: { key } });
}
