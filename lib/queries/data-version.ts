import "server-only";
import { cache } from "react";
import { brandVersionSql } from "@/lib/data-version-sql";
import { databaseProvider } from "@/lib/database-url";
import { getReadDb } from "@/lib/db";
import { deepFreeze } from "@/lib/domain/frozen-memo";

/**
 * The data version of one brand's rows (with the brand-less ones), or of the brand-less rows alone
 * (`null`: the catalog of brands and metrics), asked once per request. Every write leaves its
 * audit row in the transaction of its change (ARCHITECTURE.md, "Why the custom server"), so while
 * the version is unchanged so is every row a brand's pages read; the page cache relies on the same.
 */
const dataVersion = cache(async function dataVersion(brandSlug: string | null): Promise<string> {
  const slugs = brandSlug === null ? [] : [brandSlug];
  const sql = brandVersionSql(
    slugs.length,
    databaseProvider() === "postgresql" ? (index) => `$${index + 1}` : () => "?",
  );
  const rows = await getReadDb().$queryRawUnsafe<{ id: number | bigint | string }[]>(sql, ...slugs);
  return String(rows[0]?.id ?? 0);
});

interface Memo {
  version: string;
  value: Promise<unknown>;
}

/*
 * Signed-in readers never get the page cache, so each of their requests used to read the same
 * rows again through Prisma, whose per-query work (compiling the query plan in wasm, mapping rows)
 * was a fifth of a render's CPU (bench/NOTES.md, issue 12). The results are kept per process and
 * data version; the bound keeps a few hundred brands' series at most.
 *
 * Only in production: tests set up rows with plain SQL and no audit row, which would leave the
 * version as it was (a test of the memo turns it on with NODE_ENV).
 */
const MAX_MEMOS = 256;
const memos = new Map<string, Memo>();

/**
 * `load()`'s result, shared by every request while the data version of `brandSlug` (null: the
 * brand-less rows only) stays what it was. The value is frozen: requests share it, so a caller
 * that changed it in place would change every later page; it must copy instead.
 */
export async function memoByVersion<T>(
  brandSlug: string | null,
  key: string,
  load: () => Promise<T>,
): Promise<T> {
  if (process.env.NODE_ENV !== "production") return load();
  const version = await dataVersion(brandSlug);
  const memoKey = `${brandSlug ?? ""}\u0000${key}`;
  const memo = memos.get(memoKey);
  if (memo && memo.version === version) {
    // Map order is insertion order: re-inserting keeps the most recently used last.
    memos.delete(memoKey);
    memos.set(memoKey, memo);
    return memo.value as Promise<T>;
  }
  const value = load().then(deepFreeze);
  memos.delete(memoKey);
  memos.set(memoKey, { version, value });
  // A failed read is not kept: the next request tries again.
  value.catch(() => {
    if (memos.get(memoKey)?.value === value) memos.delete(memoKey);
  });
  while (memos.size > MAX_MEMOS) {
    const oldest = memos.keys().next().value;
    if (oldest === undefined) break;
    memos.delete(oldest);
  }
  return value;
}
