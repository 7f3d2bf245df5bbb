import { useState } from "react";
import { useTranslation } from "react-i18next";
import { caseLabelSchema } from "../../../../common/reports.ts";
import { ErrorSummary } from "../../components/error-summary.tsx";
import { StatusMessage } from "../../components/status-message.tsx";
import { SubmitButton } from "../../components/submit-button.tsx";
import { TextField } from "../../components/text-field.tsx";
import { type FieldErrors, useForm } from "../../lib/use-form.ts";
import { labelCase } from "./cases-api.ts";

const MAX_LABELS = 10;
const MAX_LABEL_LENGTH = 40;
const FIELD_IDS = { label: "case-new-label" };

interface CaseLabelsProps {
  organizationId: string;
  reportId: string;
  labels: readonly string[];
  onChanged: () => void;
}

/**
 * Short tags to sort the queue by. They are kept in clear so the queue can be filtered, hence the
 * warning never to put personal data in them. Added and removed here, saved together.
 */
export function CaseLabels({ organizationId, reportId, labels, onChanged }: CaseLabelsProps) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<readonly string[]>(labels);
  const [saved, setSaved] = useState<readonly string[]>(labels);
  const [status, setStatus] = useState<string | null>(null);
  const unsaved = draft.join("\n") !== saved.join("\n");

  /** Why this label cannot be added to those, if it cannot. */
  function labelProblem(text: string, current: readonly string[]): string | undefined {
    const label = text.trim();
    if (label === "") return t("cases.labels.required");
    if (label.length > MAX_LABEL_LENGTH) return t("cases.labels.tooLong", { max: String(MAX_LABEL_LENGTH) });
    if (!caseLabelSchema.safeParse(label).success) return t("cases.labels.invalid");
    if (current.includes(label)) return t("cases.labels.duplicate", { label });
    if (current.length >= MAX_LABELS) return t("cases.labels.tooMany", { max: String(MAX_LABELS) });
    return undefined;
  }

  const form = useForm({
    fieldIds: FIELD_IDS,
    initialValues: { label: "" },
    validate: ({ label }): FieldErrors<"label"> => {
      // Saving with a label still in the field adds it first.
      const problem = label.trim() === "" ? undefined : labelProblem(label, draft);
      return problem ? { label: problem } : {};
    },
    submit: async ({ label }) => {
      setStatus(null);
      const next = label.trim() === "" ? draft : [...draft, label.trim()];
      const summary = await labelCase(organizationId, reportId, next);
      setDraft(summary.labels);
      setSaved(summary.labels);
      form.reset();
      setStatus(t("cases.labels.saved"));
      onChanged();
    },
    onFailure: (error) => (error.code === "validation_failed" ? { fields: { label: t("cases.labels.invalid") } } : {}),
  });

  function add() {
    const problem = labelProblem(form.values.label, draft);
    form.showErrors(problem ? { label: problem } : {});
    if (!problem) {
      setStatus(null);
      setDraft([...draft, form.values.label.trim()]);
      form.reset();
    }
  }

  function remove(label: string) {
    setStatus(null);
    setDraft(draft.filter((other) => other !== label));
    // The removed chip took its button with it: focus goes where labels are added.
    document.getElementById(FIELD_IDS.label)?.focus();
  }

  return (
    <div>
      <h3 id="case-labels-title">{t("cases.labels.title")}</h3>
      <p className="privacy-warning">
        <strong>{t("cases.labels.warning")}</strong>
      </p>
      <ErrorSummary items={form.summaryItems} attempt={form.attempt} />
      <form className="form" noValidate aria-labelledby="case-labels-title" onSubmit={form.handleSubmit}>
        {draft.length === 0 ? (
          <p className="muted">{t("cases.labels.none")}</p>
        ) : (
          <ul className="chip-list" aria-label={t("cases.labels.current")}>
            {draft.map((label) => (
              <li key={label} className="chip chip--removable">
                {label}
                <button
                  type="button"
                  className="chip__remove-button"
                  aria-label={t("cases.labels.remove", { label })}
                  onClick={() => remove(label)}
                >
                  <span aria-hidden="true">×</span>
                </button>
              </li>
            ))}
          </ul>
        )}
        <div className="labels-add">
          <TextField
            {...form.field("label")}
            label={t("cases.labels.add")}
            hint={t("cases.labels.hint")}
            type="text"
            autoComplete="off"
            maxLength={MAX_LABEL_LENGTH + 10}
          />
          <button type="button" className="button button--secondary" onClick={add}>
            {t("cases.labels.addButton")}
          </button>
        </div>
        {unsaved ? <p className="muted">{t("cases.labels.unsaved")}</p> : null}
        <div className="form__actions">
          <SubmitButton busy={form.submitting} label={t("cases.labels.save")} busyLabel={t("cases.labels.saving")} />
        </div>
      </form>
      <StatusMessage tone="success">{status}</StatusMessage>
    </div>
  );
}
