import { useCallback, useRef } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { AsyncContent } from "../../components/async-content.tsx";
import { CopyableText } from "../../components/copyable-text.tsx";
import { ErrorSummary } from "../../components/error-summary.tsx";
import { OneTimeCodeField } from "../../components/one-time-code-field.tsx";
import { SubmitButton } from "../../components/submit-button.tsx";
import { groupInFours } from "../../lib/format.ts";
import { useAsyncData } from "../../lib/use-async-data.ts";
import { useErrorMessage } from "../../lib/use-error-message.ts";
import { useForm } from "../../lib/use-form.ts";
import { usePageTitle } from "../../lib/use-page-title.ts";
import { isSixDigitCode, normalizedCode } from "../../lib/validation.ts";
import { useSession } from "../../session/session-context.tsx";
import { confirmTotp, setUpTotp } from "./auth-api.ts";

const FIELD_IDS = { code: "totp-code" };

export function TotpEnrollmentPage() {
  const { t } = useTranslation();
  const describeError = useErrorMessage();
  usePageTitle(t("totp.title"));

  // React's development mode mounts twice; a second setup call would replace the secret shown.
  const pendingSetup = useRef<ReturnType<typeof setUpTotp> | null>(null);
  const loadSetup = useCallback(() => {
    pendingSetup.current ??= setUpTotp();
    return pendingSetup.current;
  }, []);
  const [setup, reloadSetup] = useAsyncData(loadSetup);

  function retrySetup() {
    pendingSetup.current = null;
    reloadSetup();
  }

  return (
    <div className="narrow">
      <h1>{t("totp.title")}</h1>
      <p className="lead">{t("totp.intro")}</p>
      <AsyncContent
        data={setup}
        failed={(error) => (
          <>
            <ErrorSummary items={[{ message: describeError(error) }]} />
            <button type="button" className="button button--secondary" onClick={retrySetup}>
              {t("totp.retrySetup")}
            </button>
          </>
        )}
      >
        {({ secret, otpauthUri }) => (
          <>
            <section className="step" aria-labelledby="totp-step-key">
              <h2 id="totp-step-key">{t("totp.stepAddKey")}</h2>
              <p>{t("totp.stepAddKeyHelp")}</p>
              <CopyableText
                id="totp-secret"
                label={t("totp.secretLabel")}
                value={secret}
                display={groupInFours(secret)}
                copyLabel={t("totp.copySecret")}
              />
              <CopyableText id="totp-uri" label={t("totp.uriLabel")} value={otpauthUri} copyLabel={t("totp.copyUri")} />
            </section>
            <ConfirmCodeForm />
          </>
        )}
      </AsyncContent>
    </div>
  );
}

function ConfirmCodeForm() {
  const { t } = useTranslation();
  const { establish } = useSession();
  const navigate = useNavigate();
  const form = useForm({
    fieldIds: FIELD_IDS,
    initialValues: { code: "" },
    validate: ({ code }) => (isSixDigitCode(code) ? {} : { code: t("validation.codeInvalid") }),
    submit: async ({ code }) => {
      const session = await confirmTotp(normalizedCode(code));
      establish(session);
      void navigate("/", { replace: true });
    },
    onFailure: (error, describeError) => {
      switch (error.code) {
        case "totp_invalid":
          return { fields: { code: describeError(error) } };
        case "validation_failed":
          return { fields: { code: t("validation.codeInvalid") } };
        default:
          return {};
      }
    },
  });

  return (
    <section className="step" aria-labelledby="totp-step-code">
      <h2 id="totp-step-code">{t("totp.stepEnterCode")}</h2>
      <ErrorSummary items={form.summaryItems} attempt={form.attempt} />
      <form className="form" noValidate onSubmit={form.handleSubmit}>
        <OneTimeCodeField {...form.field("code")} label={t("totp.code")} name="code" />
        <SubmitButton busy={form.submitting} label={t("totp.confirm")} busyLabel={t("totp.confirming")} />
      </form>
    </section>
  );
}
