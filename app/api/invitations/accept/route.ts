import { z } from "zod";
import { apiJson, crossOriginRefusal, methodNotAllowed, readJsonBody } from "@/lib/api/http";
import { passwordProblem } from "@/lib/auth/password-policy";
import { errorResponse } from "@/lib/auth/write";
import { DisplayNameSchema, fieldErrorsOf, PasswordFieldSchema } from "@/lib/domain/sign-in-input";
import { AppError, ValidationError } from "@/lib/errors";
import { acceptLink } from "@/lib/mutations/accounts";
import { linkIsUsable } from "@/lib/queries/accounts";

export const dynamic = "force-dynamic";

export const GET = methodNotAllowed("POST");
export const PUT = methodNotAllowed("POST");
export const PATCH = methodNotAllowed("POST");
export const DELETE = methodNotAllowed("POST");

const AcceptBodySchema = z.strictObject({
  token: z.string().min(20).max(100),
  name: DisplayNameSchema,
  password: PasswordFieldSchema,
});

/**
 * `POST /api/invitations/accept` `{ "token", "name", "password" }`: accepts an invitation as its
 * page does (the token is the credential, so no session is needed). 201 `{ id }`, then sign in
 * with `POST /api/session`. 410 for a used, expired or unknown token.
 */
export async function POST(request: Request): Promise<Response> {
  try {
    const refused = crossOriginRefusal(request);
    if (refused) throw refused;
    const parsed = AcceptBodySchema.safeParse(await readJsonBody(request, 4 * 1024));
    if (!parsed.success) throw new ValidationError(fieldErrorsOf(parsed.error));
    const link = await linkIsUsable("invite", parsed.data.token);
    if (!link) throw new AppError("token_invalid");
    const problem = passwordProblem(parsed.data.password, {
      email: link.email ?? undefined,
      name: parsed.data.name,
    });
    if (problem)
      throw new AppError("weak_password", problem, { fieldErrors: { password: problem } });
    const id = await acceptLink("invite", parsed.data.token, parsed.data);
    return apiJson(201, { id, email: link.email, role: link.role });
  } catch (error) {
    if (error instanceof AppError) return errorResponse(error);
    throw error;
  }
}
