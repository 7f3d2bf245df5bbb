import { Fragment, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { FindingValue, TaxonomyCode } from "../../../../../common/agreements.ts";
import type {
  ImportedClause,
  Suggestion,
  SuggestionDecision,
  SuggestionDecisionInput,
} from "../../../../../common/agreements-import.ts";
import { toApiError } from "../../../lib/api.ts";
import { useErrorMessage } from "../../../lib/use-error-message.ts";
import { useEnumLabel } from "../agreement-bits.tsx";
import { formatPercent, useValueFormat } from "../agreement-format.ts";
import { interpolate, langOf, PLACEHOLDER } from "./clause-text.tsx";
import { decideSuggestion } from "./import-api.ts";
import { ValueEditor } from "./value-editor.tsx";
import { allowedKinds, sameValue } from "./value-form.ts";

interface SuggestionItemProps {
  importId: string;
  clause: ImportedClause;
  /** "Artículo 6. Horas extraordinarias" or "Clause 3". */
  clauseLabel: string;
  suggestion: Suggestion;
  code: TaxonomyCode | undefined;
  /** False once the draft is committed or discarded. */
  editable: boolean;
  onUpdated: (clauseId: string, suggestion: Suggestion) => void;
  /** Says in the page's live region what was saved. */
  onAnnounce: (message: string) => void;
}

export function SuggestionItem({
  importId,
  clause,
  clauseLabel,
  suggestion,
  code,
  editable,
  onUpdated,
  onAnnounce,
}: SuggestionItemProps) {
  const { t } = useTranslation();
  const label = useEnumLabel();
  const format = useValueFormat();
  const describeError = useErrorMessage();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const wasEditing = useRef(false);
  const codeLabel = code?.labels[format.locale] ?? suggestion.code;
  const subject = t("agreements.import.review.subject", { code: codeLabel, clause: clauseLabel });
  const edited = !sameValue(suggestion.value, suggestion.suggestedValue);
  const canEditValue = allowedKinds(code).length > 0;
  const editorId = `editor-${suggestion.id}`;

  // Back to the Edit button once the editor closes, so the keyboard stays where it was.
  useEffect(() => {
    if (wasEditing.current && !editing) {
      editButton.current?.focus();
    }
    wasEditing.current = editing;
  }, [editing]);

  async function save(input: SuggestionDecisionInput): Promise<boolean> {
    if (busy) {
      return false;
    }
    setBusy(true);
    setError(null);
    try {
      const updated = await decideSuggestion(importId, suggestion.id, input);
      onUpdated(clause.id, updated);
      onAnnounce(t(`agreements.import.review.saved.${updated.decision}`, { subject }));
      return true;
    } catch (caught) {
      const error = toApiError(caught);
      // 409: the draft was committed or discarded meanwhile (in another tab, or by another officer).
      setError(error.code === "conflict" ? t("agreements.import.review.changedElsewhere") : describeError(error));
      return false;
    } finally {
      setBusy(false);
    }
  }

  const toggle = (decision: Exclude<SuggestionDecision, "pending">) =>
    void save({ decision: suggestion.decision === decision ? "pending" : decision });

  const saveValue = async (value: FindingValue) => {
    if (await save({ decision: "accepted", value })) {
      setEditing(false);
    }
  };

  const valueText = (value: FindingValue | null) =>
    value === null ? t("agreements.import.review.presenceOnly") : format.value(value);
  const quoted = (words: readonly string[]) => (
    <>
      {words.map((word, index) => (
        <Fragment key={word}>
          {index > 0 ? t("agreements.import.review.wordSeparator") : null}
          <span lang={langOf(clause.language)}>{t("agreements.import.review.quoted", { text: word })}</span>
        </Fragment>
      ))}
    </>
  );
  const triggers = [...new Set(suggestion.explanation.triggers.map((span) => span.text))];
  const valueWords = suggestion.explanation.valueSpan?.text ?? null;

  return (
    <li className={`suggestion suggestion--${suggestion.decision}`}>
      <h4 className="suggestion__title">
        <span>{codeLabel}</span> <code className="finding__code">{suggestion.code}</code>
        <span className={`tag tag--decision-${suggestion.decision}`}>
          {t(`agreements.import.review.decisions.${suggestion.decision}`)}
        </span>
      </h4>
      <dl className="meta-list">
        <div>
          <dt>{t("agreements.import.review.suggested")}</dt>
          <dd
            className="finding__value"
            lang={suggestion.suggestedValue?.kind === "text" ? langOf(clause.language) : undefined}
          >
            {valueText(suggestion.suggestedValue)}
          </dd>
        </div>
        {edited ? (
          <div>
            <dt>{t("agreements.import.review.value")}</dt>
            <dd className="finding__value">{valueText(suggestion.value)}</dd>
          </div>
        ) : null}
        {suggestion.strength ? (
          <div>
            <dt>{t("agreements.finding.strength")}</dt>
            <dd>{label("strengths", suggestion.strength)}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t("agreements.finding.confidence")}</dt>
          <dd>{formatPercent(suggestion.confidence * 100, format.locale)}</dd>
        </div>
      </dl>
      <p className="suggestion__why">
        {interpolate(t("agreements.import.review.because", { words: PLACEHOLDER }), quoted(triggers))}
        {valueWords ? (
          <> {interpolate(t("agreements.import.review.valueFrom", { words: PLACEHOLDER }), quoted([valueWords]))}</>
        ) : null}{" "}
        <span className="suggestion__rule">
          ({t("agreements.import.review.rule")} <code>{suggestion.explanation.rule}</code>)
        </span>
      </p>
      {editable ? (
        <div className="button-row suggestion__actions">
          <button
            type="button"
            className="button button--small button--toggle button--accept"
            aria-pressed={suggestion.decision === "accepted"}
            aria-disabled={busy || undefined}
            onClick={() => toggle("accepted")}
          >
            {t("agreements.import.review.accept")}
            <span className="visually-hidden"> – {subject}</span>
          </button>
          <button
            type="button"
            className="button button--small button--toggle button--reject"
            aria-pressed={suggestion.decision === "rejected"}
            aria-disabled={busy || undefined}
            onClick={() => toggle("rejected")}
          >
            {t("agreements.import.review.reject")}
            <span className="visually-hidden"> – {subject}</span>
          </button>
          {canEditValue ? (
            <button
              type="button"
              ref={editButton}
              className="button button--small button--secondary"
              aria-expanded={editing}
              aria-controls={editing ? editorId : undefined}
              onClick={() => setEditing(!editing)}
            >
              {t("agreements.import.review.edit")}
              <span className="visually-hidden"> – {subject}</span>
            </button>
          ) : null}
          {busy ? (
            <span className="suggestion__saving" aria-hidden="true">
              {t("agreements.import.review.saving")}
            </span>
          ) : null}
        </div>
      ) : null}
      {error ? (
        <p className="inline-error suggestion__error" role="alert">
          {t("agreements.import.review.saveFailed", { subject })} {error}
        </p>
      ) : null}
      {editing ? (
        <ValueEditor
          id={editorId}
          subject={subject}
          code={code}
          initial={suggestion.value ?? suggestion.suggestedValue}
          busy={busy}
          onSave={(value) => void saveValue(value)}
          onCancel={() => setEditing(false)}
        />
      ) : null}
    </li>
  );
}
