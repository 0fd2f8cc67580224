/**
 * Limits that more than one module must agree on, each defined once. Pure constants: safe to
 * import from the proxy, next.config.ts, scripts and client code alike.
 */

/** How long a SQLite connection waits for another connection's lock before failing (busy_timeout). */
export const BUSY_TIMEOUT_MS = 5_000;

/**
 * Bodies of the app's own forms (server actions), refused above this by the proxy with a 413
 * that says why: Next would answer an oversized server-action body with a bare 500.
 */
export const FORM_BODY_LIMIT_BYTES = 1024 * 1024;

/**
 * The CSV import form's body (next.config `serverActions.bodySizeLimit` and the proxy). Files
 * themselves take at most MAX_IMPORT_BYTES (5 MB, lib/csv/import-file.ts); the margin lets a
 * slightly larger file reach the action and get its specific message.
 */
export const IMPORT_FORM_BODY_LIMIT_BYTES = 8 * 1024 * 1024;

/**
 * How long a PostgreSQL query waits for a free connection in the pool before failing. pg's pool
 * waits forever by default, and Prisma's `maxWait` does not reach the driver adapter's pool, so
 * without this a burst beyond the pool's size would hang requests instead of failing them.
 */
export const POSTGRES_POOL_WAIT_MS = 10_000;

/**
 * Up to this many brands the brand switcher (components/BrandSwitcher.tsx) is a list to pick
 * from. Beyond it, every option would be rendered twice (HTML and RSC payload) into every page
 * that has a switcher: about 27 KB for 200 brands, more than the overview's whole margin under
 * its size limit (issue 12). Then it is a field for the brand's short name, with every brand one
 * click away on /catalog.
 */
export const BRAND_PICK_LIST_LIMIT = 30;
