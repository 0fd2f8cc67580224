import type { Metadata } from "next";
import { AccountForm } from "@/components/AccountForm";
import { ResetLinkButton } from "@/components/ResetLinkButton";
import { getTranslations } from "@/i18n/messages";
import {
  changeActive,
  changeRole,
  inviteAccount,
  issueResetLink,
} from "@/lib/actions/admin-accounts";
import { requireRole } from "@/lib/auth/current-user";
import { ROLES } from "@/lib/auth/settings";
import { listAccounts } from "@/lib/queries/accounts";
import type { SearchParams } from "@/lib/url-state";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("AdminAccountsPage"))("title") };
}
export const dynamic = "force-dynamic";

const DONE = ["role", "deactivated", "reactivated"] as const;

export default async function AccountsPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const admin = await requireRole("admin", "/admin/accounts");
  const [accounts, query] = await Promise.all([listAccounts(), searchParams]);
  const done = DONE.find((code) => code === query.done);
  const t = await getTranslations("AdminAccountsPage");
  const form = await getTranslations("AccountForm");
  const roles = await getTranslations("Roles");
  const reset = await getTranslations("ResetLinkButton");
  const roleOptions = ROLES.map((role) => ({ value: role, label: roles(role) }));
  const problem = typeof query.problem === "string" ? query.problem.slice(0, 300) : undefined;
  return (
    <>
      <h1>{t("title")}</h1>
      {done ? (
        <p className="notice" role="status">
          {t(`done.${done}`)}
        </p>
      ) : null}
      {problem ? (
        <p className="field-error" role="alert">
          {problem}
        </p>
      ) : null}
      <h2>{t("invite")}</h2>
      <p className="lede">{t("noMail")}</p>
      <AccountForm
        action={inviteAccount}
        testId="invite-form"
        submitLabel={t("submitInvite")}
        words={{ validUntil: form.raw("validUntil") }}
        fields={[
          { name: "email", label: t("email"), type: "email" },
          { name: "name", label: t("name") },
          {
            name: "role",
            label: t("role"),
            type: "select",
            options: roleOptions,
            defaultValue: "editor",
          },
        ]}
      />
      <h2>{t("people")}</h2>
      <table data-testid="accounts">
        <thead>
          <tr>
            <th scope="col">{t("name")}</th>
            <th scope="col">{t("email")}</th>
            <th scope="col">{t("role")}</th>
            <th scope="col">{t("status")}</th>
            <th scope="col">{t("sessions")}</th>
            <th scope="col">{t("actions")}</th>
          </tr>
        </thead>
        <tbody>
          {accounts.map((account) => (
            <tr key={account.id} data-email={account.email}>
              <td>{account.name}</td>
              <td>{account.email}</td>
              <td>
                <form action={changeRole} className="inline-form">
                  <input type="hidden" name="userId" value={account.id} />
                  <label className="visually-hidden" htmlFor={`role-${account.id}`}>
                    {t("roleOf", { email: account.email })}
                  </label>
                  <select id={`role-${account.id}`} name="role" defaultValue={account.role}>
                    {roleOptions.map((role) => (
                      <option key={role.value} value={role.value}>
                        {role.label}
                      </option>
                    ))}
                  </select>{" "}
                  <button
                    type="submit"
                    className="link-button"
                    aria-label={t("changeRoleOf", { email: account.email })}
                  >
                    {t("change")}
                  </button>
                </form>
              </td>
              <td>{account.active ? t("active") : t("deactivated")}</td>
              <td>{account.activeSessions}</td>
              <td>
                {account.id === admin.id ? null : (
                  <form action={changeActive} className="inline-form">
                    <input type="hidden" name="userId" value={account.id} />
                    <input type="hidden" name="active" value={account.active ? "false" : "true"} />
                    <button
                      type="submit"
                      className="link-button"
                      aria-label={t(account.active ? "deactivateWho" : "reactivateWho", {
                        email: account.email,
                      })}
                    >
                      {account.active ? t("deactivate") : t("reactivate")}
                    </button>
                  </form>
                )}{" "}
                <ResetLinkButton
                  action={issueResetLink.bind(null, account.id)}
                  label={t("resetLinkFor", { email: account.email })}
                  words={{ button: reset("button"), until: reset.raw("until") }}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
