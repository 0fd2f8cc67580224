/**
 * A client for Pulse's JSON API (app/api/*) over plain HTTP, for specs that drive it as a
 * program would (the reliability specs' load and fault runs, the hostile-input corpus) and for
 * the bench and the URL fuzzer, which sign in the same way.
 */

export interface ApiAnswer {
  status: number;
  /** The parsed JSON body, or the text when it was not JSON (null when empty). */
  body: unknown;
  headers: Headers;
}

export interface QuarterBody {
  brand: string;
  year: number | string;
  quarter: number | string;
  values: Record<string, string>;
  qualifiers?: Record<string, string>;
  source: { title: string; url?: string | null; date?: string | null };
  note?: string | null;
  confirm?: string[];
}

async function answerOf(response: Response): Promise<ApiAnswer> {
  const text = await response.text();
  let body: unknown = text === "" ? null : text;
  if ((response.headers.get("content-type") ?? "").includes("json") && text !== "") {
    body = JSON.parse(text);
  }
  return { status: response.status, body, headers: response.headers };
}

export async function apiRequest(
  baseUrl: string,
  path: string,
  init: {
    method?: string;
    cookie?: string;
    json?: unknown;
    body?: BodyInit;
    contentType?: string;
    headers?: Record<string, string>;
  } = {},
): Promise<ApiAnswer> {
  const headers: Record<string, string> = { ...init.headers };
  if (init.cookie) headers.cookie = init.cookie;
  let body: BodyInit | undefined = init.body;
  if (init.json !== undefined) {
    body = JSON.stringify(init.json);
    headers["content-type"] = "application/json";
  }
  if (init.contentType !== undefined) headers["content-type"] = init.contentType;
  const response = await fetch(`${baseUrl}${path}`, {
    method: init.method ?? "POST",
    headers,
    body,
    redirect: "manual",
  });
  return answerOf(response);
}

/**
 * The accounts the browser tests use. The server under test is started with this admin
 * (PULSE_ADMIN_EMAIL / PULSE_ADMIN_PASSWORD); every other account is made on first use by
 * `ensureAccount`, through the admin's invitation API, with E2E_PASSWORD unless told otherwise.
 */
export const E2E_ADMIN = {
  email: process.env.E2E_ADMIN_EMAIL ?? "admin@e2e.test",
  password: process.env.E2E_ADMIN_PASSWORD ?? "e2e-root-passphrase-9b1d",
  name: "E2E Admin",
};
export const E2E_PASSWORD = process.env.E2E_EDITOR_PASSWORD ?? "e2e-editor-password-7f3a";

/** The email an account named `name` gets in the tests: `Ada Lovelace` -> `ada-lovelace@e2e.test`. */
export function emailFor(name: string): string {
  if (name.includes("@")) return name.toLowerCase();
  const local = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
  return `${local || "someone"}@e2e.test`;
}

export type Role = "viewer" | "editor" | "admin";

const adminCookies = new Map<string, string>();
const ensured = new Set<string>();

/** The admin's session cookie on this server (signed in once per server and process). */
export async function adminCookie(baseUrl: string): Promise<string> {
  let cookie = adminCookies.get(baseUrl);
  if (!cookie) {
    cookie = await signInWithEmail(baseUrl, E2E_ADMIN.email, E2E_ADMIN.password);
    adminCookies.set(baseUrl, cookie);
  }
  return cookie;
}

/**
 * Makes sure an account named `name` exists (invited by the admin and accepted, as a person
 * would through the invitation link); returns its email. An account that exists is left as is.
 */
export async function ensureAccount(
  baseUrl: string,
  name: string,
  role: Role = "editor",
  password: string = E2E_PASSWORD,
): Promise<string> {
  const email = emailFor(name);
  const key = `${baseUrl} ${email}`;
  if (ensured.has(key) || email === E2E_ADMIN.email) return email;
  const invitation = await apiRequest(baseUrl, "/api/invitations", {
    cookie: await adminCookie(baseUrl),
    json: { email, name: name.includes("@") ? name.split("@")[0] : name, role },
  });
  if (invitation.status === 201) {
    const { token } = invitation.body as { token: string };
    const accepted = await apiRequest(baseUrl, "/api/invitations/accept", {
      json: { token, name: name.includes("@") ? name.split("@")[0] : name, password },
    });
    if (accepted.status !== 201) {
      throw new Error(`accepting the invitation for ${email} answered ${accepted.status}`);
    }
  } else if (invitation.status !== 409) {
    throw new Error(
      `inviting ${email} answered ${invitation.status}: ${JSON.stringify(invitation.body)}`,
    );
  }
  ensured.add(key);
  return email;
}

/** The session cookie's `name=value` from a response, in either of its two forms. */
export function sessionCookieOf(response: Response): string | undefined {
  return response.headers
    .getSetCookie()
    .map((line) => line.split(";")[0] ?? "")
    .find((pair) => /^(__Host-)?pulse_session=./.test(pair));
}

export async function signInWithEmail(
  baseUrl: string,
  email: string,
  password: string,
  headers: Record<string, string> = {},
): Promise<string> {
  const response = await fetch(`${baseUrl}/api/session`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ email, password }),
  });
  await response.arrayBuffer();
  const cookie = sessionCookieOf(response);
  if (response.status !== 204 || !cookie) {
    throw new Error(`sign-in as ${email} answered ${response.status} without a session`);
  }
  return cookie;
}

/**
 * Signs in through `POST /api/session`; returns the Cookie header to send with writes. `name` is
 * an email, or a display name whose account (an editor, unless `role` says otherwise) is made on
 * first use with `password`.
 */
export async function apiSignIn(
  baseUrl: string,
  name: string,
  password: string = E2E_PASSWORD,
  headers: Record<string, string> = {},
  role: Role = "editor",
): Promise<string> {
  const email = await ensureAccount(baseUrl, name, role, password);
  return signInWithEmail(baseUrl, email, password, headers);
}

export interface SavedFigures {
  brand: string;
  quarter: string;
  savedAt: string;
  figures: {
    metric: string;
    revision: number;
    restated: boolean;
    /** new, restatement or source_update (same value, another source). */
    change: string;
    /** What a value with thousands commas was read as ("1050"). */
    readAs?: string;
  }[];
}

export interface ConfirmationItem {
  token: string;
  kind: string;
  message: string;
}

/**
 * Posts a quarter; when the answer is a 409 listing confirmations, confirms them all and posts
 * again (as an editor ticking the box would), up to `rounds` times. Returns every answer.
 */
export async function postQuarterConfirming(
  baseUrl: string,
  cookie: string,
  body: QuarterBody,
  rounds = 6,
): Promise<ApiAnswer[]> {
  const answers: ApiAnswer[] = [];
  let confirm = body.confirm ?? [];
  for (let round = 0; round < rounds; round++) {
    const answer = await apiRequest(baseUrl, "/api/quarters", {
      cookie,
      json: { ...body, confirm },
    });
    answers.push(answer);
    const confirmations = (answer.body as { confirmations?: ConfirmationItem[] } | null)
      ?.confirmations;
    if (answer.status !== 409 || !confirmations) break;
    confirm = confirmations.map((item) => item.token);
  }
  return answers;
}
