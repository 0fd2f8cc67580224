/**
 * The bench's accounts. The server starts with BENCH_ADMIN as its first admin (PULSE_ADMIN_EMAIL
 * and PASSWORD, as scripts/start.ts reads them); the signed-in reader is an editor made the way
 * the browser tests make theirs (tests/support/api-client.ts): invited by the admin through the API and
 * accepted, then signed in through POST /api/session.
 */
import { apiRequest, signInWithEmail } from "../../tests/support/api-client";

export const BENCH_ADMIN = {
  email: "bench@pulse.local",
  // Not containing the email's local part: the password policy refuses that (lib/auth/password-policy.ts).
  password: "quarterly-figures-7d2a",
  /** Who the write phase's revisions name (bench/lib/writes.ts counts them by it). */
  name: "Bench writer",
};

const READER = {
  email: "reader@pulse.local",
  name: "Bench reader",
  password: "signed-in-pages-3b8e",
};

/** The server environment that makes BENCH_ADMIN its first admin. */
export const BENCH_ADMIN_ENV = {
  PULSE_ADMIN_EMAIL: BENCH_ADMIN.email,
  PULSE_ADMIN_PASSWORD: BENCH_ADMIN.password,
  PULSE_ADMIN_NAME: BENCH_ADMIN.name,
};

/**
 * A session cookie of an editor: signed-in people (any role) bypass the page cache, and editors
 * are the readers issue 12 is about. An account left by an earlier run on a reused database is
 * signed in as it is.
 */
export async function signedInEditorCookie(baseUrl: string): Promise<string> {
  const admin = await signInWithEmail(baseUrl, BENCH_ADMIN.email, BENCH_ADMIN.password);
  const invitation = await apiRequest(baseUrl, "/api/invitations", {
    cookie: admin,
    json: { email: READER.email, name: READER.name, role: "editor" },
  });
  if (invitation.status === 201) {
    const { token } = invitation.body as { token: string };
    const accepted = await apiRequest(baseUrl, "/api/invitations/accept", {
      json: { token, name: READER.name, password: READER.password },
    });
    if (accepted.status !== 201) {
      throw new Error(`accepting the bench reader's invitation answered ${accepted.status}`);
    }
  } else if (invitation.status !== 409) {
    throw new Error(
      `inviting the bench reader answered ${invitation.status}: ${JSON.stringify(invitation.body)}`,
    );
  }
  return signInWithEmail(baseUrl, READER.email, READER.password);
}
