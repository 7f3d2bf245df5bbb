import { type FormEvent, type ReactNode, useCallback, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import type { ProofBundle } from "../../../../common/transparency.ts";
import { type BundleVerdict, parseProofBundle, verifyProofBundle } from "../../../../common/transparency-verify.ts";
import { AsyncContent } from "../../components/async-content.tsx";
import { StatusMessage } from "../../components/status-message.tsx";
import { TextField } from "../../components/text-field.tsx";
import { type ApiError, toApiError } from "../../lib/api.ts";
import { formatDateTime } from "../../lib/format.ts";
import { currentLocale } from "../../lib/i18n.ts";
import { type AsyncData, useAsyncData } from "../../lib/use-async-data.ts";
import { useErrorMessage } from "../../lib/use-error-message.ts";
import { usePageTitle } from "../../lib/use-page-title.ts";
import {
  browserCrypto,
  checkpointFields,
  getCheckpoint,
  getLogKeys,
  getLogStats,
  getProofBundle,
  type LogKeys,
  type LogStats,
} from "./transparency-api.ts";

const COMMANDS = [
  { key: "local", command: "npx guildhall log verify" },
  { key: "remote", command: `npx guildhall log verify --url ${globalThis.location?.origin ?? "https://…"}` },
  { key: "since", command: "npx guildhall log verify --since saved-checkpoint.txt" },
  { key: "bundle", command: "npx guildhall log verify-bundle bundle.json --key <verifier key>" },
] as const;

/** An entry number as given in the address (`?index=N`), or null. */
function linkedEntry(value: string | null): number | null {
  if (value === null || !/^\d+$/.test(value)) return null;
  const index = Number(value);
  return Number.isSafeInteger(index) ? index : null;
}

/**
 * The public transparency log: its checkpoint, size, keys, and proofs anyone can check in the
 * browser. Opened as /transparency?index=N (from a case or an agreement), it fetches entry N's
 * proof bundle and checks it.
 */
export function TransparencyPage() {
  const { t } = useTranslation();
  usePageTitle(t("transparency.title"));
  const [searchParams] = useSearchParams();
  const linkedIndex = linkedEntry(searchParams.get("index"));
  const [checkpoint] = useAsyncData(getCheckpoint);
  const [stats] = useAsyncData(getLogStats);
  const [keys] = useAsyncData(getLogKeys);
  const [bundleText, setBundleText] = useState("");
  const [checkRequest, setCheckRequest] = useState(0);
  const checkLinkedBundle = useCallback((json: string) => {
    setBundleText(json);
    setCheckRequest((count) => count + 1);
  }, []);

  return (
    <div className="transparency">
      <h1>{t("transparency.title")}</h1>
      <p className="lead">{t("transparency.intro")}</p>
      {linkedIndex !== null ? (
        <p className="status-message">
          {t("transparency.linked.text", { index: linkedIndex })}{" "}
          <a href="#transparency-get">{t("transparency.linked.jump")}</a>
        </p>
      ) : null}
      <CheckpointSection checkpoint={checkpoint} />
      <StatsSection stats={stats} />
      <KeysSection keys={keys} />
      <HowToVerify />
      <GetBundle linkedIndex={linkedIndex} onCheck={setBundleText} onLinkedBundle={checkLinkedBundle} />
      <CheckBundle keys={keys} bundleText={bundleText} onBundleText={setBundleText} checkRequest={checkRequest} />
    </div>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="panel transparency__section" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

/** A copy button with its own announced feedback. */
function CopyButton({ value, label }: { value: string; label: string }) {
  const { t } = useTranslation();
  const [feedback, setFeedback] = useState<"idle" | "copied" | "failed">("idle");
  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setFeedback("copied");
    } catch {
      setFeedback("failed");
    }
  }
  return (
    <div className="transparency__copy">
      <button type="button" className="button button--secondary button--small" onClick={copy}>
        {label}
      </button>
      <p className="copyable__feedback" role="status">
        {feedback === "copied" ? t("common.copied") : feedback === "failed" ? t("common.copyFailed") : ""}
      </p>
    </div>
  );
}

function CheckpointSection({ checkpoint }: { checkpoint: AsyncData<string | null> }) {
  const { t } = useTranslation();
  return (
    <Section id="transparency-checkpoint" title={t("transparency.checkpoint.title")}>
      <p>{t("transparency.checkpoint.intro")}</p>
      <AsyncContent data={checkpoint}>
        {(note) => {
          if (note === null) return <p>{t("transparency.checkpoint.none")}</p>;
          const fields = checkpointFields(note);
          return (
            <>
              {fields ? (
                <dl className="transparency__facts">
                  <Fact term={t("transparency.checkpoint.origin")}>{fields.origin}</Fact>
                  <Fact term={t("transparency.checkpoint.size")}>{fields.size}</Fact>
                  <Fact term={t("transparency.checkpoint.root")}>
                    <code>{fields.root}</code>
                  </Fact>
                </dl>
              ) : null}
              <figure className="transparency__figure">
                <figcaption className="transparency__label">{t("transparency.checkpoint.note")}</figcaption>
                <pre className="transparency__pre" data-testid="checkpoint-note">
                  {note}
                </pre>
              </figure>
              <CopyButton value={note} label={t("transparency.checkpoint.copy")} />
            </>
          );
        }}
      </AsyncContent>
    </Section>
  );
}

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="transparency__fact">
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function useKindLabel() {
  const { t } = useTranslation();
  return (kind: string) => {
    switch (kind) {
      case "report.status":
        return t("transparency.kinds.reportStatus");
      case "report.referred":
        return t("transparency.kinds.reportReferred");
      case "report.removed":
        return t("transparency.kinds.reportRemoved");
      case "agreement.saved":
        return t("transparency.kinds.agreementSaved");
      default:
        return kind;
    }
  };
}

function formatDay(day: string, locale: string): string {
  const date = new Date(`${day.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return day;
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" }).format(date);
}

function StatsSection({ stats }: { stats: AsyncData<LogStats> }) {
  const { t } = useTranslation();
  const kindLabel = useKindLabel();
  const locale = currentLocale();
  const number = new Intl.NumberFormat(locale);
  return (
    <Section id="transparency-stats" title={t("transparency.stats.title")}>
      <AsyncContent data={stats}>
        {({ size, byDay }) => {
          const totals = new Map<string, number>();
          for (const row of byDay) totals.set(row.kind, (totals.get(row.kind) ?? 0) + row.count);
          const kinds = [...totals.entries()].sort((a, b) => b[1] - a[1]);
          const scale = Math.max(1, ...totals.values());
          const dayRows = [...byDay]
            .sort((a, b) => b.day.localeCompare(a.day) || a.kind.localeCompare(b.kind))
            .map((row) => ({ ...row, key: `${row.day}/${row.kind}` }));
          return (
            <>
              <dl className="transparency__facts">
                <Fact term={t("transparency.stats.size")}>
                  <span data-testid="log-size">{number.format(size)}</span>
                </Fact>
              </dl>
              <h3>{t("transparency.stats.byKind")}</h3>
              {kinds.length === 0 ? (
                <p>{t("transparency.stats.none")}</p>
              ) : (
                <div className="bar-chart" aria-hidden="true">
                  {kinds.map(([kind, count]) => (
                    <div className="bar-chart__row" key={kind}>
                      <div className="bar-chart__text">
                        <span className="bar-chart__label">{kindLabel(kind)}</span>
                        <span className="bar-chart__value">{number.format(count)}</span>
                      </div>
                      <div className="bar-chart__track">
                        <span className="bar-chart__bar" style={{ width: `${(count / scale) * 100}%` }} />
                      </div>
                    </div>
                  ))}
                </div>
              )}
              <h3>{t("transparency.stats.byDay")}</h3>
              {dayRows.length === 0 ? (
                <p>{t("transparency.stats.none")}</p>
              ) : (
                // Three short columns that wrap, so a phone needs no sideways scrolling.
                <table className="table transparency__table">
                  <caption className="visually-hidden">{t("transparency.stats.byDay")}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t("transparency.stats.day")}</th>
                      <th scope="col">{t("transparency.stats.kind")}</th>
                      <th scope="col">{t("transparency.stats.entries")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {dayRows.map((row) => (
                      <tr key={row.key}>
                        <th scope="row">{formatDay(row.day, locale)}</th>
                        <td>{kindLabel(row.kind)}</td>
                        <td>{number.format(row.count)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </>
          );
        }}
      </AsyncContent>
    </Section>
  );
}

function KeysSection({ keys }: { keys: AsyncData<LogKeys> }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <Section id="transparency-keys" title={t("transparency.keys.title")}>
      <p>{t("transparency.keys.intro")}</p>
      <AsyncContent data={keys}>
        {({ keys: list }) =>
          list.length === 0 ? (
            <p>{t("transparency.keys.none")}</p>
          ) : (
            <ul className="transparency__keys">
              {list.map((key) => (
                <li key={key.verifierKey} className="transparency__key">
                  <p className="transparency__key-status">
                    {key.active
                      ? t("transparency.keys.active", { date: formatDateTime(key.createdAt, locale) })
                      : t("transparency.keys.retired", {
                          date: formatDateTime(key.createdAt, locale),
                          retired: key.retiredAt ? formatDateTime(key.retiredAt, locale) : "",
                        })}
                  </p>
                  <code className="transparency__wrap">{key.verifierKey}</code>
                </li>
              ))}
            </ul>
          )
        }
      </AsyncContent>
    </Section>
  );
}

function HowToVerify() {
  const { t } = useTranslation();
  return (
    <Section id="transparency-how" title={t("transparency.how.title")}>
      <p>{t("transparency.how.intro")}</p>
      <ul className="transparency__commands">
        {COMMANDS.map(({ key, command }) => (
          <li key={key}>
            <p className="transparency__command-text">{t(`transparency.how.${key}`)}</p>
            <pre className="transparency__pre">
              <code>{command}</code>
            </pre>
          </li>
        ))}
      </ul>
    </Section>
  );
}

type BundleProblem = "badNumber" | "notSignedYet" | "noSuchEntry" | ApiError;

/** Fetches one entry's proof bundle; the problem is kept untranslated so a language change re-renders it. */
function useBundleFetch() {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<BundleProblem | null>(null);
  const [bundle, setBundle] = useState<{ index: number; json: string } | null>(null);
  const fetchBundle = useCallback(async (wanted: number): Promise<string | null> => {
    setBusy(true);
    setProblem(null);
    setBundle(null);
    try {
      const found: ProofBundle = await getProofBundle(wanted);
      const json = JSON.stringify(found, null, 2);
      setBundle({ index: wanted, json });
      return json;
    } catch (caught) {
      const apiError = toApiError(caught);
      setProblem(
        apiError.code === "conflict"
          ? "notSignedYet"
          : apiError.status === 400 || apiError.code === "not_found"
            ? "noSuchEntry"
            : apiError,
      );
      return null;
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, problem, setProblem, bundle, fetchBundle };
}

interface GetBundleProps {
  /** The entry named in the address, fetched at once. */
  linkedIndex: number | null;
  onCheck: (text: string) => void;
  /** Receives the linked entry's bundle, to be checked. */
  onLinkedBundle: (text: string) => void;
}

function GetBundle({ linkedIndex, onCheck, onLinkedBundle }: GetBundleProps) {
  const { t } = useTranslation();
  const describeError = useErrorMessage();
  const [index, setIndex] = useState(linkedIndex === null ? "0" : String(linkedIndex));
  const { busy, problem, setProblem, bundle, fetchBundle } = useBundleFetch();
  const error =
    problem === null ? null : typeof problem === "string" ? t(`transparency.get.${problem}`) : describeError(problem);

  useEffect(() => {
    if (linkedIndex === null) return;
    let current = true;
    setIndex(String(linkedIndex));
    void fetchBundle(linkedIndex).then((json) => {
      if (!current) return;
      if (json) onLinkedBundle(json);
      // Not yet signed or no such entry: the reason is shown at the entry number.
      else document.getElementById("transparency-get")?.scrollIntoView({ block: "start" });
    });
    return () => {
      current = false;
    };
  }, [linkedIndex, fetchBundle, onLinkedBundle]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const wanted = Number(index);
    if (!/^\d+$/.test(index.trim()) || !Number.isSafeInteger(wanted)) {
      setProblem("badNumber");
      return;
    }
    const json = await fetchBundle(wanted);
    if (json && wanted === linkedIndex) onLinkedBundle(json);
  }

  return (
    <Section id="transparency-get" title={t("transparency.get.title")}>
      <p>{t("transparency.get.intro")}</p>
      <form className="transparency__form" onSubmit={submit} noValidate>
        <TextField
          id="transparency-index"
          label={t("transparency.get.index")}
          hint={t("transparency.get.indexHint")}
          inputMode="numeric"
          width="code"
          value={index}
          error={error ?? undefined}
          onChange={(event) => setIndex(event.target.value)}
        />
        <button type="submit" className="button" disabled={busy}>
          {busy ? t("transparency.get.busy") : t("transparency.get.submit")}
        </button>
      </form>
      <StatusMessage>{bundle ? t("transparency.get.shown", { index: bundle.index }) : null}</StatusMessage>
      {bundle ? (
        <>
          <figure className="transparency__figure">
            <figcaption className="transparency__label">
              {t("transparency.get.bundle", { index: bundle.index })}
            </figcaption>
            <pre className="transparency__pre" data-testid="proof-bundle">
              {bundle.json}
            </pre>
          </figure>
          <div className="button-row">
            <CopyButton value={bundle.json} label={t("transparency.get.copy")} />
            <a
              className="button button--secondary button--small"
              href={`data:application/json;charset=utf-8,${encodeURIComponent(bundle.json)}`}
              download={`guildhall-log-entry-${bundle.index}.json`}
            >
              {t("transparency.get.download")}
            </a>
            <button
              type="button"
              className="button button--secondary button--small"
              onClick={() => {
                onCheck(bundle.json);
                document.getElementById("transparency-bundle-text")?.focus();
              }}
            >
              {t("transparency.get.check")}
            </button>
          </div>
        </>
      ) : null}
    </Section>
  );
}

interface CheckBundleProps {
  keys: AsyncData<LogKeys>;
  bundleText: string;
  onBundleText: (text: string) => void;
  /** Raised (counted up) to check the bundle as soon as a key is there: a linked entry's bundle arrived. */
  checkRequest: number;
}

function CheckBundle({ keys, bundleText, onBundleText, checkRequest }: CheckBundleProps) {
  const { t } = useTranslation();
  const [key, setKey] = useState("");
  const [keyTouched, setKeyTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  const [verdict, setVerdict] = useState<BundleVerdict | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const activeKey = keys.state === "loaded" ? keys.data.keys.find((k) => k.active)?.verifierKey : undefined;

  useEffect(() => {
    if (activeKey && !keyTouched) setKey(activeKey);
  }, [activeKey, keyTouched]);

  async function readFile(file: File | undefined) {
    setFileError(null);
    if (!file) return;
    try {
      onBundleText(await file.text());
      setVerdict(null);
    } catch {
      setFileError(t("transparency.check.fileUnreadable"));
    }
  }

  const check = useCallback(async (text: string, keyText: string) => {
    setBusy(true);
    setVerdict(null);
    try {
      const parsed = parseProofBundle(text);
      const keyList = keyText.split(/\s+/).filter(Boolean);
      setVerdict(parsed.ok ? await verifyProofBundle(parsed.bundle, keyList, browserCrypto()) : parsed);
    } finally {
      setBusy(false);
    }
  }, []);

  const handledRequest = useRef(0);
  useEffect(() => {
    if (checkRequest === handledRequest.current || bundleText.trim() === "" || key.trim() === "") return;
    handledRequest.current = checkRequest;
    void check(bundleText, key).then(() =>
      document.getElementById("transparency-check")?.scrollIntoView({ block: "start" }),
    );
  }, [checkRequest, bundleText, key, check]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    await check(bundleText, key);
  }

  return (
    <Section id="transparency-check" title={t("transparency.check.title")}>
      <p>{t("transparency.check.intro")}</p>
      <form className="transparency__form" onSubmit={submit} noValidate>
        <div className="field">
          <label className="field__label" htmlFor="transparency-bundle-text">
            {t("transparency.check.bundle")}
          </label>
          <p className="field__hint" id="transparency-bundle-text-hint">
            {t("transparency.check.bundleHint")}
          </p>
          <textarea
            className="field__input field__textarea transparency__textarea"
            id="transparency-bundle-text"
            aria-describedby="transparency-bundle-text-hint"
            spellCheck={false}
            value={bundleText}
            onChange={(event) => {
              onBundleText(event.target.value);
              setVerdict(null);
            }}
          />
        </div>
        <div className={fileError ? "field field--error" : "field"}>
          <label className="field__label" htmlFor="transparency-bundle-file">
            {t("transparency.check.file")}
          </label>
          {fileError ? (
            <p className="field__error" id="transparency-bundle-file-error">
              {fileError}
            </p>
          ) : null}
          <input
            className="field__file"
            id="transparency-bundle-file"
            type="file"
            accept=".json,application/json"
            aria-describedby={fileError ? "transparency-bundle-file-error" : undefined}
            onChange={(event) => readFile(event.target.files?.[0])}
          />
        </div>
        <div className="field">
          <label className="field__label" htmlFor="transparency-key">
            {t("transparency.check.key")}
          </label>
          <p className="field__hint" id="transparency-key-hint">
            {t("transparency.check.keyHint")}
          </p>
          <textarea
            className="field__input field__textarea field__textarea--short transparency__key-input"
            id="transparency-key"
            aria-describedby="transparency-key-hint"
            spellCheck={false}
            value={key}
            onChange={(event) => {
              setKey(event.target.value);
              setKeyTouched(true);
              setVerdict(null);
            }}
          />
        </div>
        <button type="submit" className="button" disabled={busy || bundleText.trim() === "" || key.trim() === ""}>
          {busy ? t("transparency.check.busy") : t("transparency.check.submit")}
        </button>
      </form>
      <div className="transparency__verdict" data-testid="verdict">
        <StatusMessage tone={verdict === null ? "info" : verdict.ok ? "success" : "warning"}>
          {verdict === null ? null : <VerdictText verdict={verdict} />}
        </StatusMessage>
      </div>
    </Section>
  );
}

function VerdictText({ verdict }: { verdict: BundleVerdict }) {
  const { t } = useTranslation();
  if (verdict.ok) {
    return (
      <>
        {t("transparency.check.valid", {
          index: verdict.index,
          size: verdict.checkpoint.size,
          origin: verdict.checkpoint.origin,
        })}{" "}
        <span className="transparency__wrap">{t("transparency.check.signedBy", { key: verdict.signedBy })}</span>
      </>
    );
  }
  const reasons = {
    malformed: t("transparency.check.problems.malformed"),
    signature: t("transparency.check.problems.signature"),
    origin: t("transparency.check.problems.origin"),
    size: t("transparency.check.problems.size"),
    inclusion: t("transparency.check.problems.inclusion"),
  } as const;
  return (
    <>
      {t("transparency.check.invalid")} {reasons[verdict.problem]}
    </>
  );
}
