/** One default shared by the app, the CLI config and the scripts. */
export const DEFAULT_DATABASE_URL = "file:./data/app.db";

export type DatabaseProvider = "sqlite" | "postgresql";

export function databaseUrl(): string {
  return process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
}

export class DatabaseUrlError extends Error {
  constructor(url: string) {
    super(
      `DATABASE_URL must start with file: (SQLite) or postgresql:// / postgres:// (PostgreSQL), got "${redactUrl(url)}"`,
    );
    this.name = "DatabaseUrlError";
  }
}

/** The URL decides the database: `file:` is SQLite, `postgresql://` or `postgres://` PostgreSQL. */
export function databaseProvider(url: string = databaseUrl()): DatabaseProvider {
  if (url.startsWith("file:")) return "sqlite";
  if (/^postgres(?:ql)?:\/\//.test(url)) return "postgresql";
  throw new DatabaseUrlError(url);
}

/** The file path behind a `file:` URL, as better-sqlite3 opens it (relative to the cwd). */
export function databaseFilePath(url: string = databaseUrl()): string {
  return url.replace(/^file:/, "");
}

/** The URL without its password, for messages and logs. */
export function redactUrl(url: string): string {
  return url.replace(/^([a-z][\w+.-]*:\/\/[^:/@]+):[^@]*@/i, "$1:***@");
}
