import { z } from "zod";
import { apiError, crossOriginRefusal, methodNotAllowed, readJsonBody } from "@/lib/api/http";
import { endSession } from "@/lib/auth/session";
import { clientAddress, signInEditor } from "@/lib/auth/sign-in-attempts";

export const dynamic = "force-dynamic";

export const GET = methodNotAllowed("POST, DELETE");
export const PUT = methodNotAllowed("POST, DELETE");
export const PATCH = methodNotAllowed("POST, DELETE");

const SESSION_BODY_LIMIT_BYTES = 16 * 1024;

function stringField(label: string) {
  return z.string({
    error: (issue) =>
      issue.input === undefined ? `${label} is required` : `${label} must be a JSON string`,
  });
}

/** Only the shape: the fields' own rules are the login form's (signInEditor). */
const SessionBodySchema = z.strictObject(
  { name: stringField("Your name"), password: stringField("Password") },
  { error: 'The body must be a JSON object like { "name": "Ada", "password": "…" }.' },
);

/**
 * `POST /api/session` `{ "name", "password" }`: signs an editor in with the login form's checks
 * and its failed-attempt limit, and sets the same session cookie. 204, or 400 (which field, why),
 * 401 (wrong password), 429 (too many failures: Retry-After), 415 (not JSON).
 */
export async function POST(request: Request): Promise<Response> {
  const refused = crossOriginRefusal(request);
  if (refused) return refused;
  const body = await readJsonBody(request, SESSION_BODY_LIMIT_BYTES);
  if (!body.ok) return body.response;
  const shape = SessionBodySchema.safeParse(body.value);
  if (!shape.success) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of shape.error.issues) {
      if (issue.code === "unrecognized_keys") {
        for (const key of issue.keys) {
          fieldErrors[key.slice(0, 60)] =
            "is not a field of this request (only name and password).";
        }
      } else if (issue.path.length > 0) {
        fieldErrors[String(issue.path[0])] ??= `${issue.message}.`;
      } else {
        return apiError(400, issue.message);
      }
    }
    return apiError(400, "Not signed in: correct the fields named.", { fieldErrors });
  }
  const result = await signInEditor(
    { name: shape.data.name, password: shape.data.password },
    clientAddress(request.headers),
  );
  switch (result.kind) {
    case "signed-in":
      return new Response(null, { status: 204, headers: { "Cache-Control": "no-store" } });
    case "rate-limited":
      return apiError(429, result.message, {}, { "Retry-After": String(result.retryAfterSeconds) });
    case "invalid":
      return apiError(400, "Not signed in: correct the fields named.", {
        fieldErrors: result.fieldErrors,
      });
    case "wrong-password":
      return apiError(401, "Not signed in: this password is not the editor password.", {
        fieldErrors: result.fieldErrors,
      });
  }
}

/** `DELETE /api/session`: signs out (204 whether or not a session was there). */
export async function DELETE(request: Request): Promise<Response> {
  const refused = crossOriginRefusal(request);
  if (refused) return refused;
  await endSession();
  return new Response(null, { status: 204, headers: { "Cache-Control": "no-store" } });
}
