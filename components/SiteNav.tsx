import Link from "next/link";
import { signOut } from "@/lib/actions/sign-out";
import { canEdit, currentUser } from "@/lib/auth/current-user";

/** The header's links; signed-in people see who they are, their account and a way out. */
export async function SiteNav() {
  const user = await currentUser();
  const editor = canEdit(user);
  return (
    <nav aria-label="Site">
      <Link href="/">Overview</Link>
      {editor ? <Link href="/quarters/new">Add a quarter</Link> : null}
      <Link href="/compare">Compare</Link>
      <Link href="/claims">Claims</Link>
      {editor ? <Link href="/import">Import CSV</Link> : null}
      {user?.role === "admin" ? <Link href="/admin/accounts">Accounts</Link> : null}
      {user?.role === "admin" ? <Link href="/admin/audit">Audit log</Link> : null}
      {user ? (
        <form action={signOut} className="inline-form">
          <Link href="/account" className="site-header__who">
            Signed in as {user.name}
          </Link>{" "}
          <button type="submit" className="link-button">
            Sign out
          </button>
        </form>
      ) : (
        <Link href="/login">Sign in</Link>
      )}
    </nav>
  );
}
