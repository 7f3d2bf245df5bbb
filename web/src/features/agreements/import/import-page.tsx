import { type FormEvent, useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation, useNavigate } from "react-router";
import { IMPORT_LIMITS, type ImportSummary } from "../../../../../common/agreements-import.ts";
import { AsyncContent } from "../../../components/async-content.tsx";
import { DataTable } from "../../../components/data-table.tsx";
import { ErrorSummary } from "../../../components/error-summary.tsx";
import { FieldError } from "../../../components/field-error.tsx";
import { StatusMessage } from "../../../components/status-message.tsx";
import { SubmitButton } from "../../../components/submit-button.tsx";
import { type ApiError, toApiError } from "../../../lib/api.ts";
import { formatDateTime } from "../../../lib/format.ts";
import { currentLocale } from "../../../lib/i18n.ts";
import { useAsyncData } from "../../../lib/use-async-data.ts";
import { useErrorMessage } from "../../../lib/use-error-message.ts";
import { usePageTitle } from "../../../lib/use-page-title.ts";
import { formatNumber, formatPercent, languageName } from "../agreement-format.ts";
import { type ImportAccess, RequireUnionOfficer } from "./import-access.tsx";
import { importPastedText, listImports, type UploadProgress, uploadImportFile } from "./import-api.ts";
import { draftStorage, formatBytes, serverDetail, sourceName } from "./import-format.ts";
import { LibraryFileSection } from "./library-file-section.tsx";

/** The file picker offers these; the server recognises the format from the content, whatever the name. */
const ACCEPTED_FILES = [
  ".txt",
  ".md",
  ".markdown",
  ".pdf",
  ".docx",
  "text/plain",
  "text/markdown",
  "application/pdf",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
].join(",");

const PASTED_TEXT_KEY = "guildhall.import.pasted";

/** Set by the review page after a draft is discarded, to say so here. */
export interface ImportLocationState {
  discarded?: boolean;
}

export function ImportRoute() {
  return <RequireUnionOfficer>{(access) => <ImportPage access={access} />}</RequireUnionOfficer>;
}

interface Problem {
  message: string;
  /** The server's own words, in English. */
  detail?: string | undefined;
}

function ImportPage({ access }: { access: ImportAccess }) {
  const { t } = useTranslation();
  usePageTitle(t("agreements.import.title"));
  const location = useLocation();
  const discarded = (location.state as ImportLocationState | null)?.discarded === true;
  const loadDrafts = useCallback(() => listImports(), []);
  const [drafts] = useAsyncData(loadDrafts);

  return (
    <>
      <p className="back-link">
        <Link to="/agreements">{t("agreements.agreement.back")}</Link>
      </p>
      <h1>{t("agreements.import.title")}</h1>
      <p className="lead">{t("agreements.import.intro")}</p>
      <StatusMessage tone="success">{discarded ? t("agreements.import.review.discardedStatus") : null}</StatusMessage>
      <div className="import-sources">
        <UploadSection csrfToken={access.session.csrfToken} />
        <PasteSection />
      </div>
      <section className="panel agreement__section" aria-labelledby="import-drafts-title">
        <h2 id="import-drafts-title">
          {t("agreements.import.drafts.title", { union: access.union.organizationName })}
        </h2>
        <AsyncContent data={drafts}>{(list) => <DraftsTable drafts={list} />}</AsyncContent>
      </section>
      <LibraryFileSection />
    </>
  );
}

function useProblem() {
  const describeError = useErrorMessage();
  return (error: ApiError): Problem => ({ message: describeError(error), detail: serverDetail(error) });
}

function UploadSection({ csrfToken }: { csrfToken: string }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const navigate = useNavigate();
  const problemOf = useProblem();
  const [file, setFile] = useState<File | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const maxSize = formatBytes(IMPORT_LIMITS.maxFileBytes, locale);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setAttempt((value) => value + 1);
    if (!file) {
      setProblem({ message: t("agreements.import.upload.fileRequired") });
      return;
    }
    if (file.size === 0) {
      setProblem({ message: t("errors.import_empty") });
      return;
    }
    if (file.size > IMPORT_LIMITS.maxFileBytes) {
      setProblem({ message: t("agreements.import.upload.fileTooLarge", { size: maxSize }) });
      return;
    }
    setProblem(null);
    try {
      const draft = await uploadImportFile(file, csrfToken, setProgress);
      void navigate(`/agreements/import/${draft.id}`);
    } catch (error) {
      setProblem(problemOf(toApiError(error)));
      setProgress(null);
    }
  }

  const busy = progress !== null;
  const describedBy = [
    "import-file-hint",
    problem ? "import-file-error" : "",
    problem?.detail ? "import-file-detail" : "",
  ]
    .filter(Boolean)
    .join(" ");
  return (
    <section className="panel import-source" aria-labelledby="import-upload-title">
      <h2 id="import-upload-title">{t("agreements.import.upload.title")}</h2>
      <ErrorSummary items={problem ? [{ message: problem.message, fieldId: "import-file" }] : []} attempt={attempt} />
      <form className="form" noValidate onSubmit={submit}>
        <div className={problem ? "field field--error" : "field"}>
          <label className="field__label" htmlFor="import-file">
            {t("agreements.import.upload.file")}
          </label>
          <p className="field__hint" id="import-file-hint">
            {t("agreements.import.upload.hint", { size: maxSize })}
          </p>
          {problem ? <FieldError id="import-file-error" message={problem.message} /> : null}
          {problem?.detail ? <ServerDetail id="import-file-detail" detail={problem.detail} /> : null}
          <input
            className="field__file"
            id="import-file"
            name="file"
            type="file"
            accept={ACCEPTED_FILES}
            aria-describedby={describedBy}
            aria-invalid={problem ? true : undefined}
            onChange={(event) => setFile(event.target.files?.[0] ?? null)}
          />
        </div>
        <ProgressView progress={progress} />
        <div className="form__actions">
          <SubmitButton
            busy={busy}
            label={t("agreements.import.upload.submit")}
            busyLabel={t("agreements.import.upload.busy")}
          />
        </div>
      </form>
    </section>
  );
}

function ServerDetail({ id, detail }: { id: string; detail: string }) {
  const { t } = useTranslation();
  return (
    <p className="field__hint import-detail" id={id}>
      {t("agreements.import.serverSaid")} <span lang="en">{detail}</span>
    </p>
  );
}

function ProgressView({ progress }: { progress: UploadProgress | null }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  // The live region names the stage only: announcing every percent would drown everything else.
  const stage =
    progress === null
      ? null
      : progress.stage === "sending"
        ? t("agreements.import.upload.sending")
        : t("agreements.import.upload.reading");
  return (
    <div className="upload-progress">
      <StatusMessage>{stage}</StatusMessage>
      {progress ? (
        <div className="upload-progress__bar">
          <label htmlFor="import-progress">{t("agreements.import.upload.progress")}</label>
          {progress.stage === "sending" ? (
            <progress id="import-progress" max={1} value={progress.fraction}>
              {formatPercent(progress.fraction * 100, locale)}
            </progress>
          ) : (
            <progress id="import-progress" />
          )}
          {progress.stage === "sending" ? (
            <span aria-hidden="true">{formatPercent(progress.fraction * 100, locale)}</span>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}

function PasteSection() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const navigate = useNavigate();
  const problemOf = useProblem();
  const [text, setText] = useState(() => draftStorage.read(PASTED_TEXT_KEY) ?? "");
  const [problem, setProblem] = useState<Problem | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const max = IMPORT_LIMITS.maxPastedCharacters;

  // Kept for this tab: a lost session or a reload does not throw away a long paste.
  useEffect(() => {
    const timer = window.setTimeout(() => draftStorage.write(PASTED_TEXT_KEY, text), 300);
    return () => window.clearTimeout(timer);
  }, [text]);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setAttempt((value) => value + 1);
    if (text.trim() === "") {
      setProblem({ message: t("agreements.import.paste.textRequired") });
      return;
    }
    if (text.length > max) {
      setProblem({ message: t("agreements.import.paste.textTooLong", { count: formatNumber(max, locale) }) });
      return;
    }
    setProblem(null);
    setBusy(true);
    try {
      const draft = await importPastedText(text);
      draftStorage.write(PASTED_TEXT_KEY, null);
      void navigate(`/agreements/import/${draft.id}`);
    } catch (error) {
      setProblem(problemOf(toApiError(error)));
      setBusy(false);
    }
  }

  const describedBy = [
    "import-text-hint",
    problem ? "import-text-error" : "",
    problem?.detail ? "import-text-detail" : "",
  ]
    .filter(Boolean)
    .join(" ");
  return (
    <section className="panel import-source" aria-labelledby="import-paste-title">
      <h2 id="import-paste-title">{t("agreements.import.paste.title")}</h2>
      <ErrorSummary items={problem ? [{ message: problem.message, fieldId: "import-text" }] : []} attempt={attempt} />
      <form className="form" noValidate onSubmit={submit}>
        <div className={problem ? "field field--error" : "field"}>
          <label className="field__label" htmlFor="import-text">
            {t("agreements.import.paste.text")}
          </label>
          <p className="field__hint" id="import-text-hint">
            {t("agreements.import.paste.hint", { count: formatNumber(max, locale) })}
          </p>
          {problem ? <FieldError id="import-text-error" message={problem.message} /> : null}
          {problem?.detail ? <ServerDetail id="import-text-detail" detail={problem.detail} /> : null}
          <textarea
            className="field__input field__textarea"
            id="import-text"
            name="text"
            rows={10}
            spellCheck={false}
            value={text}
            aria-describedby={describedBy}
            aria-invalid={problem ? true : undefined}
            onChange={(event) => setText(event.target.value)}
          />
          <p className="field__hint import-count">
            {t("agreements.import.paste.count", { count: formatNumber(text.length, locale) })}
          </p>
        </div>
        <div className="form__actions">
          <SubmitButton
            busy={busy}
            label={t("agreements.import.paste.submit")}
            busyLabel={t("agreements.import.paste.busy")}
          />
        </div>
        <StatusMessage>{busy ? t("agreements.import.paste.busy") : null}</StatusMessage>
      </form>
    </section>
  );
}

const DRAFT_COLUMNS = ["document", "status", "language", "clauses", "suggestions", "created"] as const;

function DraftsTable({ drafts }: { drafts: readonly ImportSummary[] }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <DataTable
      caption={t("agreements.import.drafts.caption")}
      columns={DRAFT_COLUMNS.map((column) => t(`agreements.import.drafts.columns.${column}`))}
      rows={drafts}
      emptyText={t("agreements.import.drafts.empty")}
    >
      {(draft) => (
        <tr key={draft.id}>
          <th scope="row" className="import-drafts__name">
            <Link to={`/agreements/import/${draft.id}`}>
              {sourceName(draft.source, t("agreements.import.pastedText"))}
            </Link>
          </th>
          <td>
            <span className={`tag tag--import-${draft.status}`}>{t(`agreements.import.statuses.${draft.status}`)}</span>
            {draft.status === "committed" && draft.agreementId ? (
              <>
                {" "}
                <Link to={`/agreements/${draft.agreementId}`}>{t("agreements.import.drafts.openAgreement")}</Link>
              </>
            ) : null}
          </td>
          <td>{languageName(draft.language, locale)}</td>
          <td>{formatNumber(draft.clauseCount, locale)}</td>
          <td>
            {t("agreements.import.drafts.suggestionCount", {
              count: formatNumber(draft.suggestionCount, locale),
              pending: formatNumber(draft.pendingCount, locale),
            })}
          </td>
          <td>{formatDateTime(draft.createdAt, locale)}</td>
        </tr>
      )}
    </DataTable>
  );
}
