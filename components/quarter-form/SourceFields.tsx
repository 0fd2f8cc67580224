import { QUARTER_FIELDS, SOURCE_TITLE_MAX } from "@/lib/domain/quarter-input";
import { describedBy, errorId } from "./field-helpers";
import type { FieldKit } from "./field-kit";

/** The source of a save's figures: title (required), web address, publication date. */
export function SourceFields({ field, errorText, errors }: FieldKit) {
  return (
    <fieldset className="form-section">
      <legend>Source</legend>
      <div className="field">
        <label htmlFor={QUARTER_FIELDS.sourceTitle}>Title (required)</label>
        <input
          {...field(QUARTER_FIELDS.sourceTitle)}
          maxLength={SOURCE_TITLE_MAX + 50}
          aria-describedby={describedBy(
            "source-title-hint",
            errors[QUARTER_FIELDS.sourceTitle] && errorId(QUARTER_FIELDS.sourceTitle),
          )}
        />
        <p className="field-hint" id="source-title-hint">
          The report or article the figures come from, e.g. "Xiaomi Q4 2025 results announcement".
        </p>
        {errorText(QUARTER_FIELDS.sourceTitle)}
      </div>
      <div className="field">
        <label htmlFor={QUARTER_FIELDS.sourceUrl}>Web address (when it has one)</label>
        <input
          {...field(QUARTER_FIELDS.sourceUrl)}
          type="url"
          inputMode="url"
          placeholder="https://"
          aria-describedby={describedBy(
            errors[QUARTER_FIELDS.sourceUrl] && errorId(QUARTER_FIELDS.sourceUrl),
          )}
        />
        {errorText(QUARTER_FIELDS.sourceUrl)}
      </div>
      <div className="field">
        <label htmlFor={QUARTER_FIELDS.sourcePublishedOn}>Publication date (when known)</label>
        <input
          {...field(QUARTER_FIELDS.sourcePublishedOn)}
          placeholder="YYYY-MM-DD"
          autoComplete="off"
          size={12}
          aria-describedby={describedBy(
            "published-hint",
            errors[QUARTER_FIELDS.sourcePublishedOn] && errorId(QUARTER_FIELDS.sourcePublishedOn),
          )}
        />
        <p className="field-hint" id="published-hint">
          YYYY-MM-DD, or YYYY-MM when the source gives only the month.
        </p>
        {errorText(QUARTER_FIELDS.sourcePublishedOn)}
      </div>
    </fieldset>
  );
}
