import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { CaseView } from "../../../../common/reports.ts";
import { ErrorSummary } from "../../components/error-summary.tsx";
import { StatusMessage } from "../../components/status-message.tsx";
import { SubmitButton } from "../../components/submit-button.tsx";
import { useForm } from "../../lib/use-form.ts";
import { DateText } from "./case-bits.tsx";
import { replyToReporter } from "./cases-api.ts";
import { TextAreaField } from "./textarea-field.tsx";

const MAX_MESSAGE_LENGTH = 10_000;
const FIELD_IDS = { text: "case-reply" };

interface CaseMessagesProps {
  organizationId: string;
  reportId: string;
  messages: CaseView["messages"];
  onSent: () => void;
}

/** The conversation with the reporter, who reads and answers it with their receipt. */
export function CaseMessages({ organizationId, reportId, messages, onSent }: CaseMessagesProps) {
  const { t } = useTranslation();
  return (
    <section className="panel" aria-labelledby="case-messages-title">
      <h2 id="case-messages-title">{t("cases.messages.title")}</h2>
      <p className="muted">{t("cases.messages.seenByReporter")}</p>
      {messages.length === 0 ? (
        <p>{t("cases.messages.none")}</p>
      ) : (
        <ol className="message-list">
          {messages.map((message, index) => (
            <li
              // biome-ignore lint/suspicious/noArrayIndexKey: messages are only ever added at the end.
              key={index}
              className={`message message--${message.author}`}
            >
              <p className="message__meta">
                <strong>{t(`cases.messages.authors.${message.author}`)}</strong>
                {" · "}
                <DateText iso={message.at} withTime />
              </p>
              <p className="message__text">{message.text}</p>
            </li>
          ))}
        </ol>
      )}
      <ReplyForm organizationId={organizationId} reportId={reportId} onSent={onSent} />
    </section>
  );
}

function ReplyForm({ organizationId, reportId, onSent }: Omit<CaseMessagesProps, "messages">) {
  const { t } = useTranslation();
  const [sent, setSent] = useState<string | null>(null);
  const form = useForm({
    fieldIds: FIELD_IDS,
    initialValues: { text: "" },
    validate: ({ text }) => {
      if (text.trim() === "") {
        return { text: t("cases.messages.textRequired") };
      }
      return text.trim().length > MAX_MESSAGE_LENGTH ? { text: t("cases.messages.textTooLong") } : {};
    },
    submit: async ({ text }) => {
      setSent(null);
      await replyToReporter(organizationId, reportId, text.trim());
      form.reset();
      setSent(t("cases.messages.sent"));
      onSent();
    },
    onFailure: (error) =>
      error.code === "validation_failed" ? { fields: { text: t("cases.messages.textRequired") } } : {},
  });

  return (
    <div className="subsection">
      <h3 id="case-reply-title">{t("cases.messages.replyTitle")}</h3>
      <ErrorSummary items={form.summaryItems} attempt={form.attempt} />
      <form className="form" noValidate aria-labelledby="case-reply-title" onSubmit={form.handleSubmit}>
        <TextAreaField
          id={FIELD_IDS.text}
          value={form.values.text}
          error={form.field("text").error}
          onChange={(event) => form.setValue("text", event.target.value)}
          label={t("cases.messages.text")}
          hint={t("cases.messages.textHint")}
          rows={5}
          maxLength={MAX_MESSAGE_LENGTH}
          required
        />
        <div className="form__actions">
          <SubmitButton
            busy={form.submitting}
            label={t("cases.messages.send")}
            busyLabel={t("cases.messages.sending")}
          />
        </div>
      </form>
      <StatusMessage tone="success">{sent}</StatusMessage>
    </div>
  );
}
