/**
 * What is derived from data that cannot change, kept beside it. The read memo
 * (`memoByVersion`, lib/queries/data-version.ts) hands every request of one data version the same
 * frozen series, so what a page derives from them alone (rows, signals, the Chinese labels) was
 * derived again on every signed-in render, a third of a metric page's CPU (bench/NOTES.md,
 * issue 12). Only a frozen source is kept: what can still change is derived afresh. Keyed weakly,
 * so a new data version's arrays replace the old ones without a bound to tune; `variant` names
 * whatever else the result depends on, from a small set (a locale, a kind, a day).
 */
/** Freezes a value and everything it holds: what requests share, none may change in place. */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

const derived = new WeakMap<object, Map<string, unknown>>();

/** `derive(source)`, deeply frozen, once per frozen source and variant. */
export function derivedFrom<S extends object, R>(
  source: S,
  variant: string,
  derive: (source: S) => R,
): R {
  if (!Object.isFrozen(source)) return derive(source);
  let variants = derived.get(source);
  if (!variants) {
    variants = new Map();
    derived.set(source, variants);
  }
  if (variants.has(variant)) return variants.get(variant) as R;
  const result = deepFreeze(derive(source));
  variants.set(variant, result);
  return result;
}
