import type { Metadata } from "next";
import { AccountForm } from "@/components/AccountForm";
import { completeSetup } from "@/lib/actions/account-links";
import { linkIsUsable } from "@/lib/queries/accounts";
import type { SearchParams } from "@/lib/url-state";

export const metadata: Metadata = { title: "Set up Pulse" };
export const dynamic = "force-dynamic";

/** The first admin, from the one-time link `npm start` printed when no admin existed. */
export default async function SetupPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const token = (await searchParams).token;
  const usable = typeof token === "string" ? await linkIsUsable("setup", token) : null;
  if (typeof token !== "string" || !usable) {
    return (
      <section className="narrow">
        <h1>Set up Pulse</h1>
        <p className="lede">
          This setup link is not valid: it was used already, has expired or never existed. Restart
          the server to print a new one (only while no admin exists).
        </p>
      </section>
    );
  }
  return (
    <section className="narrow">
      <h1>Set up Pulse: the first admin</h1>
      <AccountForm
        action={completeSetup.bind(null, token)}
        testId="setup"
        submitLabel="Create the admin account"
        fields={[
          { name: "email", label: "Email", type: "email", autoComplete: "username" },
          {
            name: "name",
            label: "Your name (shown with every change you make)",
            autoComplete: "name",
          },
          {
            name: "password",
            label: "Password",
            type: "password",
            autoComplete: "new-password",
            hint: "At least 12 characters; not a common password.",
          },
        ]}
      />
    </section>
  );
}
