import { writeRoute } from "@/lib/auth/write";
import { escapeTextCell } from "@/lib/csv/cells";
import { csvReadableStream, stringifyRecords } from "@/lib/csv/csv-stream";
import { parseAuditFilter } from "@/lib/domain/audit-filter";
import { AppError } from "@/lib/errors";
import { type AuditEntryDTO, allAuditEntries, auditFilterProblems } from "@/lib/queries/audit-log";

export const dynamic = "force-dynamic";

const HEADER = [
  "id",
  "at",
  "actor_id",
  "actor",
  "action",
  "entity",
  "entity_key",
  "before",
  "after",
];

function record(entry: AuditEntryDTO): string[] {
  return [
    String(entry.id),
    entry.at,
    escapeTextCell(entry.actorId ?? ""),
    escapeTextCell(entry.actor),
    escapeTextCell(entry.action),
    escapeTextCell(entry.entity),
    escapeTextCell(entry.entityKey),
    escapeTextCell(entry.before ?? ""),
    escapeTextCell(entry.after ?? ""),
  ];
}

async function* chunks(filter: Parameters<typeof allAuditEntries>[0]): AsyncGenerator<string> {
  for await (const batch of allAuditEntries(filter)) yield stringifyRecords(batch.map(record));
}

/** `GET /admin/audit/export?person=&brand=&action=&from=&to=`: the filtered log as CSV (admins). */
export const GET = writeRoute({ role: "admin" }, async ({ request }) => {
  const parsed = parseAuditFilter(Object.fromEntries(new URL(request.url).searchParams));
  const problems = parsed.ok ? await auditFilterProblems(parsed.filter) : parsed.problems;
  if (!parsed.ok || problems.length > 0) {
    const said = problems.map((problem) => `${problem.param} ${problem.message}`);
    throw new AppError("invalid_input", `${said.join("; ")}.`);
  }
  return new Response(csvReadableStream(HEADER, chunks(parsed.filter), { bom: false }), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": 'attachment; filename="pulse-audit-log.csv"',
      "cache-control": "no-store",
    },
  });
});
