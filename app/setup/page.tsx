import type { Metadata } from "next";
import { AccountForm } from "@/components/AccountForm";
import { getTranslations } from "@/i18n/messages";
import { completeSetup } from "@/lib/actions/account-links";
import { linkIsUsable } from "@/lib/queries/accounts";
import type { SearchParams } from "@/lib/url-state";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("SetupPage"))("title") };
}
export const dynamic = "force-dynamic";

/** The first admin, from the one-time link `npm start` printed when no admin existed. */
export default async function SetupPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const token = (await searchParams).token;
  const usable = typeof token === "string" ? await linkIsUsable("setup", token) : null;
  const t = await getTranslations("SetupPage");
  const form = await getTranslations("AccountForm");
  if (typeof token !== "string" || !usable) {
    return (
      <section className="narrow">
        <h1>{t("title")}</h1>
        <p className="lede">{t("invalid")}</p>
      </section>
    );
  }
  return (
    <section className="narrow">
      <h1>{t("heading")}</h1>
      <AccountForm
        action={completeSetup.bind(null, token)}
        testId="setup"
        submitLabel={t("submit")}
        words={{ validUntil: form.raw("validUntil") }}
        fields={[
          { name: "email", label: form("email"), type: "email", autoComplete: "username" },
          { name: "name", label: form("yourName"), autoComplete: "name" },
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
