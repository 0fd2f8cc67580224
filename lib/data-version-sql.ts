/**
 * The SQL of a data version: the highest audit id among some brands' rows and the rows of no
 * brand. The page cache (server/database-probe.ts) and the queries' cross-request memo
 * (lib/queries/data-version.ts) ask the same question, so it is written once, here, free of
 * both runtimes (no `server-only`: the custom server imports it outside Next).
 */

/**
 * One statement for a page of `count` brands: each part is one seek to the end of the
 * ("brandId", id) index (the brand-less rows, then each brand's), so the cost does not grow with
 * the table. An unknown slug adds nothing: its page is a 404, which is not stored.
 * The brand-less part is an ORDER BY the index's columns, not MAX: PostgreSQL reads `IS NULL` as
 * no particular order, would walk the primary key backwards past every brand's rows to the last
 * brand-less one (96 ms over 300,000 rows after the seed's), and a sort it cannot do from the
 * primary key steers it to the index.
 */
export function brandVersionSql(count: number, placeholder: (index: number) => string): string {
  const parts = [
    `SELECT (SELECT id FROM "AuditEntry" WHERE "brandId" IS NULL ORDER BY "brandId" DESC, id DESC LIMIT 1) AS id`,
  ];
  for (let index = 0; index < count; index++) {
    parts.push(
      `SELECT MAX(id) AS id FROM "AuditEntry" WHERE "brandId" = (SELECT id FROM "Brand" WHERE slug = ${placeholder(index)})`,
    );
  }
  return `SELECT COALESCE(MAX(id), 0) AS id FROM (${parts.join(" UNION ALL ")}) AS versions`;
}
