import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { CopyableText } from "../../components/copyable-text.tsx";
import { FieldError } from "../../components/field-error.tsx";
import { useSession } from "../../session/session-context.tsx";

/**
 * An officer's first sign-in made the key that opens their cases, and answered with the code that
 * recovers it if they forget their password. Once fully signed in (after any two-step set-up), the
 * code is shown here, over the page they were going to, until they confirm they kept it.
 */
export function RecoveryCodeGate() {
  const { state, recoveryCode, acknowledgeRecoveryCode } = useSession();
  if (!recoveryCode || state.status !== "authenticated" || state.session.status !== "signed_in") {
    return null;
  }
  return <RecoveryCodeDialog code={recoveryCode} onDone={acknowledgeRecoveryCode} />;
}

const CHECK_ID = "recovery-code-kept";

function RecoveryCodeDialog({ code, onDone }: { code: string; onDone: () => void }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const checkRef = useRef<HTMLInputElement>(null);
  const [kept, setKept] = useState(false);
  const [missing, setMissing] = useState(false);

  useEffect(() => {
    const dialog = ref.current;
    dialog?.showModal();
    headingRef.current?.focus();
    return () => dialog?.close();
  }, []);

  function finish() {
    if (!kept) {
      setMissing(true);
      checkRef.current?.focus();
      return;
    }
    onDone();
  }

  return (
    <dialog
      className="dialog recovery-code"
      ref={ref}
      aria-labelledby="recovery-code-title"
      aria-describedby="recovery-code-intro"
      // The code is never shown again: Escape must not make it disappear unread.
      onCancel={(event) => event.preventDefault()}
    >
      <h2 className="dialog__title" id="recovery-code-title" tabIndex={-1} ref={headingRef}>
        {t("recoveryCode.title")}
      </h2>
      <p id="recovery-code-intro">{t("recoveryCode.intro")}</p>
      <p className="secret-panel__warning">
        <strong>{t("recoveryCode.warning")}</strong>
      </p>
      <CopyableText
        id="recovery-code"
        label={t("recoveryCode.label")}
        value={code}
        copyLabel={t("recoveryCode.copy")}
      />
      <p className="muted recovery-code__print-hint">{t("recoveryCode.printHint")}</p>
      <div className={missing && !kept ? "field field--error" : "field"}>
        {missing && !kept ? <FieldError id={`${CHECK_ID}-error`} message={t("recoveryCode.keptRequired")} /> : null}
        <label className="check">
          <input
            type="checkbox"
            id={CHECK_ID}
            ref={checkRef}
            checked={kept}
            aria-describedby={missing && !kept ? `${CHECK_ID}-error` : undefined}
            aria-invalid={missing && !kept ? true : undefined}
            onChange={(event) => setKept(event.target.checked)}
          />
          <span>{t("recoveryCode.kept")}</span>
        </label>
      </div>
      <div className="button-row recovery-code__actions">
        <button type="button" className="button" onClick={finish}>
          {t("recoveryCode.continue")}
        </button>
        <button type="button" className="button button--secondary" onClick={() => window.print()}>
          {t("recoveryCode.print")}
        </button>
      </div>
    </dialog>
  );
}
