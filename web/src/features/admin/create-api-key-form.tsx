import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorSummary } from "../../components/error-summary.tsx";
import { TextField } from "../../components/text-field.tsx";
import { toApiError } from "../../lib/api.ts";
import { useErrorMessage } from "../../lib/use-error-message.ts";
import { type CreatedApiKey, createApiKey } from "./admin-api.ts";

const NAME_FIELD_ID = "api-key-name";

interface CreateApiKeyFormProps {
  organizationId: string;
  onCreated: (apiKey: CreatedApiKey) => void;
}

export function CreateApiKeyForm({ organizationId, onCreated }: CreateApiKeyFormProps) {
  const { t } = useTranslation();
  const describeError = useErrorMessage();
  const [name, setName] = useState("");
  const [nameError, setNameError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [attempt, setAttempt] = useState(0);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setAttempt((value) => value + 1);
    setFormError(null);
    if (name.trim() === "") {
      setNameError(t("validation.nameRequired"));
      return;
    }
    setNameError(null);
    setSubmitting(true);
    try {
      const apiKey = await createApiKey(organizationId, name.trim());
      setName("");
      onCreated(apiKey);
    } catch (caught) {
      const error = toApiError(caught);
      if (error.fields.some((field) => field.path === "name")) {
        setNameError(t("validation.invalidValue"));
      } else {
        setFormError(describeError(error));
      }
    } finally {
      setSubmitting(false);
    }
  }

  const summaryItems = [
    ...(formError ? [{ message: formError }] : []),
    ...(nameError ? [{ message: nameError, fieldId: NAME_FIELD_ID }] : []),
  ];

  return (
    <section className="subsection" aria-labelledby="create-key-title">
      <h3 id="create-key-title">{t("admin.createKeyTitle")}</h3>
      <ErrorSummary items={summaryItems} attempt={attempt} />
      <form className="form form--inline" noValidate onSubmit={handleSubmit}>
        <TextField
          id={NAME_FIELD_ID}
          label={t("admin.keyName")}
          hint={t("admin.keyNameHint")}
          type="text"
          autoComplete="off"
          maxLength={100}
          required
          value={name}
          error={nameError ?? undefined}
          onChange={(event) => setName(event.target.value)}
        />
        <div className="form__actions">
          <button type="submit" className="button" disabled={submitting}>
            {submitting ? t("admin.creatingKey") : t("admin.createKey")}
          </button>
        </div>
      </form>
    </section>
  );
}
