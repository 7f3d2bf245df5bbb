import { useTranslation } from "react-i18next";
import { type OrganizationMember, ROLES, type Role } from "../../../../common/identity.ts";
import { ErrorSummary } from "../../components/error-summary.tsx";
import { SelectField } from "../../components/select-field.tsx";
import { SubmitButton } from "../../components/submit-button.tsx";
import { TextField } from "../../components/text-field.tsx";
import type { ApiError } from "../../lib/api.ts";
import { type FieldErrors, type FormValues, useForm } from "../../lib/use-form.ts";
import { emailProblem } from "../../lib/validation.ts";
import { addMember } from "./admin-api.ts";

type FieldName = "email" | "displayName" | "role" | "password";

const FIELD_IDS: Record<FieldName, string> = {
  email: "member-email",
  displayName: "member-name",
  role: "member-role",
  password: "member-password",
};

const EMPTY_FORM: FormValues<FieldName> = { email: "", displayName: "", role: "member", password: "" };

const MIN_PASSWORD_LENGTH = 12;

interface AddMemberFormProps {
  organizationId: string;
  onAdded: (member: OrganizationMember) => void;
}

export function AddMemberForm({ organizationId, onAdded }: AddMemberFormProps) {
  const { t } = useTranslation();
  const form = useForm({
    fieldIds: FIELD_IDS,
    initialValues: EMPTY_FORM,
    validate: ({ email, displayName, password }) => {
      const errors: FieldErrors<FieldName> = {};
      const problem = emailProblem(email);
      if (problem) {
        errors.email = t(problem);
      }
      if (displayName.trim() === "") {
        errors.displayName = t("validation.nameRequired");
      }
      if (password !== "" && password.length < MIN_PASSWORD_LENGTH) {
        errors.password = t("validation.passwordTooShort");
      }
      return errors;
    },
    submit: async ({ email, displayName, role, password }) => {
      const member = await addMember(organizationId, {
        email: email.trim(),
        displayName: displayName.trim(),
        role: role as Role,
        ...(password === "" ? {} : { password }),
      });
      form.reset();
      onAdded(member);
    },
    onFailure: (error) => {
      const fields = fieldErrorsFrom(error);
      return error.code === "conflict" ? { fields, message: t("admin.memberConflict") } : { fields };
    },
  });

  function fieldErrorsFrom(error: ApiError): FieldErrors<FieldName> {
    const errors: FieldErrors<FieldName> = {};
    for (const field of error.fields) {
      if (field.path === "email") {
        errors.email = t("validation.emailInvalid");
      } else if (field.path === "displayName") {
        errors.displayName = t("validation.nameRequired");
      } else if (field.path === "role") {
        errors.role = t("validation.invalidValue");
      } else if (field.path === "password") {
        errors.password =
          form.values.password === "" ? t("validation.passwordNeeded") : t("validation.passwordTooShort");
      }
    }
    return errors;
  }

  return (
    <section className="subsection" aria-labelledby="add-member-title">
      <h3 id="add-member-title">{t("admin.addMemberTitle")}</h3>
      <p>{t("admin.addMemberIntro")}</p>
      <ErrorSummary items={form.summaryItems} attempt={form.attempt} />
      <form className="form form--grid" noValidate onSubmit={form.handleSubmit}>
        <TextField
          {...form.field("email")}
          label={t("signIn.email")}
          type="email"
          autoComplete="off"
          spellCheck={false}
          required
        />
        <TextField
          {...form.field("displayName")}
          label={t("admin.displayName")}
          type="text"
          autoComplete="off"
          required
        />
        <SelectField
          {...form.field("role")}
          label={t("admin.role")}
          options={ROLES.map((value) => ({ value, label: t(`roles.${value}`) }))}
        />
        <TextField
          {...form.field("password")}
          label={t("admin.newPassword")}
          labelSuffix={t("common.optional")}
          hint={t("admin.newPasswordHint")}
          type="password"
          autoComplete="new-password"
        />
        <div className="form__actions">
          <SubmitButton busy={form.submitting} label={t("admin.addMember")} busyLabel={t("admin.adding")} />
        </div>
      </form>
    </section>
  );
}
