/** Only same-site paths: a `next` parameter must not send a signed-in editor elsewhere. */
export function safeNextPath(raw: unknown, fallback = "/"): string {
  if (typeof raw !== "string") return fallback;
  if (!raw.startsWith("/") || raw.startsWith("//") || raw.includes("\\")) return fallback;
  if (raw.length > 500) return fallback;
  return raw;
}
