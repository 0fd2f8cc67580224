import type { Metadata } from "next";
import { AccountForm } from "@/components/AccountForm";
import { resetPasswordWithLink } from "@/lib/actions/account-links";
import { linkIsUsable } from "@/lib/queries/accounts";

export const metadata: Metadata = { title: "Choose a new password", referrer: "no-referrer" };
export const dynamic = "force-dynamic";

export default async function ResetPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const link = await linkIsUsable("reset", token);
  if (!link) {
    return (
      <section className="narrow">
        <h1>Password reset</h1>
        <p className="lede">
          This reset link is not valid: it was used already, has expired or never existed. Ask an
          admin for a new one.
        </p>
      </section>
    );
  }
  return (
    <section className="narrow">
      <h1>Choose a new password for {link.email}</h1>
      <AccountForm
        action={resetPasswordWithLink.bind(null, token)}
        testId="reset"
        submitLabel="Set the password"
        fields={[
          {
            name: "password",
            label: "New password",
            type: "password",
            autoComplete: "new-password",
            hint: "At least 12 characters; not a common password. Every session of the account ends.",
          },
        ]}
      />
    </section>
  );
}
