import { useCallback, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import type { Membership, SessionUser } from "../../../../common/identity.ts";
import type { CaseSettings } from "../../../../common/reports.ts";
import { AsyncContent } from "../../components/async-content.tsx";
import { ErrorSummary } from "../../components/error-summary.tsx";
import { chosenOrganization, OrganizationChoice } from "../../components/organization-choice.tsx";
import { SelectField } from "../../components/select-field.tsx";
import { StatusMessage } from "../../components/status-message.tsx";
import { SubmitButton } from "../../components/submit-button.tsx";
import { TextField } from "../../components/text-field.tsx";
import { useAsyncData } from "../../lib/use-async-data.ts";
import { type FieldErrors, useForm } from "../../lib/use-form.ts";
import { usePageTitle } from "../../lib/use-page-title.ts";
import { RequireSession } from "../../session/route-guards.tsx";
import { getCaseSettings, saveCaseSettings } from "./cases-api.ts";
import { caseSettingsMemberships, isOfficerOf, queuePath } from "./officer-access.ts";

type FieldName = "acknowledgeDays" | "feedbackMonths" | "retention" | "retentionDays";

const FIELD_IDS: Record<FieldName, string> = {
  acknowledgeDays: "settings-acknowledge-days",
  feedbackMonths: "settings-feedback-months",
  retention: "settings-retention",
  retentionDays: "settings-retention-days",
};

/** The bounds the server accepts (common/reports.ts). */
const LIMITS = {
  acknowledgeDays: { min: 1, max: 90 },
  feedbackMonths: { min: 1, max: 24 },
  retentionDays: { min: 30, max: 3650 },
} as const;

export function CaseSettingsRoute() {
  return <RequireSession>{(session) => <CaseSettingsPage user={session.user} />}</RequireSession>;
}

function CaseSettingsPage({ user }: { user: SessionUser }) {
  const { t } = useTranslation();
  const [searchParams, setSearchParams] = useSearchParams();
  const organizations = caseSettingsMemberships(user);
  usePageTitle(organizations.length > 0 ? t("cases.settings.title") : t("cases.settings.notAllowedTitle"));

  const selected = chosenOrganization(organizations, searchParams);
  if (!selected) {
    return (
      <>
        <h1>{t("cases.settings.notAllowedTitle")}</h1>
        <p className="lead">{t("cases.settings.notAllowed")}</p>
      </>
    );
  }
  const backTo = isOfficerOf(user, selected.organizationId)
    ? { to: queuePath(user, selected.organizationId), label: t("cases.backToQueue") }
    : { to: `/admin?org=${encodeURIComponent(selected.organizationId)}`, label: t("cases.settings.backToAdmin") };

  return (
    <>
      <p className="back-link">
        <Link to={backTo.to}>{backTo.label}</Link>
      </p>
      <h1>{t("cases.settings.title")}</h1>
      <OrganizationChoice
        id="settings-organization"
        label={t("cases.organization")}
        organizations={organizations}
        selected={selected}
        onChoose={(organizationId) => setSearchParams({ org: organizationId })}
      />
      <p>{t("cases.settings.intro")}</p>
      <SettingsSection key={selected.organizationId} organization={selected} />
    </>
  );
}

function SettingsSection({ organization }: { organization: Membership }) {
  const { t } = useTranslation();
  const load = useCallback(() => getCaseSettings(organization.organizationId), [organization.organizationId]);
  const [settings] = useAsyncData(load);
  return (
    <section className="panel narrow-panel" aria-labelledby="case-settings-title">
      <h2 id="case-settings-title">{t("cases.settings.formTitle", { organization: organization.organizationName })}</h2>
      <AsyncContent data={settings}>
        {(current) => <SettingsForm organizationId={organization.organizationId} current={current} />}
      </AsyncContent>
    </section>
  );
}

/** A whole number within the bounds, or undefined. */
function wholeNumber(text: string, { min, max }: { min: number; max: number }): number | undefined {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) return undefined;
  const value = Number(trimmed);
  return value >= min && value <= max ? value : undefined;
}

function SettingsForm({ organizationId, current }: { organizationId: string; current: CaseSettings }) {
  const { t } = useTranslation();
  const [saved, setSaved] = useState<string | null>(null);
  const form = useForm({
    fieldIds: FIELD_IDS,
    initialValues: {
      acknowledgeDays: String(current.acknowledgeDays),
      feedbackMonths: String(current.feedbackMonths),
      retention: current.retentionDays === null ? "keep" : "delete",
      retentionDays: current.retentionDays === null ? "" : String(current.retentionDays),
    },
    validate: (values) => {
      const errors: FieldErrors<FieldName> = {};
      if (wholeNumber(values.acknowledgeDays, LIMITS.acknowledgeDays) === undefined) {
        errors.acknowledgeDays = t("cases.settings.acknowledgeDaysInvalid");
      }
      if (wholeNumber(values.feedbackMonths, LIMITS.feedbackMonths) === undefined) {
        errors.feedbackMonths = t("cases.settings.feedbackMonthsInvalid");
      }
      if (values.retention === "delete" && wholeNumber(values.retentionDays, LIMITS.retentionDays) === undefined) {
        errors.retentionDays = t("cases.settings.retentionDaysInvalid");
      }
      return errors;
    },
    submit: async (values) => {
      setSaved(null);
      await saveCaseSettings(organizationId, {
        acknowledgeDays: Number(values.acknowledgeDays.trim()),
        feedbackMonths: Number(values.feedbackMonths.trim()),
        retentionDays: values.retention === "delete" ? Number(values.retentionDays.trim()) : null,
      });
      setSaved(t("cases.settings.saved"));
    },
    onFailure: (error) => {
      const fields: FieldErrors<FieldName> = {};
      for (const field of error.fields) {
        if (field.path.endsWith("acknowledgeDays")) fields.acknowledgeDays = t("cases.settings.acknowledgeDaysInvalid");
        if (field.path.endsWith("feedbackMonths")) fields.feedbackMonths = t("cases.settings.feedbackMonthsInvalid");
        if (field.path.endsWith("retentionDays")) fields.retentionDays = t("cases.settings.retentionDaysInvalid");
      }
      return { fields };
    },
  });
  const deletes = form.values.retention === "delete";

  return (
    <>
      <ErrorSummary items={form.summaryItems} attempt={form.attempt} />
      <form className="form" noValidate aria-labelledby="case-settings-title" onSubmit={form.handleSubmit}>
        <h3>{t("cases.settings.deadlinesTitle")}</h3>
        <p className="muted">{t("cases.settings.deadlinesIntro")}</p>
        <TextField
          {...form.field("acknowledgeDays")}
          label={t("cases.settings.acknowledgeDays")}
          hint={t("cases.settings.acknowledgeDaysHint")}
          type="text"
          inputMode="numeric"
          autoComplete="off"
          width="code"
          required
        />
        <TextField
          {...form.field("feedbackMonths")}
          label={t("cases.settings.feedbackMonths")}
          hint={t("cases.settings.feedbackMonthsHint")}
          type="text"
          inputMode="numeric"
          autoComplete="off"
          width="code"
          required
        />
        <h3>{t("cases.settings.retentionTitle")}</h3>
        <SelectField
          {...form.field("retention")}
          label={t("cases.settings.retention")}
          options={[
            { value: "keep", label: t("cases.settings.keep") },
            { value: "delete", label: t("cases.settings.delete") },
          ]}
        />
        {deletes ? (
          <>
            <TextField
              {...form.field("retentionDays")}
              label={t("cases.settings.retentionDays")}
              hint={t("cases.settings.retentionDaysHint")}
              type="text"
              inputMode="numeric"
              autoComplete="off"
              width="code"
              required
            />
            <p className="privacy-warning">
              <strong>{t("cases.settings.deletionPermanent")}</strong>
            </p>
          </>
        ) : (
          <p className="muted">{t("cases.settings.keepHint")}</p>
        )}
        <div className="form__actions">
          <SubmitButton
            busy={form.submitting}
            label={t("cases.settings.save")}
            busyLabel={t("cases.settings.saving")}
          />
        </div>
      </form>
      <StatusMessage tone="success">{saved}</StatusMessage>
    </>
  );
}
