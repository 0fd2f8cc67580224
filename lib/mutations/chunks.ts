/**
 * Bulk statements in parts: one statement per thousand rows keeps every insert or IN list well
 * under the databases' limits on bound parameters (SQLite's 32,766, PostgreSQL's 65,535).
 */
const CHUNK = 1_000;

export function chunks<T>(items: readonly T[], size: number = CHUNK): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < items.length; start += size) {
    result.push(items.slice(start, start + size));
  }
  return result;
}
