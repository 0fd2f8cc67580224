import Link from "next/link";
import type { QuarterCode } from "@/lib/domain/quarter";
import { QuarterSelect } from "./QuarterSelect";

/** The quarter range as a GET form: it works without JavaScript and lands in the URL. */
export function RangeForm({
  action,
  quarters,
  from,
  to,
  hidden,
  resetHref,
}: {
  action: string;
  quarters: readonly QuarterCode[];
  from: QuarterCode | null;
  to: QuarterCode | null;
  hidden: Record<string, string>;
  resetHref: string;
}) {
  return (
    <form className="range-form" action={action} method="get" aria-label="Quarter range">
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <QuarterSelect
        label="From"
        name="from"
        value={from}
        emptyLabel="first quarter"
        quarters={quarters}
      />
      <QuarterSelect
        label="To"
        name="to"
        value={to}
        emptyLabel="latest quarter"
        quarters={quarters}
      />
      <button type="submit">Apply</button>
      {from || to ? <Link href={resetHref}>All quarters</Link> : null}
    </form>
  );
}
