import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { type OrganizationMember, ROLES, type Role } from "../../../../common/identity.ts";
import { ErrorSummary } from "../../components/error-summary.tsx";
import { SelectField } from "../../components/select-field.tsx";
import { TextField } from "../../components/text-field.tsx";
import { type ApiError, toApiError } from "../../lib/api.ts";
import { useErrorMessage } from "../../lib/use-error-message.ts";
import { addMember } from "./admin-api.ts";

type FieldName = "email" | "displayName" | "role" | "password";
type FieldErrors = Partial<Record<FieldName, string>>;

const FIELD_IDS: Record<FieldName, string> = {
  email: "member-email",
  displayName: "member-name",
  role: "member-role",
  password: "member-password",
};

const MIN_PASSWORD_LENGTH = 12;

interface AddMemberFormProps {
  organizationId: string;
  onAdded: (member: OrganizationMember) => void;
}

export function AddMemberForm({ organizationId, onAdded }: AddMemberFormProps) {
  const { t } = useTranslation();
  const describeError = useErrorMessage();
  const [email, setEmail] = useState("");
  const [displayName, setDisplayName] = useState("");
  const [role, setRole] = useState<Role>("member");
  const [password, setPassword] = useState("");
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [attempt, setAttempt] = useState(0);

  function validate(): FieldErrors {
    const errors: FieldErrors = {};
    if (email.trim() === "") {
      errors.email = t("validation.emailRequired");
    } else if (!/^[^\s@]+@[^\s@]+$/.test(email.trim())) {
      errors.email = t("validation.emailInvalid");
    }
    if (displayName.trim() === "") {
      errors.displayName = t("validation.nameRequired");
    }
    if (password !== "" && password.length < MIN_PASSWORD_LENGTH) {
      errors.password = t("validation.passwordTooShort");
    }
    return errors;
  }

  function fieldErrorsFrom(error: ApiError): FieldErrors {
    const errors: FieldErrors = {};
    for (const field of error.fields) {
      if (field.path === "email") {
        errors.email = t("validation.emailInvalid");
      } else if (field.path === "displayName") {
        errors.displayName = t("validation.nameRequired");
      } else if (field.path === "role") {
        errors.role = t("validation.invalidValue");
      } else if (field.path === "password") {
        errors.password = password === "" ? t("validation.passwordNeeded") : t("validation.passwordTooShort");
      }
    }
    return errors;
  }

  function showFailure(error: ApiError) {
    const fields = fieldErrorsFrom(error);
    setFieldErrors(fields);
    if (error.code === "conflict") {
      setFormError(t("admin.memberConflict"));
    } else if (Object.keys(fields).length === 0) {
      setFormError(describeError(error));
    } else {
      setFormError(null);
    }
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setAttempt((value) => value + 1);
    const errors = validate();
    setFieldErrors(errors);
    setFormError(null);
    if (Object.keys(errors).length > 0) {
      return;
    }
    setSubmitting(true);
    try {
      const member = await addMember(organizationId, {
        email: email.trim(),
        displayName: displayName.trim(),
        role,
        ...(password === "" ? {} : { password }),
      });
      setEmail("");
      setDisplayName("");
      setRole("member");
      setPassword("");
      onAdded(member);
    } catch (error) {
      showFailure(toApiError(error));
    } finally {
      setSubmitting(false);
    }
  }

  const summaryItems = [
    ...(formError ? [{ message: formError }] : []),
    ...(Object.entries(fieldErrors) as [FieldName, string][]).map(([field, message]) => ({
      message,
      fieldId: FIELD_IDS[field],
    })),
  ];

  return (
    <section className="subsection" aria-labelledby="add-member-title">
      <h3 id="add-member-title">{t("admin.addMemberTitle")}</h3>
      <p>{t("admin.addMemberIntro")}</p>
      <ErrorSummary items={summaryItems} attempt={attempt} />
      <form className="form form--grid" noValidate onSubmit={handleSubmit}>
        <TextField
          id={FIELD_IDS.email}
          label={t("signIn.email")}
          type="email"
          autoComplete="off"
          spellCheck={false}
          required
          value={email}
          error={fieldErrors.email}
          onChange={(event) => setEmail(event.target.value)}
        />
        <TextField
          id={FIELD_IDS.displayName}
          label={t("admin.displayName")}
          type="text"
          autoComplete="off"
          required
          value={displayName}
          error={fieldErrors.displayName}
          onChange={(event) => setDisplayName(event.target.value)}
        />
        <SelectField
          id={FIELD_IDS.role}
          label={t("admin.role")}
          value={role}
          error={fieldErrors.role}
          options={ROLES.map((value) => ({ value, label: t(`roles.${value}`) }))}
          onChange={(event) => setRole(event.target.value as Role)}
        />
        <TextField
          id={FIELD_IDS.password}
          label={t("admin.newPassword")}
          labelSuffix={t("common.optional")}
          hint={t("admin.newPasswordHint")}
          type="password"
          autoComplete="new-password"
          value={password}
          error={fieldErrors.password}
          onChange={(event) => setPassword(event.target.value)}
        />
        <div className="form__actions">
          <button type="submit" className="button" disabled={submitting}>
            {submitting ? t("admin.adding") : t("admin.addMember")}
          </button>
        </div>
      </form>
    </section>
  );
}
