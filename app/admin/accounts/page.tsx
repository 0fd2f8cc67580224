import type { Metadata } from "next";
import { AccountForm } from "@/components/AccountForm";
import { ResetLinkButton } from "@/components/ResetLinkButton";
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

export const metadata: Metadata = { title: "Accounts" };
export const dynamic = "force-dynamic";

const DONE: Record<string, string> = {
  role: "Role changed. The account's sessions ended; it signs in again with the new role.",
  deactivated: "Account deactivated. Its sessions ended at once.",
  reactivated: "Account reactivated.",
};

export default async function AccountsPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const admin = await requireRole("admin", "/admin/accounts");
  const [accounts, query] = await Promise.all([listAccounts(), searchParams]);
  const done = typeof query.done === "string" ? DONE[query.done] : undefined;
  const problem = typeof query.problem === "string" ? query.problem.slice(0, 300) : undefined;
  return (
    <>
      <h1>Accounts</h1>
      {done ? (
        <p className="notice" role="status">
          {done}
        </p>
      ) : null}
      {problem ? (
        <p className="field-error" role="alert">
          {problem}
        </p>
      ) : null}
      <h2>Invite someone</h2>
      <p className="lede">
        Pulse sends no mail: the invitation is a one-time link, shown here for you to pass on.
      </p>
      <AccountForm
        action={inviteAccount}
        testId="invite-form"
        submitLabel="Create the invitation"
        fields={[
          { name: "email", label: "Email", type: "email" },
          { name: "name", label: "Name" },
          { name: "role", label: "Role", type: "select", options: ROLES, defaultValue: "editor" },
        ]}
      />
      <h2>People</h2>
      <table data-testid="accounts">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Email</th>
            <th scope="col">Role</th>
            <th scope="col">Status</th>
            <th scope="col">Sessions</th>
            <th scope="col">Actions</th>
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
                    Role of {account.email}
                  </label>
                  <select id={`role-${account.id}`} name="role" defaultValue={account.role}>
                    {ROLES.map((role) => (
                      <option key={role} value={role}>
                        {role}
                      </option>
                    ))}
                  </select>{" "}
                  <button
                    type="submit"
                    className="link-button"
                    aria-label={`Change the role of ${account.email}`}
                  >
                    Change
                  </button>
                </form>
              </td>
              <td>{account.active ? "active" : "deactivated"}</td>
              <td>{account.activeSessions}</td>
              <td>
                {account.id === admin.id ? null : (
                  <form action={changeActive} className="inline-form">
                    <input type="hidden" name="userId" value={account.id} />
                    <input type="hidden" name="active" value={account.active ? "false" : "true"} />
                    <button
                      type="submit"
                      className="link-button"
                      aria-label={`${account.active ? "Deactivate" : "Reactivate"} ${account.email}`}
                    >
                      {account.active ? "Deactivate" : "Reactivate"}
                    </button>
                  </form>
                )}{" "}
                <ResetLinkButton
                  action={issueResetLink.bind(null, account.id)}
                  label={`Password-reset link for ${account.email}`}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
