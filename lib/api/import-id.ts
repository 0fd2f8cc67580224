import { AppError } from "@/lib/errors";

/** An import's id from the path: a positive whole number, or a 404 naming what was asked for. */
export function importIdOf(raw: string): number {
  if (/^[1-9]\d{0,9}$/.test(raw) && Number(raw) <= 2_147_483_647) return Number(raw);
  throw notFoundImport(raw);
}

export function notFoundImport(raw: string | number): AppError {
  const shown = String(raw)
    .slice(0, 60)
    .replace(/[^\x20-\x7e]/g, "?");
  return new AppError("not_found", `There is no import "${shown}". Nothing was changed.`);
}
