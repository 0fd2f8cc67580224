import type { Metadata } from "next";
import { AccountForm } from "@/components/AccountForm";
import { changeOwnPassword, endAllOwnSessions, endOwnSession } from "@/lib/actions/own-account";
import { requireRole } from "@/lib/auth/current-user";
import { listSessionsOf } from "@/lib/queries/accounts";
import type { SearchParams } from "@/lib/url-state";

export const metadata: Metadata = { title: "Your account" };
export const dynamic = "force-dynamic";

const DONE: Record<string, string> = {
  ended: "The session was ended.",
  reset: "Your new password is set; every earlier session has ended.",
};

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
  const done = typeof query.done === "string" ? DONE[query.done] : undefined;
  return (
    <section className="narrow">
      <h1>Your account</h1>
      <p className="lede">
        {user.name} ({user.email}), {user.role}.
      </p>
      {done ? (
        <p className="notice" role="status">
          {done}
        </p>
      ) : null}
      <h2>Active sessions</h2>
      <table data-testid="sessions">
        <thead>
          <tr>
            <th scope="col">Signed in</th>
            <th scope="col">Last seen</th>
            <th scope="col">Ends at the latest</th>
            <th scope="col">Browser</th>
            <th scope="col">Address</th>
            <th scope="col">
              <span className="visually-hidden">End</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {sessions.map((session) => (
            <tr key={session.id}>
              <td>{when(session.createdAt)}</td>
              <td>{when(session.lastSeenAt)}</td>
              <td>{when(session.expiresAt)}</td>
              <td>{session.userAgent?.slice(0, 80) ?? "unknown"}</td>
              <td>{session.address ?? "unknown"}</td>
              <td>
                {session.id === user.sessionId ? (
                  "this browser"
                ) : (
                  <form action={endOwnSession}>
                    <input type="hidden" name="sessionId" value={session.id} />
                    <button type="submit" className="link-button">
                      End this session
                    </button>
                  </form>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form action={endAllOwnSessions}>
        <button type="submit">Sign out everywhere</button>
      </form>
      <h2>Change your password</h2>
      <AccountForm
        action={changeOwnPassword}
        testId="change-password"
        submitLabel="Change the password"
        fields={[
          {
            name: "current",
            label: "Current password",
            type: "password",
            autoComplete: "current-password",
          },
          {
            name: "next",
            label: "New password",
            type: "password",
            autoComplete: "new-password",
            hint: "At least 12 characters; not a common password. Your other sessions end.",
          },
        ]}
      />
    </section>
  );
}
