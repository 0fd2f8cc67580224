/**
 * The charts are client components and no catalog is sent to the browser: their server parent
 * hands them their namespace of the catalog (messages/*.charts-signals.json) as a prop, and the
 * few words that carry a value are filled in by `fill` (i18n/fill.ts). Only `{name}` placeholders: plurals and the
 * like stay in server components, which format with next-intl.
 */
export type ChartText<Keys extends string> = Readonly<Record<Keys, string>>;
