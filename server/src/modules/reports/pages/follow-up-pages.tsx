import type { Attachment, ReporterView } from "../../../../../common/reports.ts";
import { AttachmentFields, ErrorSummary, type FieldErrors, TextField } from "./fields.tsx";
import { renderPage } from "./layout.tsx";
import { fill, formatDay, formatMoment, type PageLanguage, stringsFor } from "./strings.ts";

/** Shown once, right after sending: the receipt, what happens next, and what was done to the files. */
export function renderReceiptPage(
  language: PageLanguage,
  filed: { receipt: string; organizationName: string; acknowledgeBy: string; feedbackBy: string },
  attachments: Attachment[],
): string {
  const t = stringsFor(language);
  return renderPage({
    language,
    title: t.receipt.title,
    children: (
      <>
        <h1>{t.receipt.title}</h1>
        <p>{fill(t.receipt.received, { organization: filed.organizationName })}</p>
        <section className="receipt" aria-labelledby="receipt-title">
          <h2 id="receipt-title">{t.receipt.yourReceipt}</h2>
          <p className="receipt-code" translate="no">
            {filed.receipt}
          </p>
          <p>
            <strong>{t.receipt.keep}</strong>
          </p>
          <p className="no-print">{t.receipt.print}</p>
        </section>
        <AttachmentList language={language} attachments={attachments} />
        <h2>{t.receipt.next}</h2>
        <p>
          {fill(t.receipt.deadlines, {
            acknowledgeBy: formatDay(language, filed.acknowledgeBy),
            feedbackBy: formatDay(language, filed.feedbackBy),
          })}
        </p>
        <p className="no-print">
          <a href={`/report/follow-up?lang=${language}`}>{t.receipt.followUp}</a>
        </p>
      </>
    ),
  });
}

function AttachmentList({ language, attachments }: { language: PageLanguage; attachments: Attachment[] }) {
  const t = stringsFor(language);
  if (attachments.length === 0) return null;
  return (
    <section aria-labelledby="files-title">
      <h2 id="files-title">{t.receipt.filesTitle}</h2>
      <ul className="files">
        {attachments.map((file) => (
          <li key={file.id}>
            <span className="file-name">{file.name}</span>: {t.receipt.metadata[file.metadata]}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The receipt form; a wrong receipt comes back here with the same message, whatever was wrong. */
export function renderReceiptForm(language: PageLanguage, typed: string, wrong: boolean): string {
  const t = stringsFor(language);
  const f = t.followUp;
  const errors: FieldErrors = wrong ? { receipt: f.wrong } : {};
  return renderPage({
    language,
    title: wrong ? `${t.errorTitle}: ${f.title}` : f.title,
    languageHref: (other) => `/report/follow-up?lang=${other}`,
    children: (
      <>
        <h1>{f.title}</h1>
        <ErrorSummary title={t.report.errorsTitle} errors={errors} />
        <p>{f.intro}</p>
        <form method="post" action="/report/follow-up" encType="multipart/form-data" noValidate>
          <input type="hidden" name="lang" value={language} />
          <TextField
            name="receipt"
            label={f.receipt}
            hint={f.receiptHint}
            value={typed}
            error={errors.receipt}
            maxLength={80}
          />
          <button type="submit">{f.open}</button>
        </form>
        <p>
          <a href={`/report?lang=${language}`}>{f.newReport}</a>
        </p>
      </>
    ),
  });
}

/** The report as its reporter sees it: where it stands, the messages, and a form to answer. */
export function renderCasePage(
  language: PageLanguage,
  receipt: string,
  view: ReporterView,
  notice: { sent?: boolean; errors?: FieldErrors; text?: string },
): string {
  const t = stringsFor(language);
  const f = t.followUp;
  const errors = notice.errors ?? {};
  const content = view.content;
  return renderPage({
    language,
    title: fill(f.caseTitle, { organization: view.organizationName }),
    children: (
      <>
        <h1>{fill(f.caseTitle, { organization: view.organizationName })}</h1>
        {notice.sent && (
          <p className="notice" role="status">
            {f.sent}
          </p>
        )}
        <ErrorSummary title={t.report.errorsTitle} errors={errors} />
        <dl className="timeline">
          <dt>{f.status}</dt>
          <dd>{f.statuses[view.status]}</dd>
          {view.outcome && (
            <>
              <dt>{f.outcome}</dt>
              <dd>{f.outcomes[view.outcome]}</dd>
            </>
          )}
          <dt>{f.receivedAt}</dt>
          <dd>{formatDay(language, view.receivedAt)}</dd>
          {view.acknowledgedAt ? (
            <>
              <dt>{f.acknowledgedAt}</dt>
              <dd>{formatDay(language, view.acknowledgedAt)}</dd>
            </>
          ) : (
            <>
              <dt>{f.acknowledgeBy}</dt>
              <dd>{formatDay(language, view.acknowledgeBy)}</dd>
            </>
          )}
          <dt>{f.feedbackBy}</dt>
          <dd>{formatDay(language, view.feedbackBy)}</dd>
          {view.log && (
            <>
              <dt>{f.log}</dt>
              <dd>
                {fill(f.logEntry, { index: String(view.log.index) })}{" "}
                {/* Not /transparency?index=N: an address stays in the history of a device others may use. */}
                <a href="/transparency">{f.logCheck}</a>
              </dd>
            </>
          )}
        </dl>
        <section aria-labelledby="messages-title">
          <h2 id="messages-title">{f.messages}</h2>
          {view.messages.length === 0 ? (
            <p>{f.noMessages}</p>
          ) : (
            <ol className="messages">
              {view.messages.map((message, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: rendered once on the server; the list never reorders.
                <li key={index} className={`message from-${message.author}`}>
                  <p className="message-meta">
                    <strong>{message.author === "reporter" ? f.fromYou : view.organizationName}</strong>,{" "}
                    <time dateTime={message.at}>{formatMoment(language, message.at)}</time>
                  </p>
                  <p className="message-text">{message.text}</p>
                </li>
              ))}
            </ol>
          )}
        </section>
        <form method="post" action="/report/follow-up/messages" encType="multipart/form-data" noValidate>
          <h2>{f.reply}</h2>
          <input type="hidden" name="lang" value={language} />
          <input type="hidden" name="receipt" value={receipt} />
          <TextField
            name="text"
            label={f.message}
            hint={f.replyHint}
            value={notice.text}
            error={errors.text}
            multiline
            maxLength={10_000}
          />
          <AttachmentFields
            label={t.report.filesLegend}
            hint={t.report.filesHint}
            privacy={t.report.filesPrivacy}
            keepLabel={t.report.keepMetadata}
            keep={false}
            error={errors.attachments}
          />
          <button type="submit">{f.send}</button>
        </form>
        <section aria-labelledby="your-report-title">
          <h2 id="your-report-title">{f.yourReport}</h2>
          <p className="workplace">
            {content.workplace.name}, {content.workplace.address}, {content.workplace.city}
          </p>
          <p className="message-text">{content.description}</p>
          <AttachmentList language={language} attachments={view.attachments} />
        </section>
        <p className="notice">{f.done}</p>
      </>
    ),
  });
}
