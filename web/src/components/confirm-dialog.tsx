import { useEffect, useId, useRef } from "react";
import { useTranslation } from "react-i18next";
import { useAsyncAction } from "../lib/use-async-action.ts";

interface ConfirmDialogProps {
  title: string;
  text: string;
  confirmLabel: string;
  /** Does what was asked; the button stays disabled meanwhile, and a failure is shown in the dialog. */
  onConfirm: () => Promise<void>;
  onCancel: () => void;
}

/** A modal question built on <dialog>, which traps focus and closes on Escape by itself. */
export function ConfirmDialog({ title, text, confirmLabel, onConfirm, onCancel }: ConfirmDialogProps) {
  const { t } = useTranslation();
  const { busy, error, run } = useAsyncAction();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const textId = useId();

  const cancelRef = useRef<HTMLButtonElement>(null);

  // Cancel takes focus, not the destructive button, so a stray Enter does no harm.
  useEffect(() => {
    const dialog = ref.current;
    dialog?.showModal();
    cancelRef.current?.focus();
    return () => dialog?.close();
  }, []);

  return (
    <dialog
      className="dialog"
      ref={ref}
      aria-labelledby={titleId}
      aria-describedby={textId}
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
    >
      <h2 className="dialog__title" id={titleId}>
        {title}
      </h2>
      <p id={textId}>{text}</p>
      {error ? (
        <p className="dialog__error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="button-row">
        <button type="button" className="button button--danger" onClick={() => run(onConfirm)} disabled={busy}>
          {confirmLabel}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel} ref={cancelRef}>
          {t("common.cancel")}
        </button>
      </div>
    </dialog>
  );
}
