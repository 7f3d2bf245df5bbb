import { type FormEvent, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Navigate, useLocation } from "react-router";
import { ErrorSummary, type SummaryItem } from "../../components/error-summary.tsx";
import { Loading } from "../../components/loading.tsx";
import { StatusMessage } from "../../components/status-message.tsx";
import { TextField } from "../../components/text-field.tsx";
import { type ApiError, toApiError } from "../../lib/api.ts";
import { useErrorMessage } from "../../lib/use-error-message.ts";
import { usePageTitle } from "../../lib/use-page-title.ts";
import { TOTP_ENROLLMENT_PATH } from "../../session/route-guards.tsx";
import { useSession } from "../../session/session-context.tsx";
import { readSignInState, type SignInNotice } from "../../session/sign-in-notice.ts";
import { signIn } from "./auth-api.ts";

type Step = "credentials" | "totp";
type FieldName = "email" | "password" | "totpCode";
type FieldErrors = Partial<Record<FieldName, string>>;

const FIELD_IDS: Record<FieldName, string> = {
  email: "sign-in-email",
  password: "sign-in-password",
  totpCode: "sign-in-code",
};

export function SignInPage() {
  const { state, acknowledgeReason } = useSession();
  const { notice, from } = readSignInState(useLocation());

  useEffect(() => {
    if (state.status === "anonymous" && state.reason !== "none") {
      acknowledgeReason();
    }
  }, [state, acknowledgeReason]);

  if (state.status === "loading") {
    return <Loading />;
  }
  // The one place that leaves this page once signed in, whether just now or in an earlier visit.
  if (state.status === "authenticated") {
    return <Navigate to={state.session.status === "signed_in" ? (from ?? "/") : TOTP_ENROLLMENT_PATH} replace />;
  }
  return <SignInForm notice={notice} />;
}

function SignInForm({ notice }: { notice: SignInNotice | undefined }) {
  const { t } = useTranslation();
  const { establish } = useSession();
  const describeError = useErrorMessage();

  const [step, setStep] = useState<Step>("credentials");
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [totpCode, setTotpCode] = useState("");
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const codeInputRef = useRef<HTMLInputElement>(null);

  usePageTitle(step === "totp" ? t("signIn.totpTitle") : t("signIn.title"));

  useEffect(() => {
    if (step === "totp") {
      codeInputRef.current?.focus();
    }
  }, [step]);

  function showErrors(fields: FieldErrors, message: string | null = null) {
    setFieldErrors(fields);
    setFormError(message);
  }

  function validate(): FieldErrors {
    const errors: FieldErrors = {};
    if (step === "credentials") {
      if (email.trim() === "") {
        errors.email = t("validation.emailRequired");
      } else if (!/^[^\s@]+@[^\s@]+$/.test(email.trim())) {
        errors.email = t("validation.emailInvalid");
      }
      if (password === "") {
        errors.password = t("validation.passwordRequired");
      }
    } else if (!/^\d{6}$/.test(normalizedCode(totpCode))) {
      errors.totpCode = t("validation.codeInvalid");
    }
    return errors;
  }

  function handleFailure(error: ApiError) {
    switch (error.code) {
      case "totp_required":
        setStep("totp");
        showErrors({});
        return;
      case "totp_invalid":
        setTotpCode("");
        showErrors({ totpCode: describeError(error) });
        return;
      case "validation_failed":
        showErrors(fieldErrorsFrom(error), Object.keys(fieldErrorsFrom(error)).length ? null : describeError(error));
        return;
      case "invalid_credentials":
        setStep("credentials");
        setTotpCode("");
        showErrors({}, describeError(error));
        return;
      default:
        showErrors({}, describeError(error));
    }
  }

  function fieldErrorsFrom(error: ApiError): FieldErrors {
    const errors: FieldErrors = {};
    for (const field of error.fields) {
      if (field.path === "email") {
        errors.email = t("validation.emailInvalid");
      } else if (field.path === "password") {
        errors.password = t("validation.passwordRequired");
      } else if (field.path === "totpCode") {
        errors.totpCode = t("validation.codeInvalid");
      }
    }
    return errors;
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setAttempt((value) => value + 1);
    const errors = validate();
    if (Object.keys(errors).length > 0) {
      showErrors(errors);
      return;
    }
    showErrors({});
    setSubmitting(true);
    try {
      const session = await signIn({
        email: email.trim(),
        password,
        ...(step === "totp" ? { totpCode: normalizedCode(totpCode) } : {}),
      });
      establish(session);
    } catch (error) {
      handleFailure(toApiError(error));
    } finally {
      setSubmitting(false);
    }
  }

  function startOver() {
    setStep("credentials");
    setPassword("");
    setTotpCode("");
    showErrors({});
  }

  const summaryItems: SummaryItem[] = [
    ...(formError ? [{ message: formError }] : []),
    ...(Object.entries(fieldErrors) as [FieldName, string][]).map(([field, message]) => ({
      message,
      fieldId: FIELD_IDS[field],
    })),
  ];

  return (
    <div className="narrow">
      <h1>{step === "totp" ? t("signIn.totpTitle") : t("signIn.title")}</h1>
      {notice && summaryItems.length === 0 && step === "credentials" ? (
        <StatusMessage tone={notice === "signedOut" ? "success" : "info"}>{t(`signIn.${notice}`)}</StatusMessage>
      ) : null}
      <ErrorSummary items={summaryItems} attempt={attempt} />
      <form className="form" noValidate onSubmit={handleSubmit}>
        {step === "credentials" ? (
          <>
            <p className="lead">{t("signIn.intro")}</p>
            <TextField
              id={FIELD_IDS.email}
              label={t("signIn.email")}
              type="email"
              name="email"
              autoComplete="username"
              spellCheck={false}
              required
              value={email}
              error={fieldErrors.email}
              onChange={(event) => setEmail(event.target.value)}
            />
            <TextField
              id={FIELD_IDS.password}
              label={t("signIn.password")}
              type="password"
              name="password"
              autoComplete="current-password"
              required
              value={password}
              error={fieldErrors.password}
              onChange={(event) => setPassword(event.target.value)}
            />
            <button type="submit" className="button" disabled={submitting}>
              {submitting ? t("signIn.submitting") : t("signIn.submit")}
            </button>
          </>
        ) : (
          <>
            <p className="lead">{t("signIn.totpIntro")}</p>
            <TextField
              id={FIELD_IDS.totpCode}
              ref={codeInputRef}
              label={t("signIn.totpCode")}
              type="text"
              name="totpCode"
              inputMode="numeric"
              autoComplete="one-time-code"
              spellCheck={false}
              required
              width="code"
              value={totpCode}
              error={fieldErrors.totpCode}
              onChange={(event) => setTotpCode(event.target.value)}
            />
            <div className="button-row">
              <button type="submit" className="button" disabled={submitting}>
                {submitting ? t("signIn.verifying") : t("signIn.verify")}
              </button>
              <button type="button" className="button button--secondary" onClick={startOver}>
                {t("signIn.useAnotherAccount")}
              </button>
            </div>
          </>
        )}
      </form>
    </div>
  );
}

/** Authenticator apps often show "123 456"; people type it that way. */
function normalizedCode(code: string): string {
  return code.replace(/\s+/g, "");
}
