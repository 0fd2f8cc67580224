import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DatabaseUrlError, databaseProvider, redactUrl } from "@/lib/database-url";
import { derivePostgresSchema, SchemaDerivationError } from "@/lib/postgres/derive-schema";

const root = path.resolve(import.meta.dirname, "../..");

describe("DATABASE_URL picks the database", () => {
  it("file: is SQLite, postgresql:// and postgres:// are PostgreSQL, anything else is refused", () => {
    expect(databaseProvider("file:./data/app.db")).toBe("sqlite");
    expect(databaseProvider("postgresql://pulse@db:5432/pulse")).toBe("postgresql");
    expect(databaseProvider("postgres://pulse@db/pulse")).toBe("postgresql");
    expect(() => databaseProvider("mysql://root@db/pulse")).toThrow(DatabaseUrlError);
    expect(() => databaseProvider("./data/app.db")).toThrow(/file: .*postgresql:\/\//);
  });

  it("never shows a password in messages", () => {
    expect(redactUrl("postgresql://pulse:s3cret@db:5432/pulse")).toBe(
      "postgresql://pulse:***@db:5432/pulse",
    );
    expect(() => databaseProvider("mysql://root:s3cret@db/pulse")).toThrow(/root:\*\*\*@/);
  });
});

describe("the PostgreSQL schema is derived from the one written by hand", () => {
  it("is up to date: run `npm run db:schemas` after editing prisma/schema.prisma", () => {
    const source = readFileSync(path.join(root, "prisma/schema.prisma"), "utf8");
    const committed = readFileSync(path.join(root, "prisma/postgres/schema.prisma"), "utf8");
    expect(committed).toBe(derivePostgresSchema(source));
  });

  it("changes only the provider and the client's output", () => {
    const source = readFileSync(path.join(root, "prisma/schema.prisma"), "utf8");
    const derived = derivePostgresSchema(source);
    expect(derived).toContain('provider = "postgresql"');
    expect(derived).toContain('output     = "../../generated/postgres"');
    const models = (text: string) => text.slice(text.indexOf("\nmodel "));
    expect(models(derived)).toBe(models(source));
  });

  it("refuses a source without a SQLite datasource", () => {
    expect(() => derivePostgresSchema('datasource db {\n  provider = "mysql"\n}\n')).toThrow(
      SchemaDerivationError,
    );
  });
});
