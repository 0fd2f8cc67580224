import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { safeNextPath } from "@/lib/actions/safe-redirect";

const ORIGIN = "https://pulse.example";

/** Where a browser on this site would go when sent to `path`. */
function landsOn(path: string): URL {
  return new URL(path, `${ORIGIN}/login`);
}

/** Pieces attackers put together: slashes, backslashes, control characters, encodings, schemes. */
const TRICK = fc.constantFrom(
  "/",
  "//",
  "\\",
  "/\\",
  "\\/",
  "\t",
  "\n",
  "\r",
  " ",
  "%2f",
  "%2F",
  "%5c",
  "%09",
  "%0a",
  "%00",
  "@",
  ":",
  ".",
  "..",
  "?",
  "#",
  "evil.example",
  "javascript:",
  "data:",
  "http:",
  "https:",
  "//evil.example",
  "\u3002",
  "\uff0f",
  "metrics",
  "revenue",
);

describe("redirects after sign-in stay on this site", () => {
  it("keeps plain paths with their query and fragment", () => {
    expect(safeNextPath("/metrics/revenue?brand=xiaomi#table")).toBe(
      "/metrics/revenue?brand=xiaomi#table",
    );
    expect(safeNextPath("/quarters/new?brand=xiaomi")).toBe("/quarters/new?brand=xiaomi");
  });

  it("refuses the known tricks", () => {
    for (const raw of [
      "/\t/evil.example",
      "/%09/evil.example",
      "//evil.example",
      "/\\evil.example",
      "\\\\evil.example",
      "/\n/evil.example",
      "https://evil.example",
      "javascript:alert(1)",
      "/.//evil.example",
      "",
      null,
      42,
    ]) {
      const result = safeNextPath(raw);
      expect(landsOn(result).origin, String(raw)).toBe(ORIGIN);
      expect(result.startsWith("//")).toBe(false);
    }
  });

  it("whatever the input, the result is a path a browser resolves on this origin", () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(TRICK, fc.string({ maxLength: 6 }), fc.webPath()), { maxLength: 8 }),
        fc.boolean(),
        (parts, leadingSlash) => {
          const raw = `${leadingSlash ? "/" : ""}${parts.join("")}`;
          const result = safeNextPath(raw);
          expect(result.startsWith("/")).toBe(true);
          expect(result.startsWith("//")).toBe(false);
          expect(result.startsWith("/\\")).toBe(false);
          expect(/[\t\n\r]/.test(result)).toBe(false);
          // Resolved as the browser would, from any page of the site, it stays on the site.
          expect(landsOn(result).origin).toBe(ORIGIN);
          expect(new URL(result, `${ORIGIN}/a/b/c`).origin).toBe(ORIGIN);
        },
      ),
      { numRuns: 5_000 },
    );
  });
});
