/**
 * A client for Pulse's JSON API (app/api/*) over plain HTTP, for specs that drive it as a
 * program would: the reliability specs' load and fault runs and the hostile-input corpus.
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

/** Signs in through `POST /api/session`; returns the Cookie header to send with writes. */
export async function apiSignIn(
  baseUrl: string,
  name: string,
  password: string,
  headers: Record<string, string> = {},
): Promise<string> {
  const response = await fetch(`${baseUrl}/api/session`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ name, password }),
  });
  await response.arrayBuffer();
  const cookie = response.headers
    .getSetCookie()
    .map((line) => line.split(";")[0] ?? "")
    .find((pair) => pair.startsWith("pulse_session="));
  if (response.status !== 204 || !cookie) {
    throw new Error(`sign-in as ${name} answered ${response.status} without a session`);
  }
  return cookie;
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
