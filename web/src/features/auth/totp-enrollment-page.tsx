import { type FormEvent, useCallback, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { CopyableText } from "../../components/copyable-text.tsx";
import { ErrorSummary } from "../../components/error-summary.tsx";
import { Loading } from "../../components/loading.tsx";
import { TextField } from "../../components/text-field.tsx";
import { toApiError } from "../../lib/api.ts";
import { groupInFours } from "../../lib/format.ts";
import { useAsyncData } from "../../lib/use-async-data.ts";
import { useErrorMessage } from "../../lib/use-error-message.ts";
import { usePageTitle } from "../../lib/use-page-title.ts";
import { useSession } from "../../session/session-context.tsx";
import { confirmTotp, setUpTotp } from "./auth-api.ts";

const CODE_FIELD_ID = "totp-code";

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
      {setup.state === "loading" ? <Loading /> : null}
      {setup.state === "failed" ? (
        <>
          <ErrorSummary items={[{ message: describeError(setup.error) }]} />
          <button type="button" className="button button--secondary" onClick={retrySetup}>
            {t("totp.retrySetup")}
          </button>
        </>
      ) : null}
      {setup.state === "loaded" ? (
        <>
          <section className="step" aria-labelledby="totp-step-key">
            <h2 id="totp-step-key">{t("totp.stepAddKey")}</h2>
            <p>{t("totp.stepAddKeyHelp")}</p>
            <CopyableText
              id="totp-secret"
              label={t("totp.secretLabel")}
              value={setup.data.secret}
              display={groupInFours(setup.data.secret)}
              copyLabel={t("totp.copySecret")}
            />
            <CopyableText
              id="totp-uri"
              label={t("totp.uriLabel")}
              value={setup.data.otpauthUri}
              copyLabel={t("totp.copyUri")}
            />
          </section>
          <ConfirmCodeForm />
        </>
      ) : null}
    </div>
  );
}

function ConfirmCodeForm() {
  const { t } = useTranslation();
  const { establish } = useSession();
  const navigate = useNavigate();
  const describeError = useErrorMessage();
  const [code, setCode] = useState("");
  const [codeError, setCodeError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [attempt, setAttempt] = useState(0);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setAttempt((value) => value + 1);
    const normalized = code.replace(/\s+/g, "");
    if (!/^\d{6}$/.test(normalized)) {
      setCodeError(t("validation.codeInvalid"));
      setFormError(null);
      return;
    }
    setCodeError(null);
    setFormError(null);
    setSubmitting(true);
    try {
      const session = await confirmTotp(normalized);
      establish(session);
      void navigate("/", { replace: true });
    } catch (caught) {
      const error = toApiError(caught);
      if (error.code === "totp_invalid" || error.code === "validation_failed") {
        setCodeError(error.code === "totp_invalid" ? describeError(error) : t("validation.codeInvalid"));
        setFormError(null);
      } else {
        setCodeError(null);
        setFormError(describeError(error));
      }
      setSubmitting(false);
    }
  }

  const summaryItems = [
    ...(formError ? [{ message: formError }] : []),
    ...(codeError ? [{ message: codeError, fieldId: CODE_FIELD_ID }] : []),
  ];

  return (
    <section className="step" aria-labelledby="totp-step-code">
      <h2 id="totp-step-code">{t("totp.stepEnterCode")}</h2>
      <ErrorSummary items={summaryItems} attempt={attempt} />
      <form className="form" noValidate onSubmit={handleSubmit}>
        <TextField
          id={CODE_FIELD_ID}
          label={t("totp.code")}
          type="text"
          name="code"
          inputMode="numeric"
          autoComplete="one-time-code"
          spellCheck={false}
          required
          width="code"
          value={code}
          error={codeError ?? undefined}
          onChange={(event) => setCode(event.target.value)}
        />
        <button type="submit" className="button" disabled={submitting}>
          {submitting ? t("totp.confirming") : t("totp.confirm")}
        </button>
      </form>
    </section>
  );
}
