/**
 * The start command's first-admin step: when no active admin exists, one is created from
 * PULSE_ADMIN_EMAIL and PULSE_ADMIN_PASSWORD (refused when the password is too weak), or a
 * one-time setup link is issued. Runs on its own connection before the server starts.
 */

import { hashPassword } from "@/lib/auth/password";
import { passwordProblem } from "@/lib/auth/password-policy";
import { LINK_LIFETIME_MS } from "@/lib/auth/settings";
import { newAccountId, newToken, tokenHash } from "@/lib/auth/tokens";
import { createPrismaClient } from "@/lib/db";
import { EmailSchema } from "@/lib/domain/sign-in-input";

export type FirstAdmin =
  | { kind: "exists" }
  | { kind: "created"; email: string }
  | { kind: "setup-link"; token: string; expiresAt: string };

export async function ensureFirstAdmin(url: string, now = new Date()): Promise<FirstAdmin> {
  const db = createPrismaClient(url);
  try {
    if ((await db.user.count({ where: { role: "admin", active: true } })) > 0) {
      return { kind: "exists" };
    }
    const rawEmail = process.env.PULSE_ADMIN_EMAIL;
    const password = process.env.PULSE_ADMIN_PASSWORD;
    if (rawEmail && password) {
      const email = EmailSchema.safeParse(rawEmail);
      if (!email.success) throw new Error(`PULSE_ADMIN_EMAIL ${email.error.issues[0]?.message}`);
      const problem = passwordProblem(password, { email: email.data });
      if (problem) throw new Error(`PULSE_ADMIN_PASSWORD is refused: ${problem}`);
      const passwordHash = await hashPassword(password);
      await db.$transaction(async (tx) => {
        const existing = await tx.user.findUnique({ where: { email: email.data } });
        const id = existing?.id ?? newAccountId();
        if (existing) {
          await tx.user.update({
            where: { id },
            data: { role: "admin", active: true, passwordHash },
          });
        } else {
          const name = process.env.PULSE_ADMIN_NAME?.trim() || "Admin";
          await tx.user.create({
            data: {
              id,
              email: email.data,
              name,
              role: "admin",
              passwordHash,
              passwordChangedAt: now,
            },
          });
        }
        await tx.auditEntry.create({
          data: {
            actor: "system",
            actorId: null,
            action: "create",
            entity: "account",
            entityKey: id,
            at: now,
            before: null,
            after: JSON.stringify({ email: email.data, role: "admin" }),
          },
        });
      });
      return { kind: "created", email: email.data };
    }
    const token = newToken();
    const expiresAt = new Date(now.getTime() + LINK_LIFETIME_MS.setup);
    await db.accountToken.create({
      data: { id: tokenHash(token), kind: "setup", createdAt: now, expiresAt },
    });
    return { kind: "setup-link", token, expiresAt: expiresAt.toISOString() };
  } finally {
    await db.$disconnect();
  }
}
