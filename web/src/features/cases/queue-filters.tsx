import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { caseLabelSchema, REPORT_STATUSES } from "../../../../common/reports.ts";
import { SelectField } from "../../components/select-field.tsx";
import { useForm } from "../../lib/use-form.ts";
import { useCaseLabel } from "./case-bits.tsx";
import type { CaseOfficer, QueueFilters } from "./cases-api.ts";

const FILTER_NAMES = ["status", "label", "assigned"] as const;
const FIELD_IDS = { status: "queue-status", label: "queue-label", assigned: "queue-assigned" };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const NO_FILTERS: QueueFilters = { status: "", label: "", assigned: "" };

/** The filters in the address; a value the server would refuse (edited by hand, outdated) is left out. */
export function readQueueFilters(params: URLSearchParams): QueueFilters {
  const status = params.get("status") ?? "";
  const label = params.get("label") ?? "";
  const assigned = params.get("assigned") ?? "";
  return {
    status: (REPORT_STATUSES as readonly string[]).includes(status) ? status : "",
    label: caseLabelSchema.safeParse(label).success ? label.trim() : "",
    assigned: assigned === "me" || assigned === "nobody" || UUID.test(assigned) ? assigned : "",
  };
}

/** The queue's address with these filters, empty ones left out. */
export function queueSearch(organizationId: string, filters: QueueFilters): URLSearchParams {
  const params = new URLSearchParams({ org: organizationId });
  for (const name of FILTER_NAMES) {
    if (filters[name] !== "") params.set(name, filters[name]);
  }
  return params;
}

export function hasFilters(filters: QueueFilters): boolean {
  return FILTER_NAMES.some((name) => filters[name] !== "");
}

interface QueueFilterFormProps {
  organizationId: string;
  filters: QueueFilters;
  /** Labels to offer: those on the cases shown. */
  labels: readonly string[];
  officers: readonly CaseOfficer[];
  userId: string;
  onFilter: (filters: QueueFilters) => void;
}

/** Status, label and assignee filters; applied with a button, kept in the address. */
export function QueueFilterForm({ organizationId, filters, labels, officers, userId, onFilter }: QueueFilterFormProps) {
  const { t } = useTranslation();
  const label = useCaseLabel();
  const form = useForm({
    fieldIds: FIELD_IDS,
    initialValues: filters,
    submit: async (values) => onFilter({ status: values.status, label: values.label, assigned: values.assigned }),
  });
  const signature = queueSearch(organizationId, filters).toString();

  // Back and forward change the address: the form follows it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: `signature` stands for `filters`.
  useEffect(() => {
    form.reset();
  }, [signature]);

  const labelOptions = [...new Set([...labels, ...(filters.label ? [filters.label] : [])])].sort((a, b) =>
    a.localeCompare(b),
  );
  const others = officers.filter((officer) => officer.userId !== userId);
  const assigneeOptions = [
    { value: "", label: t("cases.filters.anyone") },
    { value: "me", label: t("cases.filters.me") },
    { value: "nobody", label: t("cases.filters.nobody") },
    ...others.map((officer) => ({ value: officer.userId, label: officer.displayName })),
  ];
  if (filters.assigned !== "" && !assigneeOptions.some((option) => option.value === filters.assigned)) {
    assigneeOptions.push({ value: filters.assigned, label: t("cases.assignment.formerOfficer") });
  }

  return (
    <search className="queue-filters" aria-label={t("cases.filters.title")}>
      <form className="form queue-filters__form" noValidate onSubmit={form.handleSubmit}>
        <SelectField
          {...form.field("status")}
          label={t("cases.fields.status")}
          options={[
            { value: "", label: t("cases.filters.anyStatus") },
            ...REPORT_STATUSES.map((status) => ({ value: status, label: label("statuses", status) })),
          ]}
        />
        <SelectField
          {...form.field("label")}
          label={t("cases.labels.title")}
          options={[
            { value: "", label: t("cases.filters.anyLabel") },
            ...labelOptions.map((name) => ({ value: name, label: name })),
          ]}
        />
        <SelectField {...form.field("assigned")} label={t("cases.assignment.title")} options={assigneeOptions} />
        <div className="form__actions button-row">
          <button type="submit" className="button">
            {t("cases.filters.apply")}
          </button>
          {hasFilters(filters) ? (
            <Link to={{ search: queueSearch(organizationId, NO_FILTERS).toString() }}>{t("cases.filters.clear")}</Link>
          ) : null}
        </div>
      </form>
    </search>
  );
}
