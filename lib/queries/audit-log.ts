import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { getReadDb } from "@/lib/db";
import { AUDIT_PAGE_SIZE, type AuditFilter } from "@/lib/domain/audit-filter";

export interface AuditEntryDTO {
  id: number;
  at: string;
  actor: string;
  actorId: string | null;
  action: string;
  entity: string;
  entityKey: string;
  before: string | null;
  after: string | null;
  /** The slug of the brand whose pages the write changed; null when it may change any page. */
  brand: string | null;
}

/**
 * What the filters name that does not exist: a brand slug no brand has is a mistake to say, not a
 * filter that silently matches nothing. The export answers it with a 400, the page lists it.
 */
export async function auditFilterProblems(
  filter: AuditFilter,
): Promise<{ param: string; message: string }[]> {
  if (!filter.brand) return [];
  const brand = await getReadDb().brand.findUnique({
    where: { slug: filter.brand },
    select: { id: true },
  });
  return brand ? [] : [{ param: "brand", message: `has no brand "${filter.brand}"` }];
}

async function whereOf(filter: AuditFilter): Promise<Prisma.AuditEntryWhereInput> {
  const and: Prisma.AuditEntryWhereInput[] = [];
  if (filter.person === "system") and.push({ actorId: null });
  else if (filter.person) and.push({ actorId: filter.person });
  if (filter.action) and.push({ action: filter.action });
  if (filter.from) and.push({ at: { gte: new Date(`${filter.from}T00:00:00Z`) } });
  if (filter.to)
    and.push({ at: { lt: new Date(Date.parse(`${filter.to}T00:00:00Z`) + 86_400_000) } });
  if (filter.brand) {
    const [brand, events] = await Promise.all([
      getReadDb().brand.findUnique({ where: { slug: filter.brand }, select: { id: true } }),
      getReadDb().event.findMany({
        where: { brand: { slug: filter.brand } },
        distinct: ["uid"],
        select: { uid: true },
      }),
    ]);
    // brandId names the brand of every write since the column exists; older entries are found
    // by what they wrote (a figure's key starts with the slug, an event by its uid).
    and.push({
      OR: [
        ...(brand ? [{ brandId: brand.id }] : []),
        { entity: "observation", entityKey: { startsWith: `${filter.brand}/` } },
        { entity: "event", entityKey: { in: events.map((event) => event.uid) } },
      ],
    });
  }
  return { AND: and };
}

interface AuditRow {
  id: number;
  at: Date;
  actor: string;
  actorId: string | null;
  action: string;
  entity: string;
  entityKey: string;
  before: string | null;
  after: string | null;
  brandId: number | null;
}

/** Rows as DTOs, each with its brand's slug (a brand since deleted shows none). */
async function toDTOs(rows: readonly AuditRow[]): Promise<AuditEntryDTO[]> {
  const ids = [...new Set(rows.map((row) => row.brandId).filter((id) => id !== null))];
  const brands =
    ids.length === 0
      ? []
      : await getReadDb().brand.findMany({
          where: { id: { in: ids } },
          select: { id: true, slug: true },
        });
  const slugs = new Map(brands.map((brand) => [brand.id, brand.slug]));
  return rows.map(({ brandId, ...row }) => ({
    ...row,
    at: row.at.toISOString(),
    brand: brandId === null ? null : (slugs.get(brandId) ?? null),
  }));
}

/** One page of the audit log, newest first, and the total count under the filters. */
export async function listAuditEntries(
  filter: AuditFilter,
): Promise<{ entries: AuditEntryDTO[]; total: number }> {
  const where = await whereOf(filter);
  const db = getReadDb();
  const [rows, total] = await Promise.all([
    db.auditEntry.findMany({
      where,
      orderBy: { id: "desc" },
      skip: (filter.page - 1) * AUDIT_PAGE_SIZE,
      take: AUDIT_PAGE_SIZE,
    }),
    db.auditEntry.count({ where }),
  ]);
  return { entries: await toDTOs(rows), total };
}

/** Every entry under the filters, newest first, in batches (for the CSV export). */
export async function* allAuditEntries(filter: AuditFilter): AsyncGenerator<AuditEntryDTO[]> {
  const where = await whereOf(filter);
  let before: number | undefined;
  for (;;) {
    const rows = await getReadDb().auditEntry.findMany({
      where: before === undefined ? where : { AND: [where, { id: { lt: before } }] },
      orderBy: { id: "desc" },
      take: 1000,
    });
    if (rows.length === 0) return;
    yield await toDTOs(rows);
    before = rows[rows.length - 1]?.id;
  }
}

/** The people who appear in the audit log, for the filter's choices. */
export async function listAuditPeople(): Promise<{ id: string; name: string }[]> {
  const users = await getReadDb().user.findMany({
    orderBy: { name: "asc" },
    select: { id: true, name: true, email: true },
  });
  return users.map((user) => ({ id: user.id, name: `${user.name} (${user.email})` }));
}
