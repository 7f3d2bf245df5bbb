import { type Dispatch, type FormEvent, type SetStateAction, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import {
  AGREEMENT_LEVELS,
  AGREEMENT_STATUSES,
  OCCUPATIONS,
  PARTY_ROLES,
  SECTORS,
} from "../../../../../common/agreements.ts";
import type { ImportDraft } from "../../../../../common/agreements-import.ts";
import { ErrorSummary, type SummaryItem } from "../../../components/error-summary.tsx";
import { FieldError } from "../../../components/field-error.tsx";
import { ScrollingCheckList } from "../../../components/scrolling-check-list.tsx";
import { SelectField } from "../../../components/select-field.tsx";
import { SubmitButton } from "../../../components/submit-button.tsx";
import { TextField } from "../../../components/text-field.tsx";
import { toApiError } from "../../../lib/api.ts";
import { currentLocale } from "../../../lib/i18n.ts";
import { useErrorMessage } from "../../../lib/use-error-message.ts";
import { useEnumLabel } from "../agreement-bits.tsx";
import { countryName, formatNumber } from "../agreement-format.ts";
import {
  type CommitDraft,
  type CommitErrors,
  type CommitField,
  commitFromDraft,
  errorsFromServer,
  initialCommitDraft,
  type Occupation,
  type PartyRole,
  parseStoredDraft,
  type Sector,
} from "./commit-state.ts";
import { COUNTRIES } from "./countries.ts";
import { commitImport, getImport } from "./import-api.ts";
import { draftStorage, serverDetail } from "./import-format.ts";
import { slugify } from "./slug.ts";

const FIELD_IDS: Record<Exclude<CommitField, `party-${number}`>, string> = {
  title: "commit-title",
  titleEn: "commit-title-en",
  id: "commit-id",
  status: "commit-status",
  level: "commit-level",
  countries: "commit-country-filter",
  sectors: `commit-sector-${SECTORS[0]}`,
  occupations: `commit-occupation-${OCCUPATIONS[0]}`,
  signed: "commit-signed",
  inForceFrom: "commit-in-force-from",
  inForceTo: "commit-in-force-to",
  sourceUrl: "commit-source-url",
  sourceTitle: "commit-source-title",
};

function fieldId(field: CommitField): string {
  return field.startsWith("party-") ? `commit-${field}-name` : FIELD_IDS[field as keyof typeof FIELD_IDS];
}

/** The order problems are listed in: the order of the form. */
const FIELD_ORDER: readonly string[] = [
  "title",
  "titleEn",
  "id",
  "status",
  "level",
  "party-",
  "countries",
  "sectors",
  "occupations",
  "signed",
  "inForceFrom",
  "inForceTo",
  "sourceUrl",
  "sourceTitle",
];

function orderOf(field: string): number {
  const index = FIELD_ORDER.findIndex((name) => (name === "party-" ? field.startsWith(name) : name === field));
  return index * 1000 + (field.startsWith("party-") ? Number(field.slice(6)) : 0);
}

interface CommitFormProps {
  draft: ImportDraft;
  unionName: string;
  accepted: number;
  pending: number;
  /** The draft turned out to be committed already (by someone else, or in another tab). */
  onAlreadyCommitted: (draft: ImportDraft) => void;
}

export function CommitForm({ draft, unionName, accepted, pending, onAlreadyCommitted }: CommitFormProps) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const label = useEnumLabel();
  const navigate = useNavigate();
  const describeError = useErrorMessage();
  const storageKey = `guildhall.import.commit.${draft.id}`;
  const [values, setValues] = useState<CommitDraft>(
    () =>
      parseStoredDraft(draftStorage.read(storageKey)) ??
      initialCommitDraft(unionName, draft.source.filename ?? t("agreements.import.pastedText")),
  );
  const [errors, setErrors] = useState<CommitErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  /** The server's own words about a refusal the form cannot pin on a field (in English). */
  const [formDetail, setFormDetail] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [submitting, setSubmitting] = useState(false);

  // What was typed survives a reload or a lost session in this tab.
  useEffect(() => {
    const timer = window.setTimeout(() => draftStorage.write(storageKey, JSON.stringify(values)), 300);
    return () => window.clearTimeout(timer);
  }, [storageKey, values]);

  const set = <K extends keyof CommitDraft>(field: K, value: CommitDraft[K]) =>
    setValues((previous) => ({ ...previous, [field]: value }));
  const message = (field: CommitField) => {
    const problem = errors[field];
    if (!problem) return undefined;
    const number = field.startsWith("party-") ? String(Number(field.slice(6)) + 1) : "";
    return t(`agreements.import.commit.errors.${problem}`, { number });
  };
  const text = (field: Exclude<CommitField, `party-${number}` | "countries" | "sectors" | "occupations">) => ({
    id: fieldId(field),
    error: message(field),
    value: values[field as keyof CommitDraft] as string,
    onChange: (event: { target: { value: string } }) => set(field as "title", event.target.value),
  });

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setAttempt((value) => value + 1);
    const result = commitFromDraft(values);
    if ("errors" in result) {
      setErrors(result.errors);
      setFormError(null);
      return;
    }
    setErrors({});
    setFormError(null);
    setFormDetail(null);
    setSubmitting(true);
    try {
      const { id } = await commitImport(draft.id, result.commit);
      draftStorage.write(storageKey, null);
      void navigate(`/agreements/${id}`);
    } catch (caught) {
      const error = toApiError(caught);
      setSubmitting(false);
      if (error.code === "conflict") {
        // Two conflicts are possible: the id is taken, or the draft was committed meanwhile.
        const current = await getImport(draft.id).catch(() => null);
        if (current && current.status !== "draft") {
          draftStorage.write(storageKey, null);
          onAlreadyCommitted(current);
          return;
        }
        setErrors({ id: "idTaken" });
        return;
      }
      const fieldErrors = error.code === "validation_failed" ? errorsFromServer(error.fields) : {};
      setErrors(fieldErrors);
      if (Object.keys(fieldErrors).length > 0) {
        setFormError(null);
      } else if (error.code === "validation_failed") {
        // Nothing in the form is to blame: the clauses or accepted values did not make a valid agreement.
        setFormError(t("agreements.import.commit.errors.notBuilt"));
        setFormDetail(serverDetail(error) ?? null);
      } else {
        setFormError(describeError(error));
      }
    }
  }

  const summaryItems: SummaryItem[] = [
    ...(formError ? [{ message: formError }] : []),
    ...(Object.keys(errors) as CommitField[])
      .sort((a, b) => orderOf(a) - orderOf(b))
      .map((field) => ({ message: message(field) ?? "", fieldId: fieldId(field) })),
  ];

  return (
    <section className="panel agreement__section commit" aria-labelledby="commit-title-heading">
      <h2 id="commit-title-heading">{t("agreements.import.commit.title")}</h2>
      <p>
        {t("agreements.import.commit.intro", {
          accepted: formatNumber(accepted, locale),
          clauses: formatNumber(draft.clauses.length, locale),
        })}
      </p>
      {pending > 0 ? (
        <p className="commit__pending">
          {t("agreements.import.commit.pendingWarning", { count: formatNumber(pending, locale) })}
        </p>
      ) : null}
      <ErrorSummary items={summaryItems} attempt={attempt} />
      {formError && formDetail ? (
        <p className="field__hint import-detail">
          {t("agreements.import.serverSaid")} <span lang="en">{formDetail}</span>
        </p>
      ) : null}
      <form className="form form--grid commit__form" noValidate onSubmit={submit}>
        <TextField
          {...text("title")}
          label={t("agreements.import.commit.titleField")}
          autoComplete="off"
          required
          lang={draft.language === "und" ? undefined : draft.language}
          onChange={(event) => {
            const title = event.target.value;
            setValues((previous) => ({
              ...previous,
              title,
              id: previous.idEdited ? previous.id : slugify(title),
            }));
          }}
        />
        <TextField
          {...text("titleEn")}
          label={t("agreements.import.commit.titleEn")}
          labelSuffix={t("common.optional")}
          autoComplete="off"
          lang="en"
        />
        <TextField
          {...text("id")}
          label={t("agreements.import.commit.id")}
          hint={t("agreements.import.commit.idHint", { id: values.id || "…" })}
          autoComplete="off"
          spellCheck={false}
          required
          onChange={(event) => {
            const id = event.target.value;
            setValues((previous) => ({ ...previous, id, idEdited: id !== "" }));
          }}
        />
        <SelectField
          id={fieldId("status")}
          label={t("agreements.fields.status")}
          value={values.status}
          error={message("status")}
          options={AGREEMENT_STATUSES.map((status) => ({ value: status, label: label("statuses", status) }))}
          onChange={(event) => set("status", event.target.value as CommitDraft["status"])}
        />
        <SelectField
          id={fieldId("level")}
          label={t("agreements.fields.level")}
          value={values.level}
          error={message("level")}
          options={AGREEMENT_LEVELS.map((level) => ({ value: level, label: label("levels", level) }))}
          onChange={(event) => set("level", event.target.value as CommitDraft["level"])}
        />
        <PartiesFieldset values={values} setValues={setValues} message={message} />
        <CountriesFieldset
          chosen={values.countries}
          error={message("countries")}
          onChange={(countries) => set("countries", countries)}
        />
        <ChoiceFieldset
          legend={t("agreements.fields.sectors")}
          name="sector"
          options={SECTORS.map((sector) => ({ value: sector, label: label("sectors", sector) }))}
          chosen={values.sectors}
          error={message("sectors")}
          onChange={(sectors) => set("sectors", sectors as Sector[])}
        />
        <ChoiceFieldset
          legend={t("agreements.import.commit.occupations")}
          legendSuffix={t("common.optional")}
          name="occupation"
          options={OCCUPATIONS.map((occupation) => ({
            value: occupation,
            label: t(`agreements.occupations.${occupation}`),
          }))}
          chosen={values.occupations}
          error={message("occupations")}
          onChange={(occupations) => set("occupations", occupations as Occupation[])}
        />
        <fieldset className="commit__group commit__wide">
          <legend>{t("agreements.import.commit.dates")}</legend>
          <p className="field__hint">{t("agreements.import.commit.datesHint")}</p>
          <div className="commit__dates">
            <TextField
              {...text("signed")}
              label={t("agreements.dates.signed")}
              labelSuffix={t("common.optional")}
              inputMode="numeric"
              autoComplete="off"
            />
            <TextField
              {...text("inForceFrom")}
              label={t("agreements.import.commit.inForceFrom")}
              labelSuffix={t("common.optional")}
              inputMode="numeric"
              autoComplete="off"
            />
            <TextField
              {...text("inForceTo")}
              label={t("agreements.import.commit.inForceTo")}
              labelSuffix={t("common.optional")}
              inputMode="numeric"
              autoComplete="off"
            />
          </div>
          <label className="check">
            <input
              type="checkbox"
              id="commit-open-ended"
              checked={values.openEnded}
              onChange={(event) => set("openEnded", event.target.checked)}
            />
            <span>{t("agreements.import.commit.openEnded")}</span>
          </label>
        </fieldset>
        <TextField
          {...text("sourceUrl")}
          label={t("agreements.import.commit.sourceUrl")}
          labelSuffix={t("common.optional")}
          hint={t("agreements.import.commit.sourceUrlHint")}
          type="url"
          inputMode="url"
          autoComplete="off"
          spellCheck={false}
        />
        <TextField
          {...text("sourceTitle")}
          label={t("agreements.import.commit.sourceTitle")}
          hint={t("agreements.import.commit.sourceTitleHint")}
          autoComplete="off"
          required
        />
        <div className="form__actions">
          <SubmitButton
            busy={submitting}
            label={t("agreements.import.commit.submit")}
            busyLabel={t("agreements.import.commit.submitting")}
          />
        </div>
      </form>
    </section>
  );
}

interface PartiesFieldsetProps {
  values: CommitDraft;
  setValues: Dispatch<SetStateAction<CommitDraft>>;
  message: (field: CommitField) => string | undefined;
}

function PartiesFieldset({ values, setValues, message }: PartiesFieldsetProps) {
  const { t } = useTranslation();
  const label = useEnumLabel();
  const [focusParty, setFocusParty] = useState<number | null>(null);

  useEffect(() => {
    if (focusParty !== null) {
      document.getElementById(`commit-party-${focusParty}-name`)?.focus();
      setFocusParty(null);
    }
  }, [focusParty]);

  const update = (index: number, change: Partial<CommitDraft["parties"][number]>) =>
    setValues((previous) => ({
      ...previous,
      parties: previous.parties.map((party, at) => (at === index ? { ...party, ...change } : party)),
    }));

  return (
    <fieldset className="commit__group commit__wide">
      <legend>{t("agreements.fields.parties")}</legend>
      <p className="field__hint">{t("agreements.import.commit.partiesHint")}</p>
      <ol className="commit__parties">
        {values.parties.map((party, index) => {
          const number = String(index + 1);
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: parties are edited in place; their position is their identity.
            <li key={index} className="commit__party">
              <TextField
                id={`commit-party-${index}-name`}
                label={t("agreements.import.commit.partyName", { number })}
                value={party.name}
                error={message(`party-${index}`)}
                autoComplete="off"
                onChange={(event) => update(index, { name: event.target.value })}
              />
              <SelectField
                id={`commit-party-${index}-role`}
                label={t("agreements.import.commit.partyRole", { number })}
                value={party.role}
                options={PARTY_ROLES.map((role) => ({ value: role, label: label("partyRoles", role) }))}
                onChange={(event) => update(index, { role: event.target.value as PartyRole })}
              />
              {values.parties.length > 1 ? (
                <button
                  type="button"
                  className="button button--secondary button--small commit__remove"
                  onClick={() => {
                    setValues((previous) => ({
                      ...previous,
                      parties: previous.parties.filter((_, at) => at !== index),
                    }));
                    setFocusParty(Math.max(0, index - 1));
                  }}
                >
                  {t("agreements.import.commit.removeParty", { number })}
                </button>
              ) : null}
            </li>
          );
        })}
      </ol>
      <button
        type="button"
        className="button button--secondary button--small"
        onClick={() => {
          setValues((previous) => ({
            ...previous,
            parties: [...previous.parties, { name: "", role: "employer_association" }],
          }));
          setFocusParty(values.parties.length);
        }}
      >
        {t("agreements.import.commit.addParty")}
      </button>
    </fieldset>
  );
}

function matches(text: string, words: string): boolean {
  const haystack = text.toLocaleLowerCase();
  return words
    .toLocaleLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => haystack.includes(word));
}

interface CountriesFieldsetProps {
  chosen: readonly string[];
  error: string | undefined;
  onChange: (countries: string[]) => void;
}

function CountriesFieldset({ chosen, error, onChange }: CountriesFieldsetProps) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const [filter, setFilter] = useState("");
  const named = COUNTRIES.map((code) => ({ code, name: countryName(code, locale) })).sort((a, b) =>
    a.name.localeCompare(b.name, locale),
  );
  const shown = named.filter(
    (country) => chosen.includes(country.code) || matches(`${country.name} ${country.code}`, filter),
  );
  const errorId = "commit-countries-error";
  return (
    <fieldset className={error ? "commit__group field--error" : "commit__group"}>
      <legend>{t("agreements.fields.countries")}</legend>
      {error ? <FieldError id={errorId} message={error} /> : null}
      <p className="field__hint" id="commit-countries-chosen">
        {chosen.length === 0
          ? t("agreements.import.commit.noCountry")
          : t("agreements.import.commit.chosenCountries", {
              countries: chosen.map((code) => countryName(code, locale)).join(", "),
            })}
      </p>
      <TextField
        id={FIELD_IDS.countries}
        label={t("agreements.import.commit.findCountry")}
        type="search"
        autoComplete="off"
        value={filter}
        aria-describedby={error ? errorId : undefined}
        aria-invalid={error ? true : undefined}
        onChange={(event) => setFilter(event.target.value)}
      />
      <ScrollingCheckList
        options={shown.map((country) => ({ value: country.code, label: country.name, detail: country.code }))}
        chosen={chosen}
        onChange={onChange}
        emptyText={t("agreements.import.commit.noCountryMatches")}
        className="commit__countries"
      />
    </fieldset>
  );
}

interface ChoiceFieldsetProps {
  legend: string;
  legendSuffix?: string;
  /** Ids are `commit-<name>-<value>`. */
  name: string;
  options: readonly { value: string; label: string }[];
  chosen: readonly string[];
  error: string | undefined;
  onChange: (chosen: string[]) => void;
}

function ChoiceFieldset({ legend, legendSuffix, name, options, chosen, error, onChange }: ChoiceFieldsetProps) {
  const errorId = `commit-${name}-error`;
  return (
    <fieldset
      className={error ? "commit__group field--error" : "commit__group"}
      aria-describedby={error ? errorId : undefined}
    >
      <legend>
        {legend}
        {legendSuffix ? <span className="field__suffix"> ({legendSuffix})</span> : null}
      </legend>
      {error ? <FieldError id={errorId} message={error} /> : null}
      <ul className="check-list check-list--columns">
        {options.map((option) => (
          <li key={option.value}>
            <label className="check">
              <input
                type="checkbox"
                id={`commit-${name}-${option.value}`}
                checked={chosen.includes(option.value)}
                onChange={(event) =>
                  onChange(
                    event.target.checked ? [...chosen, option.value] : chosen.filter((value) => value !== option.value),
                  )
                }
              />
              <span>{option.label}</span>
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
