import { apiJson, methodNotAllowed } from "@/lib/api/http";
import { writeRoute } from "@/lib/auth/write";
import { fieldErrorsOf, InviteSchema } from "@/lib/domain/sign-in-input";
import { ValidationError } from "@/lib/errors";
import { createInvitation } from "@/lib/mutations/accounts";

export const dynamic = "force-dynamic";

export const GET = methodNotAllowed("POST");
export const PUT = methodNotAllowed("POST");
export const PATCH = methodNotAllowed("POST");
export const DELETE = methodNotAllowed("POST");

/**
 * `POST /api/invitations` `{ "email", "name", "role" }` (admins): the invitation as on the
 * accounts page. 201 `{ token, url, expiresAt }`; 409 when the email has an account.
 */
export const POST = writeRoute(
  { role: "admin", body: { type: "application/json", maxBytes: 4 * 1024 } },
  async ({ body, actor, request }) => {
    const parsed = InviteSchema.safeParse(body);
    if (!parsed.success) throw new ValidationError(fieldErrorsOf(parsed.error));
    const link = await createInvitation(parsed.data, actor);
    const origin = new URL(request.url).origin;
    return apiJson(201, {
      token: link.token,
      url: `${origin}/invite/${link.token}`,
      expiresAt: link.expiresAt,
    });
  },
);
