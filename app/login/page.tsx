import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/SignInForm";
import { safeNextPath } from "@/lib/actions/safe-redirect";
import { currentUser } from "@/lib/auth/current-user";
import { publicRead } from "@/lib/auth/settings";
import type { SearchParams } from "@/lib/url-state";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const next = safeNextPath((await searchParams).next);
  if (await currentUser()) redirect(next);
  return (
    <section className="narrow">
      <h1>Sign in</h1>
      <p className="lede">
        {publicRead()
          ? "Reading is open to everyone. Adding or changing figures needs an editor account."
          : "This Pulse is private: sign in to read it."}{" "}
        Accounts are made by an admin, who sends you an invitation link.
      </p>
      <SignInForm next={next} />
    </section>
  );
}
