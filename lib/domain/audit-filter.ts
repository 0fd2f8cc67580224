/**
 * The audit log's filters, from the query string of /admin/audit and its CSV export: person
 * (an account id, or "system" for seed and scripts), brand slug, action, date range, page.
 */
import { z } from "zod";

const DateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: "must be a date like 2025-10-31" })
  .refine((text) => !Number.isNaN(Date.parse(`${text}T00:00:00Z`)), { message: "is not a date" });

export const AUDIT_PAGE_SIZE = 50;

export const AuditFilterSchema = z.object({
  person: z.string().max(100).optional(),
  brand: z
    .string()
    .regex(/^[a-z0-9-]{1,60}$/, { message: "must be a brand slug" })
    .optional(),
  action: z
    .string()
    .regex(/^[a-z]{1,20}$/, { message: "must be an action name" })
    .optional(),
  from: DateSchema.optional(),
  to: DateSchema.optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
});

export type AuditFilter = z.infer<typeof AuditFilterSchema>;

/** Reads the filters, ignoring empty fields (an unfilled form field sends ""). */
export function parseAuditFilter(
  params: Record<string, string | string[] | undefined>,
):
  | { ok: true; filter: AuditFilter }
  | { ok: false; problems: { param: string; message: string }[] } {
  const single: Record<string, string> = {};
  for (const [key, value] of Object.entries(params)) {
    const text = Array.isArray(value) ? value[0] : value;
    if (text !== undefined && text !== "") single[key] = text;
  }
  const parsed = AuditFilterSchema.safeParse(single);
  if (parsed.success) return { ok: true, filter: parsed.data };
  return {
    ok: false,
    problems: parsed.error.issues.map((issue) => ({
      param: String(issue.path[0]),
      message: issue.message,
    })),
  };
}

/** The filters as a query string (without the page), for links and the export. */
export function auditFilterQuery(filter: AuditFilter, extra: Record<string, string> = {}): string {
  const entries = Object.entries({
    person: filter.person,
    brand: filter.brand,
    action: filter.action,
    from: filter.from,
    to: filter.to,
    ...extra,
  }).filter((entry): entry is [string, string] => typeof entry[1] === "string" && entry[1] !== "");
  return entries.length ? `?${new URLSearchParams(entries).toString()}` : "";
}
