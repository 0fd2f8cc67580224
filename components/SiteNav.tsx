import Link from "next/link";
import { signOut } from "@/lib/actions/sign-out";
import { getEditorSession } from "@/lib/auth/session";

/** The header's links; editors see who they are signed in as and a way out. */
export async function SiteNav() {
  const session = await getEditorSession();
  return (
    <nav aria-label="Site">
      <Link href="/">Overview</Link>
      {session ? <Link href="/quarters/new">Add a quarter</Link> : null}
      <Link href="/compare">Compare</Link>
      <Link href="/claims">Claims</Link>
      {session ? <Link href="/import">Import CSV</Link> : null}
      {session ? (
        <form action={signOut} className="inline-form">
          <span className="site-header__who">Signed in as {session.name}</span>{" "}
          <button type="submit" className="link-button">
            Sign out
          </button>
        </form>
      ) : (
        <Link href="/login">Editor sign-in</Link>
      )}
    </nav>
  );
}
