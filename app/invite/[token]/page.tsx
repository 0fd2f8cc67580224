import type { Metadata } from "next";
import { AccountForm } from "@/components/AccountForm";
import { acceptInvitation } from "@/lib/actions/account-links";
import { linkIsUsable } from "@/lib/queries/accounts";

export const metadata: Metadata = { title: "Accept the invitation", referrer: "no-referrer" };
export const dynamic = "force-dynamic";

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invitation = await linkIsUsable("invite", token);
  if (!invitation) {
    return (
      <section className="narrow">
        <h1>Invitation</h1>
        <p className="lede">
          This invitation link is not valid: it was used already, has expired or never existed. Ask
          an admin for a new one.
        </p>
      </section>
    );
  }
  return (
    <section className="narrow">
      <h1>Join Pulse</h1>
      <p className="lede">
        You are invited as {invitation.email}, with the {invitation.role} role. Choose a password.
      </p>
      <AccountForm
        action={acceptInvitation.bind(null, token)}
        testId="invite"
        submitLabel="Create my account"
        fields={[
          {
            name: "name",
            label: "Your name (shown with every change you make)",
            autoComplete: "name",
            defaultValue: invitation.name ?? "",
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
