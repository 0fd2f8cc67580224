import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { MESSAGE_AREAS } from "@/i18n/areas";

/*
 * The two catalogs must say the same things: a key missing in one language would show the key's
 * name to its readers. And an area's file owns its namespaces: two files defining the same
 * namespace would silently drop one of them when the catalogs are merged (i18n/request.ts).
 */
const dir = path.join(process.cwd(), "messages");

function catalog(locale: string): Map<string, Record<string, unknown>> {
  const files = readdirSync(dir).filter(
    (name) =>
      name === `${locale}.json` || (name.startsWith(`${locale}.`) && name.endsWith(".json")),
  );
  return new Map(
    files.map((name) => [name, JSON.parse(readFileSync(path.join(dir, name), "utf8"))]),
  );
}

function leafKeys(value: unknown, prefix = ""): string[] {
  if (typeof value !== "object" || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) =>
    leafKeys(child, prefix ? `${prefix}.${key}` : key),
  );
}

describe("message catalogs", () => {
  const en = catalog("en");
  const zh = catalog("zh");

  it("are every one loaded: an area file not named in MESSAGE_AREAS would never be read", () => {
    const areas = [...en.keys()]
      .filter((name) => name !== "en.json")
      .map((name) => name.slice("en.".length, -".json".length));
    expect(areas.sort()).toEqual([...MESSAGE_AREAS].sort());
  });

  it("come in the same files for both languages", () => {
    expect([...en.keys()].map((name) => name.slice(2)).sort()).toEqual(
      [...zh.keys()].map((name) => name.slice(2)).sort(),
    );
  });

  it("have the same keys in English and Chinese, file by file", () => {
    for (const [name, messages] of en) {
      const other = zh.get(`zh${name.slice(2)}`);
      expect(leafKeys(other).sort(), name).toEqual(leafKeys(messages).sort());
    }
  });

  it("define each namespace in one file only", () => {
    const seen = new Map<string, string>();
    for (const [name, messages] of en) {
      for (const namespace of Object.keys(messages)) {
        expect(seen.get(namespace), `${namespace} in ${name}`).toBeUndefined();
        seen.set(namespace, name);
      }
    }
  });

  it("have no empty message", () => {
    for (const [name, messages] of [...en, ...zh]) {
      const empty = leafKeys(messages).filter((key) => {
        const value = key
          .split(".")
          .reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], messages);
        return typeof value === "string" && value.trim() === "";
      });
      expect(empty, name).toEqual([]);
    }
  });
});
