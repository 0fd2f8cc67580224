import { createHash, randomBytes } from "node:crypto";

/** A random token for a cookie or a one-time link: 256 bits, URL-safe. */
export function newToken(): string {
  return randomBytes(32).toString("base64url");
}

/** What is stored instead of a token: its SHA-256, so a copy of the database opens nothing. */
export function tokenHash(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** An account id: random, not guessable, not sequential. */
export function newAccountId(): string {
  return `usr_${randomBytes(12).toString("base64url")}`;
}
