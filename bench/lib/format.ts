/** How the report writes numbers and verdicts. */

export const fmt = (value: number | null | undefined, digits = 1) =>
  value === undefined || value === null || Number.isNaN(value) ? "n/a" : value.toFixed(digits);

export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

export function verdict(ok: boolean) {
  return ok ? "met" : "**missed**";
}
