import type { Metadata } from "next";
import { AccountForm } from "@/components/AccountForm";
import { getTranslations } from "@/i18n/messages";
import { changeOwnPassword, endAllOwnSessions, endOwnSession } from "@/lib/actions/own-account";
import { requireRole } from "@/lib/auth/current-user";
import { listSessionsOf } from "@/lib/queries/accounts";
import type { SearchParams } from "@/lib/url-state";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("AccountPage"))("title") };
}
export const dynamic = "force-dynamic";

const DONE = ["ended", "reset"] as const;

function when(iso: string): string {
  return `${iso.slice(0, 16).replace("T", " ")} UTC`;
}

export default async function AccountPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const user = await requireRole("viewer", "/account");
  const [sessions, query] = await Promise.all([listSessionsOf(user.id), searchParams]);
  const done = DONE.find((code) => code === query.done);
  const t = await getTranslations("AccountPage");
  const form = await getTranslations("AccountForm");
  const roles = await getTranslations("Roles");
  return (
    <section className="narrow">
      <h1>{t("title")}</h1>
      <p className="lede">
        {t("who", { name: user.name, email: user.email, role: roles(user.role) })}
      </p>
      {done ? (
        <p className="notice" role="status">
          {t(`done.${done}`)}
        </p>
      ) : null}
      <h2>{t("sessions")}</h2>
      <table data-testid="sessions">
        <thead>
          <tr>
            <th scope="col">{t("signedIn")}</th>
            <th scope="col">{t("lastSeen")}</th>
            <th scope="col">{t("endsAt")}</th>
            <th scope="col">{t("browser")}</th>
            <th scope="col">{t("address")}</th>
            <th scope="col">
              <span className="visually-hidden">{t("end")}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {sessions.map((session) => (
            <tr key={session.id}>
              <td>{when(session.createdAt)}</td>
              <td>{when(session.lastSeenAt)}</td>
              <td>{when(session.expiresAt)}</td>
              <td>{session.userAgent?.slice(0, 80) ?? t("unknown")}</td>
              <td>{session.address ?? t("unknown")}</td>
              <td>
                {session.id === user.sessionId ? (
                  t("thisBrowser")
                ) : (
                  <form action={endOwnSession}>
                    <input type="hidden" name="sessionId" value={session.id} />
                    <button type="submit" className="link-button">
                      {t("endSession")}
                    </button>
                  </form>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form action={endAllOwnSessions}>
        <button type="submit">{t("signOutEverywhere")}</button>
      </form>
      <h2>{t("changePassword")}</h2>
      <AccountForm
        action={changeOwnPassword}
        testId="change-password"
        submitLabel={t("submit")}
        words={{ validUntil: form.raw("validUntil") }}
        fields={[
          {
            name: "current",
            label: t("currentPassword"),
            type: "password",
            autoComplete: "current-password",
          },
          {
            name: "next",
            label: t("newPassword"),
            type: "password",
            autoComplete: "new-password",
            hint: t("passwordHint"),
          },
        ]}
      />
    </section>
  );
}
