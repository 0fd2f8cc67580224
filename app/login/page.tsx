import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/SignInForm";
import { safeNextPath } from "@/lib/actions/safe-redirect";
import { getEditorSession } from "@/lib/auth/session";
import type { SearchParams } from "@/lib/url-state";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const next = safeNextPath((await searchParams).next);
  if (await getEditorSession()) redirect(next);
  return (
    <section className="narrow">
      <h1>Editor sign-in</h1>
      <p className="lede">
        Viewing is open to everyone. Adding or restating figures needs the editor password (set with{" "}
        <code>PULSE_EDITOR_PASSWORD</code>, or printed by <code>npm start</code> at first start).
      </p>
      <SignInForm next={next} />
    </section>
  );
}
