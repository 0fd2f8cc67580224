/**
 * Submits a page's server-action form over plain HTTP, as a browser without JavaScript does:
 * the server renders the action's id and bound state into hidden inputs, and the form posts
 * them back as multipart/form-data. This exercises the real endpoint (parsing, auth, the
 * mutation, revalidation) without a browser in the loop, so load tools can drive it.
 */

export interface HtmlForm {
  /** Absolute URL the form posts to. */
  action: string;
  hidden: [string, string][];
}

const ENTITIES: Record<string, string> = {
  "&quot;": '"',
  "&#x27;": "'",
  "&#39;": "'",
  "&lt;": "<",
  "&gt;": ">",
  "&amp;": "&",
};

function decodeEntities(text: string): string {
  return text.replace(/&(?:quot|#x27|#39|lt|gt|amp);/g, (entity) => ENTITIES[entity] ?? entity);
}

function attribute(tag: string, name: string): string | null {
  const match = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return match ? decodeEntities(match[1] ?? "") : null;
}

/**
 * The n-th form on a page whose markup contains `marker` (e.g. a field name), with its hidden
 * inputs. React renders attributes with double quotes, which is all this needs to read.
 */
export function findForm(html: string, pageUrl: string, marker: string): HtmlForm {
  const forms = html.match(/<form\b[\s\S]*?<\/form>/g) ?? [];
  const form = forms.find((markup) => markup.includes(marker));
  if (!form) throw new Error(`no form containing ${marker} on ${pageUrl}`);
  const openTag = /<form\b[^>]*>/.exec(form)?.[0] ?? "";
  const action = new URL(attribute(openTag, "action") || pageUrl, pageUrl).toString();
  const hidden: [string, string][] = [];
  for (const input of form.match(/<input\b[^>]*>/g) ?? []) {
    if (attribute(input, "type") !== "hidden") continue;
    const name = attribute(input, "name");
    if (name !== null) hidden.push([name, attribute(input, "value") ?? ""]);
  }
  return { action, hidden };
}

export async function loadForm(pageUrl: string, marker: string, cookie = ""): Promise<HtmlForm> {
  const response = await fetch(pageUrl, { headers: cookie ? { cookie } : {} });
  if (!response.ok) throw new Error(`GET ${pageUrl} answered ${response.status}`);
  return findForm(await response.text(), pageUrl, marker);
}

export interface FormResponse {
  status: number;
  location: string | null;
  setCookie: string[];
  body: string;
}

export async function submitForm(
  form: HtmlForm,
  fields: Record<string, string>,
  options: { cookie?: string; headers?: Record<string, string> } = {},
): Promise<FormResponse> {
  const body = new FormData();
  for (const [name, value] of form.hidden) {
    if (!(name in fields)) body.append(name, value);
  }
  for (const [name, value] of Object.entries(fields)) body.append(name, value);
  const response = await fetch(form.action, {
    method: "POST",
    body,
    redirect: "manual",
    headers: { ...(options.cookie ? { cookie: options.cookie } : {}), ...options.headers },
  });
  return {
    status: response.status,
    location: response.headers.get("location"),
    setCookie: response.headers.getSetCookie(),
    body: await response.text(),
  };
}

/** The `name=value` pairs of Set-Cookie headers, ready for a Cookie header. */
export function cookieHeader(setCookie: readonly string[]): string {
  return setCookie.map((line) => line.split(";")[0] ?? "").join("; ");
}

/** Signs in through the real login form; returns the session cookie. */
export async function signInOverHttp(
  baseUrl: string,
  email: string,
  password: string,
): Promise<string> {
  const form = await loadForm(`${baseUrl}/login`, 'name="password"');
  const result = await submitForm(form, { email, password });
  const cookie = cookieHeader(result.setCookie);
  if (result.status >= 400 || !cookie.includes("pulse_session=")) {
    throw new Error(`sign-in failed: HTTP ${result.status}, no session cookie`);
  }
  return cookie;
}
