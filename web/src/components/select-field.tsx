import type { SelectHTMLAttributes } from "react";
import { FieldError } from "./field-error.tsx";

interface SelectFieldProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, "id" | "className"> {
  id: string;
  label: string;
  options: readonly { value: string; label: string }[];
  error?: string | undefined;
}

export function SelectField({ id, label, options, error, ...selectProps }: SelectFieldProps) {
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div className={error ? "field field--error" : "field"}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {error ? <FieldError id={`${id}-error`} message={error} /> : null}
      <select
        className="field__select"
        id={id}
        aria-describedby={errorId}
        aria-invalid={error ? true : undefined}
        {...selectProps}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
