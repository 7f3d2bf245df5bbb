import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Navigate, useLocation } from "react-router";
import { ErrorSummary } from "../../components/error-summary.tsx";
import { Loading } from "../../components/loading.tsx";
import { OneTimeCodeField } from "../../components/one-time-code-field.tsx";
import { StatusMessage } from "../../components/status-message.tsx";
import { SubmitButton } from "../../components/submit-button.tsx";
import { TextField } from "../../components/text-field.tsx";
import type { ApiError } from "../../lib/api.ts";
import { type FieldErrors, useForm } from "../../lib/use-form.ts";
import { usePageTitle } from "../../lib/use-page-title.ts";
import { emailProblem, isSixDigitCode, normalizedCode } from "../../lib/validation.ts";
import { TOTP_ENROLLMENT_PATH } from "../../session/route-guards.tsx";
import { useSession } from "../../session/session-context.tsx";
import { readSignInState, type SignInNotice } from "../../session/sign-in-notice.ts";
import { signIn } from "./auth-api.ts";

type Step = "credentials" | "totp";
type FieldName = "email" | "password" | "totpCode";

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
  const [step, setStep] = useState<Step>("credentials");
  const codeInputRef = useRef<HTMLInputElement>(null);

  const form = useForm({
    fieldIds: FIELD_IDS,
    initialValues: { email: "", password: "", totpCode: "" },
    validate: ({ email, password, totpCode }) => {
      const errors: FieldErrors<FieldName> = {};
      if (step === "credentials") {
        const problem = emailProblem(email);
        if (problem) {
          errors.email = t(problem);
        }
        if (password === "") {
          errors.password = t("validation.passwordRequired");
        }
      } else if (!isSixDigitCode(totpCode)) {
        errors.totpCode = t("validation.codeInvalid");
      }
      return errors;
    },
    submit: async ({ email, password, totpCode }) => {
      const session = await signIn({
        email: email.trim(),
        password,
        ...(step === "totp" ? { totpCode: normalizedCode(totpCode) } : {}),
      });
      establish(session);
    },
    onFailure: (error, describeError) => {
      switch (error.code) {
        case "totp_required":
          setStep("totp");
          return { message: null };
        case "totp_invalid":
          form.setValue("totpCode", "");
          return { fields: { totpCode: describeError(error) } };
        case "validation_failed":
          return { fields: fieldErrorsFrom(error) };
        case "invalid_credentials":
          setStep("credentials");
          form.setValue("totpCode", "");
          return {};
        default:
          return {};
      }
    },
  });

  usePageTitle(step === "totp" ? t("signIn.totpTitle") : t("signIn.title"));

  useEffect(() => {
    if (step === "totp") {
      codeInputRef.current?.focus();
    }
  }, [step]);

  function fieldErrorsFrom(error: ApiError): FieldErrors<FieldName> {
    const errors: FieldErrors<FieldName> = {};
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

  function startOver() {
    setStep("credentials");
    form.setValue("password", "");
    form.setValue("totpCode", "");
    form.showErrors({});
  }

  return (
    <div className="narrow">
      <h1>{step === "totp" ? t("signIn.totpTitle") : t("signIn.title")}</h1>
      {notice && form.summaryItems.length === 0 && step === "credentials" ? (
        <StatusMessage tone={notice === "signedOut" ? "success" : "info"}>{t(`signIn.${notice}`)}</StatusMessage>
      ) : null}
      <ErrorSummary items={form.summaryItems} attempt={form.attempt} />
      <form className="form" noValidate onSubmit={form.handleSubmit}>
        {step === "credentials" ? (
          <>
            <p className="lead">{t("signIn.intro")}</p>
            <TextField
              {...form.field("email")}
              label={t("signIn.email")}
              type="email"
              name="email"
              autoComplete="username"
              spellCheck={false}
              required
            />
            <TextField
              {...form.field("password")}
              label={t("signIn.password")}
              type="password"
              name="password"
              autoComplete="current-password"
              required
            />
            <SubmitButton busy={form.submitting} label={t("signIn.submit")} busyLabel={t("signIn.submitting")} />
          </>
        ) : (
          <>
            <p className="lead">{t("signIn.totpIntro")}</p>
            <OneTimeCodeField
              {...form.field("totpCode")}
              ref={codeInputRef}
              label={t("signIn.totpCode")}
              name="totpCode"
            />
            <div className="button-row">
              <SubmitButton busy={form.submitting} label={t("signIn.verify")} busyLabel={t("signIn.verifying")} />
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
