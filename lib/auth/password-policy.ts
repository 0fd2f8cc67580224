/**
 * What a new password must be (NIST SP 800-63B, OWASP ASVS 2.1): at least 12 characters, at most
 * 200, and not one of the commonly used passwords. The list is the 49,000 most common passwords
 * shipped by @zxcvbn-ts/language-common (from breach corpora), read from node_modules: nothing
 * is fetched at run time.
 */
import { dictionary } from "@zxcvbn-ts/language-common";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "./settings";

let common: Set<string> | null = null;

function commonPasswords(): Set<string> {
  if (common === null) {
    const list = (dictionary as Record<string, readonly string[] | undefined>)["passwords-common"];
    if (!list || list.length < 1000) throw new Error("the common-password list is missing");
    common = new Set(list.map((entry) => entry.toLowerCase()));
  }
  return common;
}

/** Whether a password is a common one, also with digits or symbols added at the end or a case change. */
export function isCommonPassword(password: string): boolean {
  const lower = password.toLowerCase();
  const list = commonPasswords();
  if (list.has(lower)) return true;
  const stem = lower.replace(/[\d\W_]+$/u, "");
  if (stem.length >= 4 && list.has(stem)) return true;
  // A short common word repeated to reach the length ("passwordpassword").
  for (let size = 1; size <= lower.length / 2; size++) {
    if (lower.length % size === 0 && lower.slice(0, size).repeat(lower.length / size) === lower) {
      return true;
    }
  }
  return false;
}

/** Why a password cannot be used, as a sentence, or null when it can. */
export function passwordProblem(
  password: string,
  account: { email?: string; name?: string } = {},
): string | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) {
    return `The password must have at least ${PASSWORD_MIN_LENGTH} characters (it has ${length}).`;
  }
  if (length > PASSWORD_MAX_LENGTH) {
    return `The password may have at most ${PASSWORD_MAX_LENGTH} characters.`;
  }
  if (isCommonPassword(password)) {
    return "This password is in a list of commonly used passwords; choose another.";
  }
  const lower = password.toLowerCase();
  const local = account.email?.split("@")[0]?.toLowerCase();
  if (
    (local && local.length >= 4 && lower.includes(local)) ||
    lower === account.name?.toLowerCase()
  ) {
    return "The password must not contain your email address or be your name.";
  }
  return null;
}
