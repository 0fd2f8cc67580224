/**
 * The SQL that reads a session and its account by the token's hash. The custom server's session
 * gate (server/database-probe.ts) and the app's own check (lib/mutations/sessions.ts) ask the same
 * question on every signed-in request, so it is written once, here, free of both runtimes (no
 * `server-only`: the custom server imports it outside Next). One statement: a join, not Prisma's
 * relation read, which was two statements and two query plans compiled per call.
 */
export function sessionWithAccountSql(placeholder: "$1" | "?"): string {
  return `SELECT s."expiresAt" AS "expiresAt", s."lastSeenAt" AS "lastSeenAt", u."id" AS "userId",
  u."email" AS "email", u."name" AS "name", u."role" AS "role", u."active" AS "active"
  FROM "Session" s JOIN "User" u ON u."id" = s."userId" WHERE s."id" = ${placeholder}`;
}
