import "server-only";
import { hashPassword, verifyAgainstDummy, verifyPassword } from "@/lib/auth/password";
import { LINK_LIFETIME_MS, type Role } from "@/lib/auth/settings";
import { newAccountId, newToken, tokenHash } from "@/lib/auth/tokens";
import { getWriteDb } from "@/lib/db";
import type { Actor } from "@/lib/domain/actor";
import { AppError } from "@/lib/errors";
import { type Tx, writeAudit } from "./audit";
import { writeTransaction } from "./write-transaction";

/*
 * Accounts and their one-time links. Every change to an account leaves an audit row in the same
 * transaction; every change that alters what a person may do (role, deactivation, password)
 * ends that person's sessions in it too, so the next request with an old cookie is refused.
 */

export interface OneTimeLink {
  token: string;
  expiresAt: string;
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

async function audit(
  tx: Tx,
  actor: Actor,
  action: Parameters<typeof writeAudit>[1]["action"],
  userId: string,
  before: unknown,
  after: unknown,
) {
  await writeAudit(tx, {
    actor,
    at: new Date(),
    action,
    entity: "account",
    entityKey: userId,
    // No public page names an account today, but a future one could: expire all, never less.
    brandId: null,
    before,
    after,
  });
}

async function issueLink(
  tx: Tx,
  kind: "invite" | "reset" | "setup",
  fields: {
    email?: string;
    name?: string;
    role?: Role;
    userId?: string;
    createdById?: string | null;
  },
  now: Date,
): Promise<OneTimeLink> {
  const token = newToken();
  const expiresAt = new Date(now.getTime() + LINK_LIFETIME_MS[kind]);
  await tx.accountToken.create({
    data: { id: tokenHash(token), kind, createdAt: now, expiresAt, ...fields },
  });
  return { token, expiresAt: expiresAt.toISOString() };
}

/** Uses a one-time link: returns its row once, then never again (and never after expiry). */
async function consumeLink(tx: Tx, kind: string, token: string, now: Date) {
  const row = await tx.accountToken.findUnique({ where: { id: tokenHash(token) } });
  if (!row || row.kind !== kind || row.usedAt !== null || row.expiresAt <= now) {
    throw new AppError("token_invalid");
  }
  const used = await tx.accountToken.updateMany({
    where: { id: row.id, usedAt: null },
    data: { usedAt: now },
  });
  if (used.count !== 1) throw new AppError("token_invalid");
  return row;
}

export async function adminExists(): Promise<boolean> {
  return (await getWriteDb().user.count({ where: { role: "admin", active: true } })) > 0;
}

/** First start: the admin from PULSE_ADMIN_EMAIL / PULSE_ADMIN_PASSWORD, when none exists. */
export async function createFirstAdmin(input: { email: string; name: string; password: string }) {
  const passwordHash = await hashPassword(input.password);
  return writeTransaction(getWriteDb(), async (tx) => {
    if ((await tx.user.count({ where: { role: "admin", active: true } })) > 0) return null;
    const email = normaliseEmail(input.email);
    const existing = await tx.user.findUnique({ where: { email } });
    const id = existing?.id ?? newAccountId();
    if (existing) {
      await tx.user.update({ where: { id }, data: { role: "admin", active: true, passwordHash } });
    } else {
      await tx.user.create({ data: { id, email, name: input.name, role: "admin", passwordHash } });
    }
    await audit(tx, { id: null, name: "system" }, "create", id, null, { email, role: "admin" });
    return id;
  });
}

/** First start without the variables: a one-time link that creates the first admin. */
export async function createSetupLink(now = new Date()): Promise<OneTimeLink | null> {
  return writeTransaction(getWriteDb(), async (tx) => {
    if ((await tx.user.count({ where: { role: "admin", active: true } })) > 0) return null;
    return issueLink(tx, "setup", {}, now);
  });
}

/** Creates an account from an invitation, a setup link; returns its id. */
export async function acceptLink(
  kind: "invite" | "setup",
  token: string,
  input: { email?: string; name: string; password: string },
  now = new Date(),
): Promise<string> {
  const passwordHash = await hashPassword(input.password);
  return writeTransaction(getWriteDb(), async (tx) => {
    const link = await consumeLink(tx, kind, token, now);
    const email = normaliseEmail(kind === "invite" ? (link.email ?? "") : (input.email ?? ""));
    const role = kind === "setup" ? "admin" : (link.role ?? "viewer");
    if (kind === "setup" && (await tx.user.count({ where: { role: "admin", active: true } })) > 0) {
      throw new AppError(
        "token_invalid",
        "An admin exists already; this setup link does nothing now.",
      );
    }
    if (await tx.user.findUnique({ where: { email } })) {
      throw new AppError("conflict", `There is already an account for ${email}.`);
    }
    const id = newAccountId();
    await tx.user.create({
      data: { id, email, name: input.name, role, passwordHash, passwordChangedAt: now },
    });
    await audit(tx, { id, name: input.name }, "create", id, null, {
      email,
      name: input.name,
      role,
    });
    return id;
  });
}

export async function createInvitation(
  input: { email: string; name: string; role: Role },
  actor: Actor,
  now = new Date(),
): Promise<OneTimeLink> {
  const email = normaliseEmail(input.email);
  return writeTransaction(getWriteDb(), async (tx) => {
    if (await tx.user.findUnique({ where: { email } })) {
      throw new AppError("conflict", `There is already an account for ${email}.`);
    }
    const link = await issueLink(
      tx,
      "invite",
      { email, name: input.name, role: input.role, createdById: actor.id },
      now,
    );
    await audit(tx, actor, "invite", email, null, {
      email,
      name: input.name,
      role: input.role,
      expiresAt: link.expiresAt,
    });
    return link;
  });
}

async function accountOrThrow(tx: Tx, userId: string) {
  const user = await tx.user.findUnique({ where: { id: userId } });
  if (!user) throw new AppError("not_found", "There is no such account.");
  return user;
}

/** Refuses a change that would leave no active admin (nobody could manage accounts any more). */
async function keepOneAdmin(tx: Tx, userId: string) {
  const others = await tx.user.count({
    where: { role: "admin", active: true, id: { not: userId } },
  });
  if (others === 0) {
    throw new AppError("conflict", "This is the only active admin: make someone else admin first.");
  }
}

export async function setRole(userId: string, role: Role, actor: Actor): Promise<void> {
  await writeTransaction(getWriteDb(), async (tx) => {
    const user = await accountOrThrow(tx, userId);
    if (user.role === role) return;
    if (user.role === "admin") await keepOneAdmin(tx, userId);
    await tx.user.update({ where: { id: userId }, data: { role } });
    // A new role means a new session: the person signs in again and gets a new session id.
    await tx.session.deleteMany({ where: { userId } });
    await audit(tx, actor, "role", userId, { role: user.role }, { role });
  });
}

export async function setActive(userId: string, active: boolean, actor: Actor): Promise<void> {
  await writeTransaction(getWriteDb(), async (tx) => {
    const user = await accountOrThrow(tx, userId);
    if (user.active === active) return;
    if (!active && user.role === "admin") await keepOneAdmin(tx, userId);
    await tx.user.update({ where: { id: userId }, data: { active } });
    if (!active) await tx.session.deleteMany({ where: { userId } });
    await audit(
      tx,
      actor,
      active ? "reactivate" : "deactivate",
      userId,
      { active: user.active },
      { active },
    );
  });
}

export async function createResetLink(
  userId: string,
  actor: Actor,
  now = new Date(),
): Promise<OneTimeLink> {
  return writeTransaction(getWriteDb(), async (tx) => {
    const user = await accountOrThrow(tx, userId);
    const link = await issueLink(
      tx,
      "reset",
      { userId, email: user.email, createdById: actor.id },
      now,
    );
    await audit(tx, actor, "password", userId, null, { resetLinkExpiresAt: link.expiresAt });
    return link;
  });
}

/** Sets a new password through a reset link; every session of the account ends. */
export async function resetPassword(
  token: string,
  password: string,
  now = new Date(),
): Promise<string> {
  const passwordHash = await hashPassword(password);
  return writeTransaction(getWriteDb(), async (tx) => {
    const link = await consumeLink(tx, "reset", token, now);
    const user = await accountOrThrow(tx, link.userId ?? "");
    await tx.user.update({
      where: { id: user.id },
      data: { passwordHash, passwordChangedAt: now },
    });
    await tx.session.deleteMany({ where: { userId: user.id } });
    await audit(tx, { id: user.id, name: user.name }, "password", user.id, null, { reset: true });
    return user.id;
  });
}

/** Changes one's own password (the current one is checked); every session of the account ends. */
export async function changePassword(
  userId: string,
  current: string,
  next: string,
  now = new Date(),
): Promise<void> {
  const user = await getWriteDb().user.findUnique({ where: { id: userId } });
  if (!user?.passwordHash || !(await verifyPassword(current, user.passwordHash))) {
    throw new AppError("invalid_input", "Nothing was changed: 1 field needs correcting.", {
      fieldErrors: { current: "This is not your current password." },
    });
  }
  const passwordHash = await hashPassword(next);
  await writeTransaction(getWriteDb(), async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { passwordHash, passwordChangedAt: now } });
    await tx.session.deleteMany({ where: { userId } });
    await audit(tx, { id: user.id, name: user.name }, "password", userId, null, { changed: true });
  });
}

export type PasswordCheck =
  | { ok: true; user: { id: string; email: string; name: string; role: string } }
  | { ok: false };

/** Checks an email and password; an unknown email costs the same time as a wrong password. */
export async function checkPassword(email: string, password: string): Promise<PasswordCheck> {
  const user = await getWriteDb().user.findUnique({ where: { email: normaliseEmail(email) } });
  if (!user?.passwordHash) {
    await verifyAgainstDummy(password);
    return { ok: false };
  }
  const matches = await verifyPassword(password, user.passwordHash);
  if (!matches || !user.active) return { ok: false };
  return { ok: true, user: { id: user.id, email: user.email, name: user.name, role: user.role } };
}
