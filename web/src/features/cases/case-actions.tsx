import { useCallback, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { type CaseView, REPORT_OUTCOMES } from "../../../../common/reports.ts";
import { AsyncContent } from "../../components/async-content.tsx";
import { ConfirmDialog } from "../../components/confirm-dialog.tsx";
import { ErrorSummary } from "../../components/error-summary.tsx";
import { SelectField } from "../../components/select-field.tsx";
import { SubmitButton } from "../../components/submit-button.tsx";
import { useAsyncAction } from "../../lib/use-async-action.ts";
import { useAsyncData } from "../../lib/use-async-data.ts";
import { type FieldErrors, useForm } from "../../lib/use-form.ts";
import { useCaseLabel } from "./case-bits.tsx";
import {
  acknowledgeCase,
  type CaseOutcome,
  changeCaseStatus,
  deleteCase,
  listReceivers,
  type ReportReceiver,
  referCase,
  STATUS_CHANGES,
  type StatusChange,
} from "./cases-api.ts";
import type { QueueLocationState } from "./officer-access.ts";

interface CaseActionsProps {
  view: CaseView;
  organizationId: string;
  /** The queue, where the officer goes once the case has left this organization. */
  backTo: string;
  /** Called with what to announce after an action that keeps the case here. */
  onDone: (message: string) => void;
}

/** What an officer can do next with the case, depending on where it stands. */
export function CaseActions({ view, organizationId, backTo, onDone }: CaseActionsProps) {
  const { t } = useTranslation();
  if (view.status === "closed") {
    return (
      <>
        <p>{t("cases.actions.closedHint")}</p>
        <DeleteAction organizationId={organizationId} reportId={view.id} backTo={backTo} />
      </>
    );
  }
  return (
    <>
      {view.status === "new" ? (
        <AcknowledgeAction organizationId={organizationId} reportId={view.id} onDone={onDone} />
      ) : null}
      <StatusForm key={view.status} view={view} organizationId={organizationId} onDone={onDone} />
      <ReferForm organizationId={organizationId} reportId={view.id} backTo={backTo} />
      <div className="subsection">
        <h3>{t("cases.actions.deleteTitle")}</h3>
        <p className="muted">{t("cases.actions.deleteOnlyClosed")}</p>
      </div>
    </>
  );
}

interface ActionProps {
  organizationId: string;
  reportId: string;
}

function AcknowledgeAction({ organizationId, reportId, onDone }: ActionProps & { onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const { busy, error, run } = useAsyncAction();
  return (
    <div className="case-action">
      <h3>{t("cases.actions.acknowledgeTitle")}</h3>
      <p>{t("cases.actions.acknowledgeText")}</p>
      {error ? (
        <p className="inline-error" role="alert">
          {error}
        </p>
      ) : null}
      <button
        type="button"
        className="button"
        disabled={busy}
        onClick={() =>
          run(async () => {
            await acknowledgeCase(organizationId, reportId);
            onDone(t("cases.actions.acknowledged"));
          })
        }
      >
        {busy ? t("cases.actions.acknowledging") : t("cases.actions.acknowledge")}
      </button>
    </div>
  );
}

type StatusFieldName = "status" | "outcome";
const STATUS_FIELD_IDS: Record<StatusFieldName, string> = { status: "case-status", outcome: "case-outcome" };

function StatusForm({ view, organizationId, onDone }: Omit<CaseActionsProps, "backTo">) {
  const { t } = useTranslation();
  const label = useCaseLabel();
  const form = useForm({
    fieldIds: STATUS_FIELD_IDS,
    initialValues: {
      status: view.status === "in_progress" ? "resolved" : view.status === "resolved" ? "closed" : "in_progress",
      outcome: view.outcome ?? "",
    },
    validate: ({ status, outcome }) => {
      const errors: FieldErrors<StatusFieldName> = {};
      if (status !== "in_progress" && outcome === "") {
        errors.outcome = t("cases.actions.outcomeRequired");
      }
      return errors;
    },
    submit: async ({ status, outcome }) => {
      const change = status as StatusChange;
      await changeCaseStatus(organizationId, view.id, {
        status: change,
        ...(change === "in_progress" ? {} : { outcome: outcome as CaseOutcome }),
      });
      onDone(t("cases.actions.statusChanged", { status: label("statuses", change) }));
    },
    onFailure: (error) =>
      error.code === "validation_failed" && error.fields.some((field) => field.path.endsWith("outcome"))
        ? { fields: { outcome: t("cases.actions.outcomeRequired") } }
        : {},
  });
  const needsOutcome = form.values.status !== "in_progress";

  return (
    <div className="subsection">
      <h3 id="case-status-title">{t("cases.actions.statusTitle")}</h3>
      <ErrorSummary items={form.summaryItems} attempt={form.attempt} />
      <form className="form" noValidate aria-labelledby="case-status-title" onSubmit={form.handleSubmit}>
        <SelectField
          {...form.field("status")}
          label={t("cases.actions.newStatus")}
          options={STATUS_CHANGES.filter((status) => status !== view.status).map((status) => ({
            value: status,
            label: label("statuses", status),
          }))}
        />
        {needsOutcome ? (
          <SelectField
            {...form.field("outcome")}
            label={t("cases.fields.outcome")}
            required
            options={[
              { value: "", label: t("cases.actions.chooseOutcome") },
              ...REPORT_OUTCOMES.map((outcome) => ({ value: outcome, label: label("outcomes", outcome) })),
            ]}
          />
        ) : null}
        <div className="form__actions">
          <SubmitButton
            busy={form.submitting}
            label={t("cases.actions.changeStatus")}
            busyLabel={t("cases.actions.changingStatus")}
          />
        </div>
      </form>
    </div>
  );
}

const REFER_FIELD_IDS = { organizationId: "case-refer-to" };

function ReferForm({ organizationId, reportId, backTo }: ActionProps & { backTo: string }) {
  const { t } = useTranslation();
  const [receivers] = useAsyncData(listReceivers);
  return (
    <div className="subsection">
      <h3 id="case-refer-title">{t("cases.actions.referTitle")}</h3>
      <p>{t("cases.actions.referText")}</p>
      <AsyncContent data={receivers}>
        {(all) => {
          const others = all.filter((receiver) => receiver.id !== organizationId);
          return others.length === 0 ? (
            <p className="muted">{t("cases.actions.noReceivers")}</p>
          ) : (
            <ReferChoice organizationId={organizationId} reportId={reportId} backTo={backTo} receivers={others} />
          );
        }}
      </AsyncContent>
    </div>
  );
}

interface ReferChoiceProps extends ActionProps {
  backTo: string;
  receivers: readonly ReportReceiver[];
}

function ReferChoice({ organizationId, reportId, backTo, receivers }: ReferChoiceProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [pending, setPending] = useState<ReportReceiver | null>(null);
  const form = useForm({
    fieldIds: REFER_FIELD_IDS,
    initialValues: { organizationId: "" },
    validate: ({ organizationId: target }) =>
      target === "" ? { organizationId: t("cases.actions.referChoiceRequired") } : {},
    submit: async ({ organizationId: target }) => {
      setPending(receivers.find((receiver) => receiver.id === target) ?? null);
    },
  });

  const refer = useCallback(
    async (target: ReportReceiver) => {
      await referCase(organizationId, reportId, target.id);
      const state: QueueLocationState = { notice: { kind: "referred", organization: target.name } };
      void navigate(backTo, { state });
    },
    [organizationId, reportId, backTo, navigate],
  );

  return (
    <>
      <ErrorSummary items={form.summaryItems} attempt={form.attempt} />
      <form className="form" noValidate aria-labelledby="case-refer-title" onSubmit={form.handleSubmit}>
        <SelectField
          {...form.field("organizationId")}
          label={t("cases.actions.referTo")}
          options={[
            { value: "", label: t("cases.actions.chooseReceiver") },
            ...receivers.map((receiver) => ({
              value: receiver.id,
              label: `${receiver.name} (${t(`organizationKinds.${receiver.kind}`)})`,
            })),
          ]}
        />
        <div className="form__actions">
          <button type="submit" className="button button--secondary">
            {t("cases.actions.refer")}
          </button>
        </div>
      </form>
      {pending ? (
        <ConfirmDialog
          title={t("cases.actions.referConfirmTitle")}
          text={t("cases.actions.referConfirmText", { organization: pending.name })}
          confirmLabel={t("cases.actions.referConfirm")}
          onConfirm={() => refer(pending)}
          onCancel={() => setPending(null)}
        />
      ) : null}
    </>
  );
}

function DeleteAction({ organizationId, reportId, backTo }: ActionProps & { backTo: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [confirming, setConfirming] = useState(false);
  return (
    <div className="subsection">
      <h3>{t("cases.actions.deleteTitle")}</h3>
      <p>{t("cases.actions.deleteText")}</p>
      <button type="button" className="button button--danger" onClick={() => setConfirming(true)}>
        {t("cases.actions.delete")}
      </button>
      {confirming ? (
        <ConfirmDialog
          title={t("cases.actions.deleteConfirmTitle")}
          text={t("cases.actions.deleteConfirmText")}
          confirmLabel={t("cases.actions.deleteConfirm")}
          onConfirm={async () => {
            await deleteCase(organizationId, reportId);
            const state: QueueLocationState = { notice: { kind: "deleted" } };
            void navigate(backTo, { state });
          }}
          onCancel={() => setConfirming(false)}
        />
      ) : null}
    </div>
  );
}
