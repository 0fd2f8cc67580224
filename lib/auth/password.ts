/**
 * Password hashing with scrypt (memory-hard, in node:crypto, nothing to build). Parameters follow
 * OWASP's password storage cheat sheet (N=2^15, r=8, p=3: 32 MiB per hash) and are stored inside
 * each hash, so raising them later re-hashes nobody's password wrongly.
 */
import { randomBytes, scrypt, timingSafeEqual } from "node:crypto";

const DEFAULT_PARAMS = { logN: 15, r: 8, p: 3 };

/**
 * PULSE_SCRYPT_COST="logN,r,p" lowers the cost where speed matters more than resistance to
 * offline guessing: the browser and integration tests, on a shared machine. Production keeps
 * the default; the start command warns when it is lowered.
 */
export function scryptParams(): { logN: number; r: number; p: number } {
  const raw = process.env.PULSE_SCRYPT_COST;
  if (!raw) return DEFAULT_PARAMS;
  const [logN, r, p] = raw.split(",").map(Number);
  if (![logN, r, p].every((value) => Number.isInteger(value) && (value ?? 0) > 0)) {
    throw new Error(`PULSE_SCRYPT_COST must be "logN,r,p" like "15,8,3", not "${raw}"`);
  }
  return { logN: logN ?? 15, r: r ?? 8, p: p ?? 3 };
}
const KEY_BYTES = 32;

function derive(password: string, salt: Buffer, logN: number, r: number, p: number) {
  return new Promise<Buffer>((resolve, reject) => {
    scrypt(
      password.normalize("NFC"),
      salt,
      KEY_BYTES,
      { N: 2 ** logN, r, p, maxmem: 256 * 2 ** logN * r + 16 * 1024 * 1024 },
      (error, key) => (error ? reject(error) : resolve(key)),
    );
  });
}

/** `scrypt$<logN>$<r>$<p>$<salt base64url>$<key base64url>` */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const params = scryptParams();
  const key = await derive(password, salt, params.logN, params.r, params.p);
  return [
    "scrypt",
    params.logN,
    params.r,
    params.p,
    salt.toString("base64url"),
    key.toString("base64url"),
  ].join("$");
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, logN, r, p, salt, key] = stored.split("$");
  if (scheme !== "scrypt" || !salt || !key) return false;
  // Stored parameters are trusted only within sane bounds (a tampered row must not hang the server).
  if (!(Number(logN) >= 10 && Number(logN) <= 20 && Number(r) <= 32 && Number(p) <= 16))
    return false;
  const expected = Buffer.from(key, "base64url");
  const actual = await derive(
    password,
    Buffer.from(salt, "base64url"),
    Number(logN),
    Number(r),
    Number(p),
  );
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/**
 * A hash of nothing anyone knows, checked when the email names no account, so that answering
 * "wrong email" takes as long as "wrong password" and timing does not reveal who has an account.
 */
let dummyHash: Promise<string> | null = null;
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= hashPassword(randomBytes(18).toString("base64url"));
  await verifyPassword(password, await dummyHash);
  return false;
}
