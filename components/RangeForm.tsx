import Link from "next/link";
import { type QuarterCode, quarterLabel } from "@/lib/domain/quarter";

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
      <label>
        From{" "}
        <select name="from" defaultValue={from ?? ""}>
          <option value="">first quarter</option>
          {quarters.map((quarter) => (
            <option key={quarter} value={quarter}>
              {quarterLabel(quarter)}
            </option>
          ))}
        </select>
      </label>
      <label>
        To{" "}
        <select name="to" defaultValue={to ?? ""}>
          <option value="">latest quarter</option>
          {quarters.map((quarter) => (
            <option key={quarter} value={quarter}>
              {quarterLabel(quarter)}
            </option>
          ))}
        </select>
      </label>
      <button type="submit">Apply</button>
      {from || to ? <Link href={resetHref}>All quarters</Link> : null}
    </form>
  );
}
