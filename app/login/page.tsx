import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/SignInForm";
import { getTranslations } from "@/i18n/messages";
import { safeNextPath } from "@/lib/actions/safe-redirect";
import { currentUser } from "@/lib/auth/current-user";
import { publicRead } from "@/lib/auth/settings";
import type { SearchParams } from "@/lib/url-state";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("LoginPage"))("title") };
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const next = safeNextPath((await searchParams).next);
  if (await currentUser()) redirect(next);
  const t = await getTranslations("LoginPage");
  const words = await getTranslations("SignInForm");
  return (
    <section className="narrow">
      <h1>{t("title")}</h1>
      <p className="lede">{publicRead() ? t("publicRead") : t("private")}</p>
      <SignInForm
        next={next}
        words={{
          email: words("email"),
          password: words("password"),
          submit: words("submit"),
          pending: words("pending"),
        }}
      />
    </section>
  );
}
