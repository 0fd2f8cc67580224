import type { Metadata } from "next";
import Link from "next/link";
import { currentUser } from "@/lib/auth/current-user";
import type { SearchParams } from "@/lib/url-state";

export const metadata: Metadata = { title: "Not allowed" };

export default async function ForbiddenPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const need = (await searchParams).need;
  const user = await currentUser();
  return (
    <section className="narrow">
      <h1>Not allowed</h1>
      <p className="lede">
        {user ? `You are signed in as ${user.name}, a ${user.role}. ` : ""}
        {typeof need === "string" && ["editor", "admin"].includes(need)
          ? `This page needs the ${need} role; an admin can give it to you.`
          : "Your role does not allow this page."}
      </p>
      <p>
        <Link href="/">Back to the overview</Link>
      </p>
    </section>
  );
}
