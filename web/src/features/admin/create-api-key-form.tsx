import { useTranslation } from "react-i18next";
import { ErrorSummary } from "../../components/error-summary.tsx";
import { SubmitButton } from "../../components/submit-button.tsx";
import { TextField } from "../../components/text-field.tsx";
import { useForm } from "../../lib/use-form.ts";
import { type CreatedApiKey, createApiKey } from "./admin-api.ts";

const FIELD_IDS = { name: "api-key-name" };

interface CreateApiKeyFormProps {
  organizationId: string;
  onCreated: (apiKey: CreatedApiKey) => void;
}

export function CreateApiKeyForm({ organizationId, onCreated }: CreateApiKeyFormProps) {
  const { t } = useTranslation();
  const form = useForm({
    fieldIds: FIELD_IDS,
    initialValues: { name: "" },
    validate: ({ name }) => (name.trim() === "" ? { name: t("validation.nameRequired") } : {}),
    submit: async ({ name }) => {
      const apiKey = await createApiKey(organizationId, name.trim());
      form.reset();
      onCreated(apiKey);
    },
    onFailure: (error) => ({
      fields: error.fields.some((field) => field.path === "name") ? { name: t("validation.invalidValue") } : {},
    }),
  });

  return (
    <section className="subsection" aria-labelledby="create-key-title">
      <h3 id="create-key-title">{t("admin.createKeyTitle")}</h3>
      <ErrorSummary items={form.summaryItems} attempt={form.attempt} />
      <form className="form form--inline" noValidate onSubmit={form.handleSubmit}>
        <TextField
          {...form.field("name")}
          label={t("admin.keyName")}
          hint={t("admin.keyNameHint")}
          type="text"
          autoComplete="off"
          maxLength={100}
          required
        />
        <div className="form__actions">
          <SubmitButton busy={form.submitting} label={t("admin.createKey")} busyLabel={t("admin.creatingKey")} />
        </div>
      </form>
    </section>
  );
}
