import type { Metadata } from "next";
import { AccountForm } from "@/components/AccountForm";
import { getTranslations } from "@/i18n/messages";
import { resetPasswordWithLink } from "@/lib/actions/account-links";
import { linkIsUsable } from "@/lib/queries/accounts";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("ResetPage"))("title"), referrer: "no-referrer" };
}
export const dynamic = "force-dynamic";

export default async function ResetPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const link = await linkIsUsable("reset", token);
  const t = await getTranslations("ResetPage");
  const form = await getTranslations("AccountForm");
  if (!link) {
    return (
      <section className="narrow">
        <h1>{t("invalidHeading")}</h1>
        <p className="lede">{t("invalid")}</p>
      </section>
    );
  }
  return (
    <section className="narrow">
      <h1>{t("heading", { email: link.email ?? "" })}</h1>
      <AccountForm
        action={resetPasswordWithLink.bind(null, token)}
        testId="reset"
        submitLabel={t("submit")}
        words={{ validUntil: form.raw("validUntil") }}
        fields={[
          {
            name: "password",
            label: form("newPassword"),
            type: "password",
            autoComplete: "new-password",
            hint: t("hint"),
          },
        ]}
      />
    </section>
  );
}
