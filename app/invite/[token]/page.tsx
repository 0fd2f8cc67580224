import type { Metadata } from "next";
import { AccountForm } from "@/components/AccountForm";
import { getTranslations } from "@/i18n/messages";
import { acceptInvitation } from "@/lib/actions/account-links";
import { isRole } from "@/lib/auth/settings";
import { linkIsUsable } from "@/lib/queries/accounts";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("InvitePage"))("title"), referrer: "no-referrer" };
}
export const dynamic = "force-dynamic";

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invitation = await linkIsUsable("invite", token);
  const t = await getTranslations("InvitePage");
  const form = await getTranslations("AccountForm");
  const roles = await getTranslations("Roles");
  if (!invitation) {
    return (
      <section className="narrow">
        <h1>{t("invalidHeading")}</h1>
        <p className="lede">{t("invalid")}</p>
      </section>
    );
  }
  return (
    <section className="narrow">
      <h1>{t("heading")}</h1>
      <p className="lede">
        {t("invited", {
          email: invitation.email ?? "",
          role: isRole(invitation.role) ? roles(invitation.role) : (invitation.role ?? ""),
        })}
      </p>
      <AccountForm
        action={acceptInvitation.bind(null, token)}
        testId="invite"
        submitLabel={t("submit")}
        words={{ validUntil: form.raw("validUntil") }}
        fields={[
          {
            name: "name",
            label: form("yourName"),
            autoComplete: "name",
            defaultValue: invitation.name ?? "",
          },
          {
            name: "password",
            label: form("password"),
            type: "password",
            autoComplete: "new-password",
            hint: form("passwordHint"),
          },
        ]}
      />
    </section>
  );
}
