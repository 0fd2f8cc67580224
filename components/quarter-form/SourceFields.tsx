import { QUARTER_FIELDS, SOURCE_TITLE_MAX } from "@/lib/domain/quarter-input";
import { describedBy, errorId } from "./field-helpers";
import type { FieldKit } from "./field-kit";

/**
 * The source fields' words: the restate form's (messages `RestateForm`, the same fields) and the
 * title's hint (`SourceFields`).
 */
export interface SourceFieldsText {
  legend: string;
  title: string;
  titleHint: string;
  url: string;
  published: string;
  publishedHint: string;
}

/** The source of a save's figures: title (required), web address, publication date. */
export function SourceFields({
  field,
  errorText,
  errors,
  text,
}: FieldKit & { text: SourceFieldsText }) {
  return (
    <fieldset className="form-section">
      <legend>{text.legend}</legend>
      <div className="field">
        <label htmlFor={QUARTER_FIELDS.sourceTitle}>{text.title}</label>
        <input
          {...field(QUARTER_FIELDS.sourceTitle)}
          maxLength={SOURCE_TITLE_MAX + 50}
          aria-describedby={describedBy(
            "source-title-hint",
            errors[QUARTER_FIELDS.sourceTitle] && errorId(QUARTER_FIELDS.sourceTitle),
          )}
        />
        <p className="field-hint" id="source-title-hint">
          {text.titleHint}
        </p>
        {errorText(QUARTER_FIELDS.sourceTitle)}
      </div>
      <div className="field">
        <label htmlFor={QUARTER_FIELDS.sourceUrl}>{text.url}</label>
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
        <label htmlFor={QUARTER_FIELDS.sourcePublishedOn}>{text.published}</label>
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
          {text.publishedHint}
        </p>
        {errorText(QUARTER_FIELDS.sourcePublishedOn)}
      </div>
    </fieldset>
  );
}
