import type { ComponentProps } from "react";
import { FieldError } from "../../components/field-error.tsx";

interface TextAreaFieldProps extends Omit<ComponentProps<"textarea">, "id" | "className" | "onChange"> {
  id: string;
  label: string;
  hint?: string;
  error?: string | undefined;
  onChange: ComponentProps<"textarea">["onChange"];
}

/** A labelled text area whose hint and error are read with it, like TextField's input. */
export function TextAreaField({ id, label, hint, error, ...areaProps }: TextAreaFieldProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  return (
    <div className={error ? "field field--error" : "field"}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {hint ? (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {error ? <FieldError id={`${id}-error`} message={error} /> : null}
      <textarea
        className="field__input field__textarea field__textarea--short"
        id={id}
        aria-describedby={describedBy}
        aria-invalid={error ? true : undefined}
        {...areaProps}
      />
    </div>
  );
}
