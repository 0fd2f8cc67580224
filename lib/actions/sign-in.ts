"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { RateLimiter } from "@/lib/auth/rate-limit";
import { passwordMatches, startSession } from "@/lib/auth/session";
import { requiredText } from "@/lib/domain/fields";
import { safeNextPath } from "./safe-redirect";

export interface SignInState {
  message: string | null;
  fieldErrors: Partial<Record<"name" | "password", string>>;
  values: { name: string };
}

const SignInSchema = z.object({
  name: requiredText(60),
  password: z.string().min(1, { message: "is required" }).max(200, { message: "is too long" }),
});

/** Failed sign-ins per client address: 10 per 15 minutes, then a wait. */
const failedSignIns = new RateLimiter(10, 15 * 60_000);

async function clientKey(): Promise<string> {
  const headerList = await headers();
  return (
    headerList.get("x-forwarded-for")?.split(",")[0]?.trim() ||
    headerList.get("x-real-ip") ||
    "local"
  );
}

export async function signIn(_previous: SignInState, formData: FormData): Promise<SignInState> {
  const name = String(formData.get("name") ?? "");
  const values = { name: name.slice(0, 60) };
  const key = await clientKey();
  const wait = failedSignIns.retryAfter(key);
  if (wait > 0) {
    return {
      message: `Too many failed sign-in attempts. Try again in ${wait} seconds.`,
      fieldErrors: {},
      values,
    };
  }
  const parsed = SignInSchema.safeParse({ name, password: formData.get("password") ?? "" });
  if (!parsed.success) {
    const fieldErrors: SignInState["fieldErrors"] = {};
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] as "name" | "password";
      fieldErrors[field] ??= `${field === "name" ? "Your name" : "Password"} ${issue.message}`;
    }
    return { message: "Please correct the highlighted fields.", fieldErrors, values };
  }
  if (!passwordMatches(parsed.data.password)) {
    failedSignIns.hit(key);
    return {
      message: null,
      fieldErrors: { password: "This password is not the editor password." },
      values,
    };
  }
  failedSignIns.reset(key);
  await startSession(parsed.data.name);
  redirect(safeNextPath(formData.get("next")));
}
