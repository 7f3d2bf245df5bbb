import { useTranslation } from "react-i18next";
import type { Attachment } from "../../../../common/reports.ts";
import { currentLocale } from "../../lib/i18n.ts";
import { DateText } from "./case-bits.tsx";
import { fileKind, formatFileSize } from "./case-format.ts";
import { attachmentPath } from "./cases-api.ts";

interface CaseAttachmentsProps {
  organizationId: string;
  reportId: string;
  attachments: readonly Attachment[];
}

/**
 * The files the reporter sent, as downloads only: a photo shown on its own could be seen by anyone
 * looking at the officer's screen.
 */
export function CaseAttachments({ organizationId, reportId, attachments }: CaseAttachmentsProps) {
  const { t } = useTranslation();
  return (
    <section className="panel" aria-labelledby="case-files-title">
      <h2 id="case-files-title">{t("cases.files.title")}</h2>
      {attachments.length === 0 ? (
        <p>{t("cases.files.none")}</p>
      ) : (
        <>
          <p className="muted">{t("cases.files.intro")}</p>
          <ul className="file-list">
            {attachments.map((attachment) => (
              <AttachmentItem
                key={attachment.id}
                attachment={attachment}
                href={attachmentPath(organizationId, reportId, attachment.id)}
              />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function AttachmentItem({ attachment, href }: { attachment: Attachment; href: string }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <li className={attachment.metadata === "kept" ? "file-card file-card--warning" : "file-card"}>
      <p className="file-card__name">{attachment.name}</p>
      <dl className="meta-list">
        <div>
          <dt>{t("cases.files.type")}</dt>
          <dd>{t(`cases.files.kinds.${fileKind(attachment.mediaType)}`)}</dd>
        </div>
        <div>
          <dt>{t("cases.files.size")}</dt>
          <dd>{formatFileSize(attachment.size, locale)}</dd>
        </div>
        <div>
          <dt>{t("cases.files.added")}</dt>
          <dd>
            <DateText iso={attachment.addedAt} withTime />
          </dd>
        </div>
        <div className="meta-list__wide">
          <dt>{t("cases.files.details")}</dt>
          <dd>
            {attachment.metadata === "kept" ? (
              <strong>{t("cases.files.metadata.kept")}</strong>
            ) : (
              t(`cases.files.metadata.${attachment.metadata}`)
            )}
          </dd>
        </div>
      </dl>
      <a className="button button--secondary button--small" href={href} download={attachment.name}>
        {t("cases.files.download")}
        <span className="visually-hidden"> {attachment.name}</span>
      </a>
    </li>
  );
}
