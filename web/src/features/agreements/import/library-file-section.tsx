import { type FormEvent, type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ErrorSummary } from "../../../components/error-summary.tsx";
import { FieldError } from "../../../components/field-error.tsx";
import { StatusMessage } from "../../../components/status-message.tsx";
import { SubmitButton } from "../../../components/submit-button.tsx";
import { type ApiError, type FieldError as FieldProblem, toApiError } from "../../../lib/api.ts";
import { currentLocale } from "../../../lib/i18n.ts";
import { useErrorMessage } from "../../../lib/use-error-message.ts";
import { formatNumber } from "../agreement-format.ts";
import { importLibraryFile, type LibraryImportResult } from "./import-api.ts";
import { formatBytes } from "./import-format.ts";
import {
  describePath,
  LIBRARY_FILE_MAX_BYTES,
  type PathStep,
  readLibraryFile,
  SHOWN_PROBLEMS,
} from "./library-file.ts";

/** The library's export, as the library page offers it: the very file this form takes. */
export const LIBRARY_EXPORT_JSON = "/api/v1/agreements/export?format=json";

const FIELD_ID = "library-file";
const ACCEPTED = ".json,application/json";

interface Problem {
  message: string;
  /** Words from the browser or the server, in English. */
  detail?: string | undefined;
  /** Where the file is wrong, first few only, and how many problems there are in all. */
  places?: { items: Place[]; total: number } | undefined;
  /** Known to have changed nothing: the file was refused before or by the all-or-nothing import. */
  unchanged?: boolean;
}

interface Place extends ReturnType<typeof describePath> {
  path: string;
  message: string;
}

type Stage = "reading" | "sending";

/**
 * Bulk import: an officer uploads a library file (the JSON the library's export gives), which the
 * server loads all or nothing. The file is read and checked in the browser first, so a file that
 * is not JSON, or not a library file, is explained without being sent.
 */
export function LibraryFileSection() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const describeError = useErrorMessage();
  const [file, setFile] = useState<File | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [stage, setStage] = useState<Stage | null>(null);
  const [result, setResult] = useState<LibraryImportResult | null>(null);
  const maxSize = formatBytes(LIBRARY_FILE_MAX_BYTES, locale);

  function placesOf(problems: readonly FieldProblem[], json: unknown): Problem["places"] {
    return {
      items: problems
        .slice(0, SHOWN_PROBLEMS)
        .map((item) => ({ ...describePath(item.path, json), path: item.path, message: item.message })),
      total: problems.length,
    };
  }

  function invalid(problems: readonly FieldProblem[], json: unknown): Problem {
    return {
      message: t("agreements.import.libraryFile.invalid", { count: formatNumber(problems.length, locale) }),
      places: placesOf(problems, json),
      unchanged: true,
    };
  }

  function refused(error: ApiError, json: unknown, taxonomyVersion: string): Problem {
    return { unchanged: error.status !== 0, ...refusal(error, json, taxonomyVersion) };
  }

  function refusal(error: ApiError, json: unknown, taxonomyVersion: string): Problem {
    switch (error.code) {
      case "validation_failed":
        return error.fields.length > 0
          ? invalid(error.fields, json)
          : { message: t("agreements.import.libraryFile.invalidUnknown"), detail: error.message || undefined };
      case "forbidden":
        return { message: t("agreements.import.libraryFile.forbidden") };
      case "conflict":
        return { message: t("agreements.import.libraryFile.conflict", { version: taxonomyVersion }) };
      case "payload_too_large":
        return { message: t("agreements.import.libraryFile.tooLarge", { size: maxSize }) };
      default:
        return { message: describeError(error) };
    }
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setAttempt((value) => value + 1);
    setResult(null);
    if (!file) {
      setProblem({ message: t("agreements.import.libraryFile.fileRequired") });
      return;
    }
    if (file.size === 0) {
      setProblem({ message: t("agreements.import.libraryFile.fileEmpty"), unchanged: true });
      return;
    }
    if (file.size > LIBRARY_FILE_MAX_BYTES) {
      setProblem({ message: t("agreements.import.libraryFile.fileTooLarge", { size: maxSize }), unchanged: true });
      return;
    }
    setProblem(null);
    setStage("reading");
    let text: string;
    try {
      text = await file.text();
    } catch {
      setProblem({ message: t("agreements.import.libraryFile.unreadable"), unchanged: true });
      setStage(null);
      return;
    }
    const read = readLibraryFile(text);
    if (read.kind !== "ok") {
      setProblem(
        read.kind === "not_json"
          ? { message: t("agreements.import.libraryFile.notJson"), detail: read.detail || undefined, unchanged: true }
          : read.kind === "not_library"
            ? { message: t("agreements.import.libraryFile.notLibrary"), unchanged: true }
            : invalid(read.problems, read.json),
      );
      setStage(null);
      return;
    }
    setStage("sending");
    try {
      setResult(await importLibraryFile(read.json));
    } catch (error) {
      setProblem(refused(toApiError(error), read.json, read.file.taxonomy.version));
    } finally {
      setStage(null);
    }
  }

  const describedBy = [
    `${FIELD_ID}-hint`,
    problem ? `${FIELD_ID}-error` : "",
    problem?.places ? `${FIELD_ID}-problems` : "",
    problem?.detail ? `${FIELD_ID}-detail` : "",
    problem?.unchanged ? `${FIELD_ID}-unchanged` : "",
  ]
    .filter(Boolean)
    .join(" ");
  const status: ReactNode =
    stage === "reading" ? (
      t("agreements.import.libraryFile.reading")
    ) : stage === "sending" ? (
      t("agreements.import.libraryFile.sending")
    ) : result ? (
      <>
        {t("agreements.import.libraryFile.done", {
          created: formatNumber(result.created, locale),
          updated: formatNumber(result.updated, locale),
          unchanged: formatNumber(result.unchanged, locale),
        })}{" "}
        <Link to="/agreements">{t("agreements.import.libraryFile.openLibrary")}</Link>
      </>
    ) : null;

  return (
    <section className="panel agreement__section library-file" aria-labelledby="library-file-title">
      <h2 id="library-file-title">{t("agreements.import.libraryFile.title")}</h2>
      <p>{t("agreements.import.libraryFile.intro")}</p>
      <ul className="library-file__rules">
        <li className="library-file__rule">{t("agreements.import.libraryFile.rules.replace")}</li>
        <li className="library-file__rule">{t("agreements.import.libraryFile.rules.ownUnion")}</li>
        <li className="library-file__rule">{t("agreements.import.libraryFile.rules.taxonomy")}</li>
        <li className="library-file__rule">{t("agreements.import.libraryFile.rules.allOrNothing")}</li>
      </ul>
      <p>
        <a href={LIBRARY_EXPORT_JSON} download>
          {t("agreements.import.libraryFile.exportLink")}
        </a>
      </p>
      <ErrorSummary items={problem ? [{ message: problem.message, fieldId: FIELD_ID }] : []} attempt={attempt} />
      <form className="form" noValidate onSubmit={submit}>
        <div className={problem ? "field field--error" : "field"}>
          <label className="field__label" htmlFor={FIELD_ID}>
            {t("agreements.import.libraryFile.file")}
          </label>
          <p className="field__hint" id={`${FIELD_ID}-hint`}>
            {t("agreements.import.libraryFile.hint", { size: maxSize })}
          </p>
          {problem ? <FieldError id={`${FIELD_ID}-error`} message={problem.message} /> : null}
          {problem?.places ? <ProblemList id={`${FIELD_ID}-problems`} places={problem.places} /> : null}
          {problem?.detail ? (
            <p className="field__hint import-detail" id={`${FIELD_ID}-detail`}>
              {t("agreements.import.serverSaid")} <span lang="en">{problem.detail}</span>
            </p>
          ) : null}
          {problem?.unchanged ? (
            <p className="field__hint" id={`${FIELD_ID}-unchanged`}>
              {t("agreements.import.libraryFile.nothingImported")}
            </p>
          ) : null}
          <input
            className="field__file"
            id={FIELD_ID}
            name="library"
            type="file"
            accept={ACCEPTED}
            aria-describedby={describedBy}
            aria-invalid={problem ? true : undefined}
            onChange={(event) => {
              setFile(event.target.files?.[0] ?? null);
              setResult(null);
            }}
          />
        </div>
        <div className="form__actions">
          <SubmitButton
            busy={stage !== null}
            label={t("agreements.import.libraryFile.submit")}
            busyLabel={t("agreements.import.libraryFile.busy")}
          />
        </div>
        <StatusMessage tone={result && stage === null ? "success" : "info"}>{status}</StatusMessage>
      </form>
    </section>
  );
}

function ProblemList({ id, places }: { id: string; places: NonNullable<Problem["places"]> }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const more = places.total - places.items.length;
  return (
    <div className="library-file__problems" id={id}>
      <ul className="library-file__problem-list" aria-label={t("agreements.import.libraryFile.problemsLabel")}>
        {places.items.map((place) => (
          <li key={place.path} className="library-file__problem">
            <ProblemPlace place={place} />
          </li>
        ))}
      </ul>
      {more > 0 ? (
        <p className="library-file__more">
          {t("agreements.import.libraryFile.moreProblems", { count: formatNumber(more, locale) })}
        </p>
      ) : null}
    </div>
  );
}

/** "Agreement 4 (us-dga-basic-2023), clause 1, finding 2: code – value in the file: "AI.X" (Unknown…)". */
function ProblemPlace({ place }: { place: Place }) {
  const { t } = useTranslation();
  const stepText = useStepText();
  const where =
    place.steps.length > 0 ? place.steps.map(stepText).join(", ") : t("agreements.import.libraryFile.path.file");
  return (
    <>
      {where}
      {place.field ? (
        <>
          : <code className="library-file__value">{place.field}</code>
        </>
      ) : null}
      {place.value !== null ? (
        <>
          {" "}
          – {t("agreements.import.libraryFile.path.value")} <code className="library-file__value">{place.value}</code>
        </>
      ) : null}{" "}
      <span className="muted">
        (<span lang="en">{place.message}</span>)
      </span>
    </>
  );
}

function useStepText(): (step: PathStep) => string {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (step) => {
    const number = formatNumber(step.number, locale, { useGrouping: false });
    if (step.list === "other") {
      return t("agreements.import.libraryFile.path.other", { name: step.name, number });
    }
    if (step.list === "agreement" && step.id) {
      return t("agreements.import.libraryFile.path.agreementWithId", { number, id: step.id });
    }
    return t(`agreements.import.libraryFile.path.${step.list}`, { number });
  };
}
