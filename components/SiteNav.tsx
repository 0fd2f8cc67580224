import Link from "next/link";
import { getTranslations } from "@/i18n/messages";
import { signOut } from "@/lib/actions/sign-out";
import { canEdit, currentUser } from "@/lib/auth/current-user";

/** The header's links; signed-in people see who they are, their account and a way out. */
export async function SiteNav() {
  const user = await currentUser();
  const editor = canEdit(user);
  const t = await getTranslations("SiteNav");
  return (
    <nav aria-label={t("label")}>
      <Link href="/">{t("overview")}</Link>
      {editor ? <Link href="/quarters/new">{t("addQuarter")}</Link> : null}
      <Link href="/compare">{t("compare")}</Link>
      <Link href="/claims">{t("claims")}</Link>
      {editor ? <Link href="/import">{t("import")}</Link> : null}
      {user?.role === "admin" ? <Link href="/admin/accounts">{t("accounts")}</Link> : null}
      {user?.role === "admin" ? <Link href="/admin/audit">{t("audit")}</Link> : null}
      {user ? (
        <form action={signOut} className="inline-form">
          <Link href="/account" className="site-header__who">
            {t("signedInAs", { name: user.name })}
          </Link>{" "}
          <button type="submit" className="link-button">
            {t("signOut")}
          </button>
        </form>
      ) : (
        <Link href="/login">{t("signIn")}</Link>
      )}
    </nav>
  );
}
