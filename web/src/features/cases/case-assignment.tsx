import { useCallback, useState } from "react";
import { useTranslation } from "react-i18next";
import { AsyncContent } from "../../components/async-content.tsx";
import { ErrorSummary } from "../../components/error-summary.tsx";
import { SelectField } from "../../components/select-field.tsx";
import { StatusMessage } from "../../components/status-message.tsx";
import { SubmitButton } from "../../components/submit-button.tsx";
import { useAsyncAction } from "../../lib/use-async-action.ts";
import { useAsyncData } from "../../lib/use-async-data.ts";
import { useForm } from "../../lib/use-form.ts";
import { assignCase, type CaseOfficer, listOfficers, shareCases } from "./cases-api.ts";

const FIELD_IDS = { assignee: "case-assignee" };

interface CaseAssignmentProps {
  organizationId: string;
  reportId: string;
  assignedTo: string | null;
  userId: string;
  onChanged: () => void;
}

/** Who is in charge of the case: one of the officers who have a key, or nobody. */
export function CaseAssignment(props: CaseAssignmentProps) {
  const { t } = useTranslation();
  const load = useCallback(() => listOfficers(props.organizationId), [props.organizationId]);
  const [officers] = useAsyncData(load);
  return (
    <div>
      <h3 id="case-assignment-title">{t("cases.assignment.title")}</h3>
      <AsyncContent data={officers}>{(all) => <AssignmentForm {...props} officers={all} />}</AsyncContent>
    </div>
  );
}

function AssignmentForm({
  organizationId,
  reportId,
  assignedTo,
  userId,
  officers,
  onChanged,
}: CaseAssignmentProps & { officers: readonly CaseOfficer[] }) {
  const { t } = useTranslation();
  const [done, setDone] = useState<string | null>(null);
  // The officer the server refused because they cannot open the case yet.
  const [blocked, setBlocked] = useState<CaseOfficer | null>(null);
  const withKey = officers.filter((officer) => officer.hasKey || officer.userId === assignedTo);
  const nameOf = (officer: CaseOfficer) =>
    officer.userId === userId ? t("cases.assignment.you", { name: officer.displayName }) : officer.displayName;

  async function assign(assignee: CaseOfficer | null) {
    setDone(null);
    await assignCase(organizationId, reportId, assignee?.userId ?? null);
    setBlocked(null);
    setDone(
      assignee ? t("cases.assignment.assigned", { name: assignee.displayName }) : t("cases.assignment.unassigned"),
    );
    onChanged();
  }

  const form = useForm({
    fieldIds: FIELD_IDS,
    initialValues: { assignee: assignedTo ?? "" },
    submit: async ({ assignee }) => {
      setBlocked(null);
      await assign(officers.find((officer) => officer.userId === assignee) ?? null);
    },
    onFailure: (error) => {
      if (error.code !== "conflict") return {};
      setBlocked(officers.find((officer) => officer.userId === form.values.assignee) ?? null);
      return { message: null };
    },
  });

  return (
    <>
      <ErrorSummary items={form.summaryItems} attempt={form.attempt} />
      <form
        className="form form--inline"
        noValidate
        aria-labelledby="case-assignment-title"
        onSubmit={form.handleSubmit}
      >
        <SelectField
          {...form.field("assignee")}
          label={t("cases.assignment.choose")}
          options={[
            { value: "", label: t("cases.assignment.nobody") },
            ...withKey.map((officer) => ({ value: officer.userId, label: nameOf(officer) })),
          ]}
        />
        <div className="form__actions">
          <SubmitButton
            busy={form.submitting}
            label={t("cases.assignment.save")}
            busyLabel={t("cases.assignment.saving")}
          />
        </div>
      </form>
      {blocked ? (
        <ShareAndAssign organizationId={organizationId} officer={blocked} onShared={() => assign(blocked)} />
      ) : null}
      <StatusMessage tone="success">{done}</StatusMessage>
    </>
  );
}

interface ShareAndAssignProps {
  organizationId: string;
  officer: CaseOfficer;
  /** Assigns the case again, now that the officer can open it. */
  onShared: () => Promise<void>;
}

/** Why the officer could not be put in charge, and the way out: share my cases with them first. */
function ShareAndAssign({ organizationId, officer, onShared }: ShareAndAssignProps) {
  const { t } = useTranslation();
  const { busy, error, run } = useAsyncAction();
  return (
    <div className="inline-error" role="alert">
      <p>{t("cases.assignment.cannotOpen", { name: officer.displayName })}</p>
      {error ? <p>{error}</p> : null}
      <button
        type="button"
        className="button button--secondary"
        disabled={busy}
        onClick={() =>
          run(async () => {
            await shareCases(organizationId, officer.userId);
            await onShared();
          })
        }
      >
        {busy ? t("cases.assignment.sharing") : t("cases.assignment.shareAndAssign", { name: officer.displayName })}
      </button>
    </div>
  );
}
