import { SECTORS } from "../../../../../common/agreements.ts";
import { INJURY_SEVERITIES, VIOLATION_CATEGORIES } from "../../../../../common/reports.ts";
import type { AgreementOutline } from "../../agreements/index.ts";
import {
  AttachmentFields,
  type Choice,
  ErrorSummary,
  type FieldErrors,
  fieldId,
  Radios,
  SelectField,
  TextField,
} from "./fields.tsx";
import { renderPage } from "./layout.tsx";
import type { FormValues } from "./report-form-values.ts";
import { countryName, fill, type PageLanguage, stringsFor } from "./strings.ts";

export interface Receiver {
  id: string;
  name: string;
  kind: "union" | "authority";
}

const query = (params: Record<string, string | undefined>) =>
  new URLSearchParams(Object.entries(params).filter((entry): entry is [string, string] => Boolean(entry[1])));

/** Step 1: what kind of report, and in which country (this decides who can receive it). */
export function renderChooseStep(
  language: PageLanguage,
  countries: string[],
  chosen: { kind?: string | undefined; country?: string | undefined; sector?: string | undefined },
  errors: FieldErrors,
): string {
  const t = stringsFor(language);
  const r = t.report;
  const countryChoices = countries
    .map((code) => ({ value: code, label: countryName(language, code) }))
    .sort((a, b) => a.label.localeCompare(b.label, language));
  return renderPage({
    language,
    title: Object.keys(errors).length > 0 ? `${t.errorTitle}: ${r.title}` : r.title,
    languageHref: (other) =>
      `/report?${query({ lang: other, kind: chosen.kind, country: chosen.country, sector: chosen.sector })}`,
    children: (
      <>
        <h1>{r.title}</h1>
        <ErrorSummary title={r.errorsTitle} errors={errors} />
        <p>{r.intro}</p>
        <p className="notice">{r.privacy}</p>
        <p>
          <a href={`/report/follow-up?lang=${language}`}>{r.followUpInstead}</a>
        </p>
        {countries.length === 0 ? (
          <p className="problem">{r.noCountries}</p>
        ) : (
          <form method="get" action="/report" noValidate>
            <h2>{r.step1}</h2>
            <input type="hidden" name="lang" value={language} />
            <Radios
              name="kind"
              label={r.kindLegend}
              value={chosen.kind}
              error={errors.kind}
              choices={[
                { value: "violation", label: r.violation, hint: r.violationHint },
                { value: "accident", label: r.accident, hint: r.accidentHint },
              ]}
            />
            <SelectField
              name="country"
              label={r.country}
              hint={r.countryHint}
              value={chosen.country}
              error={errors.country}
              placeholder=""
              choices={countryChoices}
            />
            <SelectField
              name="sector"
              label={r.sector}
              value={chosen.sector}
              placeholder={r.sectorUnknown}
              choices={SECTORS.map((sector) => ({ value: sector, label: r.sectors[sector] }))}
            />
            <button type="submit">{r.continue}</button>
          </form>
        )}
      </>
    ),
  });
}

/** Step 2: the report itself, sent with its files as one multipart form. */
export function renderReportForm(
  language: PageLanguage,
  receivers: Receiver[],
  agreements: AgreementOutline[],
  values: FormValues,
  errors: FieldErrors,
  filesWereDropped: boolean,
): string {
  const t = stringsFor(language);
  const r = t.report;
  const kind = values.kind === "accident" ? "accident" : "violation";
  const country = values.country ?? "";
  const yesNoUnknown: Choice[] = [
    { value: "yes", label: r.yes },
    { value: "no", label: r.no },
    { value: "unknown", label: r.unknown },
  ];
  const hasErrors = Object.keys(errors).length > 0;
  return renderPage({
    language,
    title: hasErrors ? `${t.errorTitle}: ${r.title}` : r.title,
    languageHref: hasErrors
      ? undefined
      : (other) => `/report?${query({ lang: other, kind, country, sector: values.sector })}`,
    children: (
      <>
        <h1>{r.title}</h1>
        <ErrorSummary title={r.errorsTitle} errors={errors}>
          {filesWereDropped && <p>{r.filesAgain}</p>}
        </ErrorSummary>
        <form method="post" action="/report" encType="multipart/form-data" noValidate>
          <h2>{r.step2}</h2>
          <p className="chosen">
            {fill(r.chosen, {
              kind: kind === "accident" ? r.accident : r.violation,
              country: countryName(language, country),
            })}{" "}
            <a href={`/report?${query({ lang: language, kind, country, sector: values.sector })}&change=1`}>
              {r.change}
            </a>
          </p>
          <input type="hidden" name="lang" value={language} />
          <input type="hidden" name="kind" value={kind} />
          <input type="hidden" name="country" value={country} />
          {receivers.length === 0 ? (
            <p className="problem">{r.noReceivers}</p>
          ) : (
            <Radios
              name="organizationId"
              label={r.receiver}
              value={values.organizationId ?? (receivers.length === 1 ? receivers[0]?.id : undefined)}
              error={errors.organizationId}
              choices={receivers.map((receiver) => ({
                value: receiver.id,
                label: `${receiver.name} (${r.receiverKinds[receiver.kind]})`,
              }))}
            />
          )}
          {kind === "violation" && (
            <Radios
              name="category"
              label={r.category}
              value={values.category}
              error={errors.category}
              choices={VIOLATION_CATEGORIES.map((category) => ({ value: category, label: r.categories[category] }))}
            />
          )}
          {kind === "violation" && agreements.length > 0 && (
            <AgreementSelect
              language={language}
              agreements={agreements}
              value={values.agreement}
              error={errors.agreement}
            />
          )}
          <fieldset className="group">
            <legend>{r.workplaceLegend}</legend>
            <p className="hint">{r.workplaceHint}</p>
            <TextField
              name="workplace.name"
              label={r.workplaceName}
              hint={r.workplaceNameHint}
              value={values["workplace.name"]}
              error={errors["workplace.name"]}
              maxLength={200}
            />
            <TextField
              name="workplace.address"
              label={r.address}
              hint={r.addressHint}
              value={values["workplace.address"]}
              error={errors["workplace.address"]}
              maxLength={300}
            />
            <TextField
              name="workplace.city"
              label={r.city}
              value={values["workplace.city"]}
              error={errors["workplace.city"]}
              maxLength={120}
            />
            <TextField
              name="workplace.detail"
              label={r.detail}
              value={values["workplace.detail"]}
              error={errors["workplace.detail"]}
              maxLength={300}
            />
            <SelectField
              name="sector"
              label={r.sector}
              value={values.sector}
              placeholder={r.sectorUnknown}
              choices={SECTORS.map((sector) => ({ value: sector, label: r.sectors[sector] }))}
            />
          </fieldset>
          {kind === "accident" ? (
            <fieldset className="group">
              <legend>{r.accidentLegend}</legend>
              <TextField
                name="accident.occurredAt"
                type="datetime-local"
                label={r.occurredAt}
                value={values["accident.occurredAt"]}
                error={errors["accident.occurredAt"]}
              />
              <Radios
                name="accident.severity"
                label={r.severity}
                value={values["accident.severity"]}
                error={errors["accident.severity"]}
                choices={INJURY_SEVERITIES.map((severity) => ({ value: severity, label: r.severities[severity] }))}
              />
              <Radios
                name="accident.medicalCare"
                label={r.medicalCare}
                value={values["accident.medicalCare"]}
                error={errors["accident.medicalCare"]}
                choices={yesNoUnknown.slice(0, 2)}
              />
              <Radios
                name="accident.employerReported"
                label={r.employerReported}
                value={values["accident.employerReported"]}
                error={errors["accident.employerReported"]}
                choices={yesNoUnknown}
              />
            </fieldset>
          ) : (
            <TextField
              name="happenedOn"
              type="date"
              label={r.happenedOn}
              value={values.happenedOn}
              error={errors.happenedOn}
            />
          )}
          <TextField
            name="description"
            label={r.description}
            hint={r.descriptionHint}
            value={values.description}
            error={errors.description}
            multiline
            maxLength={10_000}
          />
          <AttachmentFields
            label={r.filesLegend}
            hint={r.filesHint}
            privacy={r.filesPrivacy}
            keepLabel={r.keepMetadata}
            keep={values.keepMetadata === "true"}
            error={errors.attachments}
          />
          <Radios
            name="anonymous"
            label={r.contactLegend}
            value={values.anonymous}
            error={errors.anonymous ?? errors.contact}
            choices={[
              { value: "yes", label: r.anonymous, hint: r.anonymousHint },
              { value: "no", label: r.named, hint: r.contactHint },
            ]}
          />
          <fieldset className="group">
            <legend>{r.named}</legend>
            <TextField
              name="contact.name"
              label={r.contactName}
              autoComplete="name"
              value={values["contact.name"]}
              error={errors["contact.name"]}
              maxLength={120}
            />
            <TextField
              name="contact.email"
              type="email"
              label={r.email}
              autoComplete="email"
              value={values["contact.email"]}
              error={errors["contact.email"]}
              maxLength={254}
            />
            <TextField
              name="contact.phone"
              type="tel"
              label={r.phone}
              autoComplete="tel"
              value={values["contact.phone"]}
              error={errors["contact.phone"]}
              maxLength={25}
            />
          </fieldset>
          <button type="submit">{r.submit}</button>
        </form>
      </>
    ),
  });
}

/** One choice names the agreement as a whole or one of its clauses, so the two cannot disagree. */
function AgreementSelect(props: {
  language: PageLanguage;
  agreements: AgreementOutline[];
  value: string | undefined;
  error: string | undefined;
}) {
  const r = stringsFor(props.language).report;
  const id = fieldId("agreement");
  return (
    <div className={props.error ? "field has-error" : "field"}>
      <label htmlFor={id}>{r.agreement}</label>
      <p className="hint" id={`${id}-hint`}>
        {r.agreementHint}
      </p>
      {props.error && (
        <p className="field-error" id={`${id}-error`}>
          {props.error}
        </p>
      )}
      <select
        id={id}
        name="agreement"
        defaultValue={props.value ?? ""}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={props.error ? `${id}-hint ${id}-error` : `${id}-hint`}
      >
        <option value="">{r.agreementNone}</option>
        {props.agreements.map((agreement) => (
          <optgroup key={agreement.id} label={agreement.title}>
            <option value={agreement.id}>{`${agreement.title}: ${r.wholeAgreement}`}</option>
            {agreement.clauses.map((clause) => (
              <option key={clause.id} value={`${agreement.id}#${clause.id}`}>
                {clause.label}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    </div>
  );
}
