import { useState } from "react";
import { useTranslation } from "react-i18next";

interface CopyableTextProps {
  id: string;
  label: string;
  /** What lands on the clipboard. */
  value: string;
  /** What is shown, when it differs from the value (e.g. grouped for reading). */
  display?: string;
  copyLabel: string;
}

export function CopyableText({ id, label, value, display, copyLabel }: CopyableTextProps) {
  const { t } = useTranslation();
  const [feedback, setFeedback] = useState<"idle" | "copied" | "failed">("idle");

  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setFeedback("copied");
    } catch {
      setFeedback("failed");
    }
  }

  return (
    <div className="copyable">
      <p className="copyable__label" id={`${id}-label`}>
        {label}
      </p>
      <div className="copyable__row">
        <code className="copyable__value" id={id}>
          {display ?? value}
        </code>
        <button type="button" className="button button--secondary button--small" onClick={copy}>
          {copyLabel}
        </button>
      </div>
      <p className="copyable__feedback" role="status">
        {feedback === "copied" ? t("common.copied") : feedback === "failed" ? t("common.copyFailed") : ""}
      </p>
    </div>
  );
}
