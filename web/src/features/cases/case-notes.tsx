import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { CaseView } from "../../../../common/reports.ts";
import { ErrorSummary } from "../../components/error-summary.tsx";
import { StatusMessage } from "../../components/status-message.tsx";
import { SubmitButton } from "../../components/submit-button.tsx";
import { useForm } from "../../lib/use-form.ts";
import { DateText } from "./case-bits.tsx";
import { addCaseNote } from "./cases-api.ts";
import { TextAreaField } from "./textarea-field.tsx";

const MAX_NOTE_LENGTH = 10_000;
const FIELD_IDS = { text: "case-note" };

interface CaseNotesProps {
  organizationId: string;
  reportId: string;
  notes: CaseView["notes"];
  onAdded: () => void;
}

/**
 * Officers' internal notes, encrypted like the report. Drawn apart from the messages and saying
 * on every view that the reporter never sees them, so nobody writes to the reporter here by mistake.
 */
export function CaseNotes({ organizationId, reportId, notes, onAdded }: CaseNotesProps) {
  const { t } = useTranslation();
  return (
    <section className="panel panel--internal" aria-labelledby="case-notes-title">
      <h2 id="case-notes-title">
        <span className="internal-mark" aria-hidden="true">
          {t("cases.notes.internalMark")}
        </span>{" "}
        {t("cases.notes.title")}
      </h2>
      <p className="internal-warning">
        <strong>{t("cases.notes.neverShown")}</strong>
      </p>
      {notes.length === 0 ? (
        <p>{t("cases.notes.none")}</p>
      ) : (
        <ol className="note-list">
          {notes.map((note, index) => (
            <li
              // biome-ignore lint/suspicious/noArrayIndexKey: notes are only ever added at the end.
              key={index}
              className="note"
            >
              <p className="message__meta">
                <strong>{note.authorName ?? t("cases.assignment.formerOfficer")}</strong>
                {" · "}
                <DateText iso={note.at} withTime />
              </p>
              <p className="message__text">{note.text}</p>
            </li>
          ))}
        </ol>
      )}
      <NoteForm organizationId={organizationId} reportId={reportId} onAdded={onAdded} />
    </section>
  );
}

function NoteForm({ organizationId, reportId, onAdded }: Omit<CaseNotesProps, "notes">) {
  const { t } = useTranslation();
  const [added, setAdded] = useState<string | null>(null);
  const form = useForm({
    fieldIds: FIELD_IDS,
    initialValues: { text: "" },
    validate: ({ text }) => {
      if (text.trim() === "") {
        return { text: t("cases.notes.textRequired") };
      }
      return text.trim().length > MAX_NOTE_LENGTH ? { text: t("cases.notes.textTooLong") } : {};
    },
    submit: async ({ text }) => {
      setAdded(null);
      await addCaseNote(organizationId, reportId, text.trim());
      form.reset();
      setAdded(t("cases.notes.added"));
      onAdded();
    },
    onFailure: (error) =>
      error.code === "validation_failed" ? { fields: { text: t("cases.notes.textRequired") } } : {},
  });

  return (
    <div className="subsection">
      <h3 id="case-note-title">{t("cases.notes.addTitle")}</h3>
      <ErrorSummary items={form.summaryItems} attempt={form.attempt} />
      <form className="form" noValidate aria-labelledby="case-note-title" onSubmit={form.handleSubmit}>
        <TextAreaField
          id={FIELD_IDS.text}
          value={form.values.text}
          error={form.field("text").error}
          onChange={(event) => form.setValue("text", event.target.value)}
          label={t("cases.notes.text")}
          hint={t("cases.notes.textHint")}
          rows={4}
          maxLength={MAX_NOTE_LENGTH}
          required
        />
        <div className="form__actions">
          <SubmitButton busy={form.submitting} label={t("cases.notes.add")} busyLabel={t("cases.notes.adding")} />
        </div>
      </form>
      <StatusMessage tone="success">{added}</StatusMessage>
    </div>
  );
}
