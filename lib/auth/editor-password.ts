/**
 * The editor password: $PULSE_EDITOR_PASSWORD, or a random one the start command generates at
 * first start and keeps beside the database (mode 0600), so a quick start is never open.
 */
import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { databaseFilePath } from "@/lib/database-url";

export const PASSWORD_ENV = "PULSE_EDITOR_PASSWORD";

export function passwordFilePath(): string {
  return path.join(path.dirname(path.resolve(databaseFilePath())), "editor-password");
}

/** The configured password, or null when neither the variable nor the file exists. */
export function readEditorPassword(): string | null {
  const fromEnv = process.env[PASSWORD_ENV];
  if (fromEnv) return fromEnv;
  const file = passwordFilePath();
  if (!existsSync(file)) return null;
  const stored = readFileSync(file, "utf8").trim();
  return stored === "" ? null : stored;
}

/** Creates the password file when no password is configured; returns what the start prints. */
export function ensureEditorPassword(): {
  source: "env" | "file" | "generated";
  file: string;
  password: string;
} {
  const file = passwordFilePath();
  const existing = readEditorPassword();
  if (existing !== null) {
    return { source: process.env[PASSWORD_ENV] ? "env" : "file", file, password: existing };
  }
  const password = randomBytes(18).toString("base64url");
  writeFileSync(file, `${password}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  return { source: "generated", file, password };
}
