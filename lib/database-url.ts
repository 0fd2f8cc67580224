/** One default shared by the app, the CLI config and the scripts. */
export const DEFAULT_DATABASE_URL = "file:./data/app.db";

export function databaseUrl(): string {
  return process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
}

/** The file path behind a `file:` URL, as better-sqlite3 opens it (relative to the cwd). */
export function databaseFilePath(url: string = databaseUrl()): string {
  return url.replace(/^file:/, "");
}
