import "server-only";
import { currentUser } from "@/lib/auth/current-user";
import { publicRead } from "@/lib/auth/settings";
import { errorResponse } from "@/lib/auth/write";
import { AppError } from "@/lib/errors";
import type { ParamProblem } from "@/lib/url-state";

/*
 * The two refusals every reading route handler (the figures', claims' and compare exports) gives
 * before it reads anything: a private Pulse without a session, and parameters that do not parse.
 */

/**
 * Private mode: reading needs a session. The custom server refuses first; this holds when the
 * app is reached another way. Null when the request may read.
 */
export async function privateReadRefusal(): Promise<Response | null> {
  if (publicRead() || (await currentUser())) return null;
  return errorResponse(
    new AppError("unauthenticated", "This Pulse is private: sign in first (POST /api/session)."),
  );
}

/** 400 with one line per problem, "param: message", as plain text a shell user reads. */
export function paramProblemsResponse(problems: readonly ParamProblem[]): Response {
  return new Response(
    `${problems.map((problem) => `${problem.param}: ${problem.message}`).join("\n")}\n`,
    {
      status: 400,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
    },
  );
}
