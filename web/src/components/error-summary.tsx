import { type MouseEvent, useEffect, useId, useRef } from "react";
import { useTranslation } from "react-i18next";

export interface SummaryItem {
  message: string;
  /** The id of the field to jump to, when the problem belongs to one. */
  fieldId?: string | undefined;
}

/**
 * Lists every problem of a form at its top and takes focus, so keyboard and screen-reader users
 * learn at once that the form was not accepted and can jump to each field.
 */
export function ErrorSummary({ items, attempt = 0 }: { items: readonly SummaryItem[]; attempt?: number }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const titleId = useId();
  // Focus moves only when the problems change or the form is sent again, never while typing.
  const signature = items.map((item) => `${item.fieldId ?? ""}:${item.message}`).join("\n");

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` re-focuses on a repeated submit.
  useEffect(() => {
    if (signature !== "") {
      ref.current?.focus();
    }
  }, [signature, attempt]);

  if (items.length === 0) {
    return null;
  }
  return (
    <div className="error-summary" role="alert" aria-labelledby={titleId} tabIndex={-1} ref={ref}>
      <h2 className="error-summary__title" id={titleId}>
        {t("errorSummary.title")}
      </h2>
      <ul className="error-summary__list">
        {items.map((item) => (
          <li key={`${item.fieldId ?? ""}:${item.message}`}>
            {item.fieldId ? (
              <a href={`#${item.fieldId}`} onClick={(event) => focusField(event, item.fieldId)}>
                {item.message}
              </a>
            ) : (
              item.message
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Puts the caret in the field, with its label in view, instead of only scrolling to it. */
function focusField(event: MouseEvent<HTMLAnchorElement>, fieldId: string | undefined) {
  const field = fieldId ? document.getElementById(fieldId) : null;
  if (!field) {
    return;
  }
  event.preventDefault();
  field.focus({ preventScroll: true });
  (field.closest(".field") ?? field).scrollIntoView({ block: "start" });
}
