import { useTranslations } from "@/i18n/messages";
import type { CompareTable } from "@/lib/domain/compare";
import type { CompareView } from "@/lib/queries/compare-view";
import type { ComparePageView } from "@/lib/view-models/compare-page";

/**
 * What a reader must know before reading the chart: the formula of every derived metric shown,
 * and each series that has no value (and why) or carries a note.
 */
export function CompareNotes({
  series,
  empty,
  derivedShown,
  notes,
}: {
  series: CompareView["series"];
  empty: ComparePageView["empty"];
  derivedShown: ComparePageView["derivedShown"];
  notes: CompareTable["notes"];
}) {
  const t = useTranslations("Compare");
  const words = useTranslations("CompareNotes");
  return (
    <>
      {derivedShown.length > 0 ? (
        <section aria-labelledby="formulas-heading" className="formulas">
          <h2 id="formulas-heading">{t("formulas")}</h2>
          <dl>
            {derivedShown.map((definition) => (
              <div key={definition.key} data-testid={`formula-${definition.key}`}>
                <dt>
                  {definition.label} ({definition.unit})
                </dt>
                <dd>
                  <code>{definition.formula}</code>. {definition.definition}
                  {t("gapRule")}
                </dd>
              </div>
            ))}
          </dl>
        </section>
      ) : null}

      {empty.length > 0 || notes.length > 0 ? (
        <ul className="notice notice--info series-notes" data-testid="series-notes">
          {empty.map((entry) => (
            <li key={entry.id}>
              {words("empty", {
                series: entry.label,
                detail:
                  entry.derived && entry.derived.gaps.length > 0
                    ? words(entry.derived.gaps.length > 1 ? "gapMore" : "gap", {
                        reason: entry.derived.gaps[0]?.reason ?? "",
                      })
                    : words("noFigures"),
              })}
            </li>
          ))}
          {notes.map((note) => (
            <li key={note.seriesId}>
              {words("note", {
                series: series.find((entry) => entry.id === note.seriesId)?.label ?? "",
                note: note.note,
              })}
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}
