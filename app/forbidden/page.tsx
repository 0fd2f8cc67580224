import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "@/i18n/messages";
import { currentUser } from "@/lib/auth/current-user";
import type { SearchParams } from "@/lib/url-state";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("ForbiddenPage"))("title") };
}

export default async function ForbiddenPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const need = (await searchParams).need;
  const user = await currentUser();
  const t = await getTranslations("ForbiddenPage");
  const roles = await getTranslations("Roles");
  return (
    <section className="narrow">
      <h1>{t("title")}</h1>
      <p className="lede">
        {user ? t("signedInAs", { name: user.name, role: roles(user.role) }) : ""}
        {need === "editor" || need === "admin"
          ? t("needs", { role: roles(need) })
          : t("notAllowed")}
      </p>
      <p>
        <Link href="/">{t("back")}</Link>
      </p>
    </section>
  );
}
