import type { RefObject } from "react";
import type { Confirmation } from "@/lib/domain/confirmations";
import type { Locale } from "@/lib/domain/locale";
import type { FormMetricView } from "@/lib/domain/quarter-form-view";
import { CONFIRM_FIELD, CONFIRM_TOKEN_FIELD } from "@/lib/domain/quarter-input";
import { ConfirmationText, type ConfirmPanelText } from "./ConfirmationText";
import { describedBy, errorId } from "./field-helpers";
import type { FieldKit } from "./field-kit";

/**
 * What a submission must confirm (restatements, extreme changes), with the tokens that say what
 * exactly was confirmed and the one box to tick.
 */
export function ConfirmPanel({
  panelRef,
  message,
  confirmations,
  metricByKey,
  errorText,
  errors,
  text,
  locale,
}: Pick<FieldKit, "errorText" | "errors"> & {
  panelRef: RefObject<HTMLElement | null>;
  message: string | null;
  confirmations: Confirmation[];
  metricByKey: ReadonlyMap<string, FormMetricView>;
  text: ConfirmPanelText;
  locale: Locale;
}) {
  return (
    <section
      ref={panelRef}
      tabIndex={-1}
      className="confirm-panel"
      role="alert"
      aria-labelledby="confirm-title"
    >
      <h2 id="confirm-title">{text.title}</h2>
      <p>{message}</p>
      <ul>
        {confirmations.map((item) => (
          <li key={item.token} data-kind={item.kind}>
            <ConfirmationText
              item={item}
              metric={metricByKey.get(item.metricKey)}
              text={text}
              locale={locale}
            />
          </li>
        ))}
      </ul>
      {confirmations.map((item) => (
        <input key={item.token} type="hidden" name={CONFIRM_TOKEN_FIELD} value={item.token} />
      ))}
      <div className="checkbox-field">
        <input
          type="checkbox"
          id={CONFIRM_FIELD}
          name={CONFIRM_FIELD}
          value="yes"
          required
          aria-invalid={errors[CONFIRM_FIELD] ? true : undefined}
          aria-describedby={describedBy(errors[CONFIRM_FIELD] && errorId(CONFIRM_FIELD))}
        />
        <label htmlFor={CONFIRM_FIELD}>{text.tick}</label>
      </div>
      {errorText(CONFIRM_FIELD)}
    </section>
  );
}
