/**
 * Settings of the accounts system, read from the environment. No `server-only` here: the start
 * script and the custom server read them too.
 */

export type Role = "viewer" | "editor" | "admin";
export const ROLES: readonly Role[] = ["viewer", "editor", "admin"];
const RANK: Record<Role, number> = { viewer: 1, editor: 2, admin: 3 };

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

/** Whether `role` may do what `needed` may. */
export function roleAllows(role: Role, needed: Role): boolean {
  return RANK[role] >= RANK[needed];
}

function positiveNumber(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === "") return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) {
    throw new Error(`${name} must be a positive number, not "${raw}"`);
  }
  return value;
}

function flag(name: string, fallback: boolean): boolean {
  const raw = process.env[name]?.trim().toLowerCase();
  if (raw === undefined || raw === "") return fallback;
  if (["1", "true", "yes", "on"].includes(raw)) return true;
  if (["0", "false", "no", "off"].includes(raw)) return false;
  throw new Error(`${name} must be true or false, not "${process.env[name]}"`);
}

/**
 * Secure cookies (and so the `__Host-` prefix): on by default in production. Plain-http use
 * (a laptop, the tests) sets PULSE_SECURE_COOKIES=false explicitly.
 */
export function secureCookies(): boolean {
  return flag("PULSE_SECURE_COOKIES", process.env.NODE_ENV === "production");
}

/** Whether anonymous visitors may read pages and the export (PULSE_PUBLIC_READ, default true). */
export function publicRead(): boolean {
  return flag("PULSE_PUBLIC_READ", true);
}

/** How many reverse proxies in front of the app append to X-Forwarded-For (default 0: none). */
export function trustedProxies(): number {
  const raw = process.env.PULSE_TRUSTED_PROXIES;
  if (raw === undefined || raw.trim() === "") return 0;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > 10) {
    throw new Error(`PULSE_TRUSTED_PROXIES must be a whole number from 0 to 10, not "${raw}"`);
  }
  return value;
}

export const SESSION_LIMITS = {
  /** A session unused this long ends (PULSE_SESSION_IDLE_MINUTES, default 120). */
  idleMs: () => positiveNumber("PULSE_SESSION_IDLE_MINUTES", 120) * 60_000,
  /** A session ends this long after sign-in, however active (PULSE_SESSION_MAX_HOURS, default 12). */
  absoluteMs: () => positiveNumber("PULSE_SESSION_MAX_HOURS", 12) * 3_600_000,
  /** lastSeenAt is written at most this often, so reading pages does not write on every request. */
  touchEveryMs: 60_000,
};

export const THROTTLE = {
  windowMs: 15 * 60_000,
  /** Failed sign-ins per account per window before that account is refused for the window. */
  perAccount: 10,
  /**
   * Failed sign-ins per client address per window. Higher than per account: an office behind
   * one address has several people mistyping.
   */
  perAddress: 20,
  /** Rows kept at most; past windows are pruned first, then the oldest. */
  maxRows: 50_000,
};

export const LINK_LIFETIME_MS = {
  invite: 7 * 24 * 3_600_000,
  reset: 60 * 60_000,
  setup: 24 * 3_600_000,
};

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 200;
