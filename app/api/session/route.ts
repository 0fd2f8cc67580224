import { z } from "zod";
import { apiError, crossOriginRefusal, methodNotAllowed, readJsonBody } from "@/lib/api/http";
import { clearSessionCookie, sessionToken } from "@/lib/auth/current-user";
import { signInWithPassword } from "@/lib/auth/sign-in";
import { errorResponse } from "@/lib/auth/write";
import { AppError, fieldsNeedCorrecting } from "@/lib/errors";
import { endSessionByToken } from "@/lib/mutations/sessions";

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

/** Only the shape: the fields' own rules are the login form's (signInWithPassword). */
const SessionBodySchema = z.strictObject(
  { email: stringField("Email"), password: stringField("Password") },
  { error: 'The body must be a JSON object like { "email": "ada@example.com", "password": "…" }.' },
);

const NO_STORE = { "Cache-Control": "no-store" };

/*
 * The session endpoint is the one write a signed-out client may make, so it does not go through
 * writeRoute's role check; it has the same cross-site refusal, body limit and error bodies.
 */

/**
 * `POST /api/session` `{ "email", "password" }`: signs in with the login form's checks and its
 * failed-attempt limits, and sets the same session cookie. 204, or 400 (which field, why),
 * 401 (no such active account, or a wrong password), 429 (too many failures: Retry-After), 415.
 */
export async function POST(request: Request): Promise<Response> {
  try {
    const refused = crossOriginRefusal(request);
    if (refused) throw refused;
    const body = await readJsonBody(request, SESSION_BODY_LIMIT_BYTES);
    const shape = SessionBodySchema.safeParse(body);
    if (!shape.success) {
      const fieldErrors: Record<string, string> = {};
      for (const issue of shape.error.issues) {
        if (issue.code === "unrecognized_keys") {
          for (const key of issue.keys) {
            fieldErrors[key.slice(0, 60)] =
              "is not a field of this request (only email and password).";
          }
        } else if (issue.path.length > 0) {
          fieldErrors[String(issue.path[0])] ??= `${issue.message}.`;
        } else {
          throw new AppError("invalid_input", issue.message);
        }
      }
      throw new AppError(
        "invalid_input",
        fieldsNeedCorrecting(Object.keys(fieldErrors).length, "signed in"),
        { fieldErrors },
      );
    }
    const result = await signInWithPassword(shape.data);
    switch (result.kind) {
      case "signed-in":
        return new Response(null, { status: 204, headers: NO_STORE });
      case "rate-limited":
        return errorResponse(new AppError("rate_limited", result.message), {
          "Retry-After": String(result.retryAfterSeconds),
        });
      case "invalid":
        throw new AppError(
          "invalid_input",
          fieldsNeedCorrecting(Object.keys(result.fieldErrors).length, "signed in"),
          {
            fieldErrors: result.fieldErrors,
          },
        );
      case "wrong-password":
        return apiError(401, `Not signed in: ${result.fieldErrors.password}`, {
          code: "unauthenticated",
          fieldErrors: result.fieldErrors,
        });
    }
  } catch (error) {
    if (error instanceof AppError) return errorResponse(error);
    throw error;
  }
}

/** `DELETE /api/session`: ends the session on the server and clears the cookie (204 either way). */
export async function DELETE(request: Request): Promise<Response> {
  const refused = crossOriginRefusal(request);
  if (refused) return errorResponse(refused);
  const token = await sessionToken();
  if (token) await endSessionByToken(token);
  await clearSessionCookie();
  return new Response(null, { status: 204, headers: NO_STORE });
}
