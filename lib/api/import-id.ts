import { apiError } from "./http";

/** An import's id from the path: a positive whole number, or a 404 naming what was asked for. */
export function importIdOf(raw: string): number | Response {
  if (/^[1-9]\d{0,9}$/.test(raw) && Number(raw) <= 2_147_483_647) return Number(raw);
  return notFoundImport(raw);
}

export function notFoundImport(raw: string | number): Response {
  const shown = String(raw)
    .slice(0, 60)
    .replace(/[^\x20-\x7e]/g, "?");
  return apiError(404, `There is no import "${shown}". Nothing was changed.`);
}
