import { SECTORS } from "../../../../../common/agreements.ts";
import { REPORT_KINDS, type ReportSubmission, reportSubmissionSchema } from "../../../../../common/reports.ts";
import type { PostedForm } from "../multipart-form.ts";
import type { PageLanguage, PageStrings } from "./strings.ts";
import { en } from "./strings-en.ts";

/** What the reporter typed, by field name, to put back in the form when something is wrong. */
export type FormValues = Partial<Record<(typeof FORM_FIELDS)[number], string>>;

export type ReportErrorKey = keyof PageStrings["report"]["errors"];

export const FORM_FIELDS = [
  "kind",
  "country",
  "organizationId",
  "category",
  "agreement",
  "sector",
  "workplace.name",
  "workplace.address",
  "workplace.city",
  "workplace.detail",
  "happenedOn",
  "description",
  "accident.occurredAt",
  "accident.severity",
  "accident.medicalCare",
  "accident.employerReported",
  "anonymous",
  "contact.name",
  "contact.email",
  "contact.phone",
  "keepMetadata",
] as const;

export function formValues(form: PostedForm): FormValues {
  const values: FormValues = {};
  for (const name of FORM_FIELDS) {
    const value = form.fields.get(name)?.[0];
    if (value !== undefined) values[name] = value;
  }
  return values;
}

export function isReportKind(value: unknown): value is ReportSubmission["kind"] {
  return typeof value === "string" && (REPORT_KINDS as readonly string[]).includes(value);
}

/** The agreement choice: "agreementId", or "agreementId#clauseId" for one clause; empty for none. */
function agreementReference(choice: string | undefined) {
  if (!choice?.trim()) return undefined;
  const [agreementId = "", clauseId] = choice.split("#");
  return clauseId ? { agreementId, clauseId } : { agreementId };
}

const optional = (value: string | undefined) => (value?.trim() ? value : undefined);
const yesNo = (value: string | undefined) => (value === "yes" ? true : value === "no" ? false : undefined);

/**
 * Turns the flat form into a submission and checks it with the API's own schema; each problem is
 * reported on the field the reporter can fix.
 */
export function submissionFromForm(
  values: FormValues,
  language: PageLanguage,
): { submission: ReportSubmission; errors: null } | { submission: null; errors: Map<string, ReportErrorKey> } {
  const errors = new Map<string, ReportErrorKey>();
  const anonymous = values.anonymous === "yes" ? true : values.anonymous === "no" ? false : undefined;
  if (anonymous === undefined) errors.set("anonymous", "anonymous");
  const candidate = {
    kind: values.kind,
    organizationId: values.organizationId ?? "",
    sector: (SECTORS as readonly string[]).includes(values.sector ?? "") ? values.sector : undefined,
    workplace: {
      name: values["workplace.name"] ?? "",
      address: values["workplace.address"] ?? "",
      city: values["workplace.city"] ?? "",
      country: values.country ?? "",
      detail: optional(values["workplace.detail"]),
    },
    description: values.description ?? "",
    happenedOn: optional(values.happenedOn),
    contact: anonymous
      ? null
      : {
          name: optional(values["contact.name"]),
          email: optional(values["contact.email"]),
          phone: optional(values["contact.phone"]),
        },
    language,
    ...(values.kind === "accident"
      ? {
          accident: {
            occurredAt: values["accident.occurredAt"] ?? "",
            severity: values["accident.severity"] ?? "",
            medicalCare: yesNo(values["accident.medicalCare"]),
            employerReported: values["accident.employerReported"] ?? "",
          },
        }
      : { category: values.category ?? "", agreement: agreementReference(values.agreement) }),
  };
  const parsed = reportSubmissionSchema.safeParse(candidate);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = fieldForIssue(issue.path.map(String));
      if (field && !errors.has(field)) errors.set(field, field as ReportErrorKey);
    }
  }
  // Only a hand-made post fails on a field the form does not show; it still must not pass.
  if (!parsed.success && errors.size === 0) errors.set("description", "description");
  if (errors.size > 0 || !parsed.success) return { submission: null, errors };
  return { submission: parsed.data, errors: null };
}

/** The fields the form can name a problem on: the keys of its error messages. */
const ERROR_FIELDS = new Set<string>(Object.keys(en.report.errors));

function fieldForIssue(path: string[]): string | undefined {
  const joined = path.join(".");
  if (ERROR_FIELDS.has(joined)) return joined;
  if (path[0] === "accident" && path.length === 1) return "accident.occurredAt";
  if (path[0] === "agreement") return "agreement";
  return ERROR_FIELDS.has(path[0] ?? "") ? path[0] : undefined;
}
