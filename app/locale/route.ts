import { methodNotAllowed } from "@/lib/api/http";
import { secureCookies } from "@/lib/auth/settings";
import { isLocale } from "@/lib/domain/locale";
import { localeCookie, localeReturnPath, resolveLocale } from "@/lib/locale";

export const dynamic = "force-dynamic";

export const GET = methodNotAllowed("POST");
export const PUT = methodNotAllowed("POST");
export const PATCH = methodNotAllowed("POST");
export const DELETE = methodNotAllowed("POST");

/**
 * `POST /locale` (form field `locale`: en or zh) from the header's switch, like /theme: remembers
 * the choice in a cookie and sends the reader back to the page they were on with `lang` in its
 * URL, so the address they copy next keeps the language. A preference, not data: no account, no
 * audit row. A missing or unknown value keeps the language the reader has now.
 */
export async function POST(request: Request): Promise<Response> {
  let chosen: unknown = null;
  try {
    chosen = (await request.formData()).get("locale");
  } catch {
    // Not a form: keep the current language.
  }
  const locale = isLocale(chosen)
    ? chosen
    : resolveLocale({
        cookie: request.headers.get("cookie"),
        acceptLanguage: request.headers.get("accept-language"),
      });
  return new Response(null, {
    status: 303,
    headers: {
      Location: localeReturnPath(
        request.headers.get("referer"),
        request.headers.get("host"),
        locale,
      ),
      "Set-Cookie": localeCookie(locale, secureCookies()),
      "Cache-Control": "no-store",
    },
  });
}
