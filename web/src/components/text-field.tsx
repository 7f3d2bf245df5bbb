import type { ComponentProps } from "react";
import { FieldError } from "./field-error.tsx";

interface TextFieldProps extends Omit<ComponentProps<"input">, "id" | "className"> {
  id: string;
  label: string;
  hint?: string;
  error?: string | undefined;
  /** Shown after the label, e.g. "(optional)". */
  labelSuffix?: string;
  /** Short inputs (codes) are drawn short, so their size hints at what they expect. */
  width?: "full" | "code";
}

/** A labelled input whose hint and error are tied to it, so screen readers read them with the field. */
export function TextField({ id, label, hint, error, labelSuffix, width = "full", ...inputProps }: TextFieldProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  return (
    <div className={error ? "field field--error" : "field"}>
      <label className="field__label" htmlFor={id}>
        {label}
        {labelSuffix ? <span className="field__suffix"> ({labelSuffix})</span> : null}
      </label>
      {hint ? (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {error ? <FieldError id={`${id}-error`} message={error} /> : null}
      <input
        className={width === "code" ? "field__input field__input--code" : "field__input"}
        id={id}
        aria-describedby={describedBy}
        aria-invalid={error ? true : undefined}
        {...inputProps}
      />
    </div>
  );
}
