import { methodNotAllowed } from "@/lib/api/http";
import { secureCookies } from "@/lib/auth/settings";
import { parseTheme, THEME_COOKIE, themeReturnPath } from "@/lib/theme";

export const dynamic = "force-dynamic";

export const GET = methodNotAllowed("POST");
export const PUT = methodNotAllowed("POST");
export const PATCH = methodNotAllowed("POST");
export const DELETE = methodNotAllowed("POST");

const YEAR_SECONDS = 365 * 24 * 60 * 60;

/**
 * `POST /theme` (form field `theme`: system, light or dark) from the header's switch: remembers
 * the choice in a cookie and sends the reader back to the page they were on. A plain form post,
 * so it works without JavaScript. A preference, not data: no account, no audit row.
 */
export async function POST(request: Request): Promise<Response> {
  let theme = parseTheme(null);
  try {
    theme = parseTheme((await request.formData()).get("theme"));
  } catch {
    // Not a form: the same as asking for the system's theme.
  }
  const secure = secureCookies() ? "; Secure" : "";
  const cookie =
    theme === "system"
      ? `${THEME_COOKIE}=; Path=/; Max-Age=0; SameSite=Lax; HttpOnly${secure}`
      : `${THEME_COOKIE}=${theme}; Path=/; Max-Age=${YEAR_SECONDS}; SameSite=Lax; HttpOnly${secure}`;
  return new Response(null, {
    status: 303,
    headers: {
      Location: themeReturnPath(request.headers.get("referer"), request.headers.get("host")),
      "Set-Cookie": cookie,
      "Cache-Control": "no-store",
    },
  });
}
