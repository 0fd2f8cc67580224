import pg from "pg";

const NAME = 19;
const CHAR = 18;
const TEXT = 25;

// `name` is missing from pg-types' list of type ids, though the server sends it.
type TypeId = Parameters<typeof pg.types.setTypeParser>[0];
pg.types.setTypeParser(NAME as TypeId, (value: string) => value);
pg.types.setTypeParser(CHAR as TypeId, (value: string) => value);

/**
 * A pool for the Prisma CLI only. Prisma 6's PostgreSQL adapter cannot read the catalog types
 * `name` and `"char"` (prisma/orm#27403, fixed in Prisma 7, which cannot run offline here), and the
 * schema engine's introspection reads both: reporting them as text is enough. The app's own
 * queries never read those types, so its client uses a plain PrismaPg.
 */
export class CatalogSafePool extends pg.Pool {
  // pg.Pool's query has many overloads; this forwards whatever it is given.
  // biome-ignore lint/suspicious/noExplicitAny: the overloads of pg.Pool#query cannot be named
  override async query(...args: any[]): Promise<any> {
    const result = await (super.query as (...a: unknown[]) => Promise<pg.QueryResult>)(...args);
    for (const field of result?.fields ?? []) {
      if (field.dataTypeID === NAME || field.dataTypeID === CHAR) field.dataTypeID = TEXT;
    }
    return result;
  }
}
