import { currentLocale } from "@/i18n/locale";
import { localizeAppMessage, localizeFieldSentences } from "@/lib/app-messages";
import "server-only";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { apiError, crossOriginRefusal, readBody, readJsonBody } from "@/lib/api/http";
import type { Actor } from "@/lib/domain/actor";
import { AppError, errorBody } from "@/lib/errors";
import { currentUser, type SessionUser, signInHref } from "./current-user";
import { type Role, roleAllows } from "./settings";

/*
 * The one way into a write. Every server action goes through writeAction and every route
 * handler through writeRoute; both start with guard(), which decides who may call (the role,
 * checked against the session in the database), before any body is read. Then: the body within
 * its limit (routes; the forms' limits are enforced by the proxy before Next reads them), the
 * parse (whose ValidationError carries one sentence per field), the write, typed errors turned
 * into a status or a form message from lib/errors.ts, and the cache expired after a change.
 */

/** What a successful write returns to end with a redirect (after the cache is expired). */
export interface Redirect {
  redirectTo: string;
}

export function redirectTo(url: string): Redirect {
  return { redirectTo: url };
}

function isRedirect(value: unknown): value is Redirect {
  return typeof value === "object" && value !== null && "redirectTo" in value;
}

export type Guarded =
  | { ok: true; user: SessionUser; actor: Actor }
  | { ok: false; error: AppError };

/** Who may call: signed in (401 otherwise) with at least `role` (403 otherwise). */
export async function guard(role: Role): Promise<Guarded> {
  const user = await currentUser();
  if (!user) return { ok: false, error: new AppError("unauthenticated") };
  if (!roleAllows(user.role, role)) {
    return {
      ok: false,
      error: new AppError(
        "forbidden",
        `Your role (${user.role}) does not allow this; it needs ${role}. Nothing was changed.`,
      ),
    };
  }
  return { ok: true, user, actor: { id: user.id, name: user.name } };
}

/** Expires every cached page: figures appear on the overview, metric and compare pages alike. */
function expireCaches(): void {
  revalidatePath("/", "layout");
}

export interface ActionOptions<Args extends unknown[], State> {
  role: Role;
  /** Where a signed-out visitor comes back to after signing in. */
  returnTo: (...args: Args) => string;
  /** A typed error as the form's state (its message, the fields, what was typed), or a redirect. */
  onError: (error: AppError, ...args: Args) => State | Redirect | Promise<State | Redirect>;
  /** Whether a successful write changes what pages show (default true). */
  revalidate?: boolean;
}

/**
 * A form's error in the reader's language: its sentence and its fields' (lib/app-messages.ts).
 * The same object, changed in place: the actions' error handlers tell errors apart by class
 * (ValidationError, ConfirmationRequiredError, ...), which a copy would lose. English leaves it
 * untouched.
 */
async function inReadersLanguage(error: AppError): Promise<AppError> {
  const locale = await currentLocale();
  if (locale === "en") return error;
  error.message = await localizeAppMessage(error.message, locale);
  const details = error.details as Record<string, unknown>;
  const fieldErrors = details.fieldErrors as Record<string, string> | undefined;
  if (fieldErrors) details.fieldErrors = await localizeFieldSentences(fieldErrors, locale);
  return error;
}

/** Wraps a server action: `run` gets the actor and the action's own arguments. */
export function writeAction<Args extends unknown[], State>(
  options: ActionOptions<Args, State>,
  run: (actor: Actor, ...args: Args) => Promise<State | Redirect>,
): (...args: Args) => Promise<State> {
  return async (...args: Args): Promise<State> => {
    const allowed = await guard(options.role);
    if (!allowed.ok && allowed.error.code === "unauthenticated") {
      redirect(signInHref(options.returnTo(...args)));
    }
    let result: State | Redirect;
    if (!allowed.ok) {
      result = await options.onError(await inReadersLanguage(allowed.error), ...args);
    } else {
      try {
        result = await run(allowed.actor, ...args);
        if (isRedirect(result) && options.revalidate !== false) expireCaches();
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        result = await options.onError(await inReadersLanguage(error), ...args);
      }
    }
    if (isRedirect(result)) redirect(result.redirectTo);
    return result;
  };
}

export type RouteBody =
  | { type: "application/json"; maxBytes: number }
  | { type: "text/csv"; maxBytes: number; tooLarge?: (bytes: number | null) => string };

export interface RouteContext<Params> {
  request: Request;
  params: Params;
  user: SessionUser;
  actor: Actor;
  /** The parsed JSON (application/json) or the bytes (text/csv); undefined without a body. */
  body: unknown;
}

/** An AppError as a JSON answer: its status, its message, its code and details. */
export function errorResponse(error: AppError, headers: Record<string, string> = {}): Response {
  const { error: message, ...details } = errorBody(error);
  return apiError(error.status, String(message), details, headers);
}

/**
 * Wraps a route handler. The order matters: cross-site refusal and the role come before the body
 * is read, so an anonymous or forged request never makes the server buffer its upload.
 */
export function writeRoute<Params = Record<string, never>>(
  options: {
    role: Role;
    body?: RouteBody;
    revalidate?: boolean;
    /** Checks the path's parameters before the body is read (throws an AppError, e.g. 404). */
    checkParams?: (params: Params) => void;
  },
  run: (context: RouteContext<Params>) => Promise<Response>,
): (request: Request, context: { params: Promise<Params> }) => Promise<Response> {
  return async (request, context) => {
    try {
      if (request.method !== "GET" && request.method !== "HEAD") {
        const refused = crossOriginRefusal(request);
        if (refused) throw refused;
      }
      const allowed = await guard(options.role);
      if (!allowed.ok) throw allowed.error;
      const params = (await context?.params) ?? ({} as Params);
      options.checkParams?.(params);
      let body: unknown;
      if (options.body?.type === "application/json") {
        body = await readJsonBody(request, options.body.maxBytes);
      } else if (options.body) {
        body = await readBody(request, options.body);
      }
      const response = await run({
        request,
        params,
        user: allowed.user,
        actor: allowed.actor,
        body,
      });
      if (options.revalidate && response.status < 300) expireCaches();
      return response;
    } catch (error) {
      if (error instanceof AppError) return errorResponse(error);
      throw error;
    }
  };
}
