import type { ReactNode } from "react";

/** Problems with what was typed, by field name, already in the reader's language. */
export type FieldErrors = Record<string, string>;

export const fieldId = (name: string) => `field-${name.replace(/[^\w-]/g, "-")}`;

interface FieldBase {
  name: string;
  label: string;
  hint?: string;
  error?: string | undefined;
}

function describedBy(name: string, hint?: string, error?: string): string | undefined {
  const ids = [hint ? `${fieldId(name)}-hint` : "", error ? `${fieldId(name)}-error` : ""].filter(Boolean);
  return ids.length > 0 ? ids.join(" ") : undefined;
}

function HintAndError({ name, hint, error }: Pick<FieldBase, "name" | "hint" | "error">) {
  return (
    <>
      {hint && (
        <p className="hint" id={`${fieldId(name)}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field-error" id={`${fieldId(name)}-error`}>
          {error}
        </p>
      )}
    </>
  );
}

export function TextField(
  props: FieldBase & {
    value?: string | undefined;
    type?: "text" | "email" | "tel" | "date" | "datetime-local";
    autoComplete?: string;
    required?: boolean;
    multiline?: boolean;
    maxLength?: number;
  },
) {
  const {
    name,
    label,
    hint,
    error,
    value,
    type = "text",
    autoComplete = "off",
    required,
    multiline,
    maxLength,
  } = props;
  const common = {
    id: fieldId(name),
    name,
    required,
    maxLength,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": describedBy(name, hint, error),
  };
  return (
    <div className={error ? "field has-error" : "field"}>
      <label htmlFor={fieldId(name)}>{label}</label>
      <HintAndError name={name} hint={hint} error={error} />
      {multiline ? (
        <textarea {...common} rows={8} defaultValue={value ?? ""} />
      ) : (
        <input {...common} type={type} autoComplete={autoComplete} defaultValue={value ?? ""} />
      )}
    </div>
  );
}

export interface Choice {
  value: string;
  label: string;
  hint?: string;
}

export function Radios(props: FieldBase & { choices: Choice[]; value?: string | undefined; required?: boolean }) {
  const { name, label, hint, error, choices, value, required } = props;
  return (
    <fieldset
      className={error ? "field has-error" : "field"}
      aria-describedby={describedBy(name, hint, error)}
      aria-invalid={error ? true : undefined}
    >
      <legend>{label}</legend>
      <HintAndError name={name} hint={hint} error={error} />
      {choices.map((choice, index) => {
        const id = index === 0 ? fieldId(name) : `${fieldId(name)}-${choice.value}`;
        return (
          <div className="choice" key={choice.value}>
            <input
              type="radio"
              id={id}
              name={name}
              value={choice.value}
              defaultChecked={choice.value === value}
              required={required}
              aria-describedby={choice.hint ? `${id}-hint` : undefined}
            />
            <label htmlFor={id}>{choice.label}</label>
            {choice.hint && (
              <p className="hint" id={`${id}-hint`}>
                {choice.hint}
              </p>
            )}
          </div>
        );
      })}
    </fieldset>
  );
}

export function SelectField(
  props: FieldBase & { choices: Choice[]; value?: string | undefined; placeholder?: string; required?: boolean },
) {
  const { name, label, hint, error, choices, value, placeholder, required } = props;
  return (
    <div className={error ? "field has-error" : "field"}>
      <label htmlFor={fieldId(name)}>{label}</label>
      <HintAndError name={name} hint={hint} error={error} />
      <select
        id={fieldId(name)}
        name={name}
        defaultValue={value ?? ""}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(name, hint, error)}
      >
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {choices.map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choice.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The list of problems at the top of a form, each linking to its field. */
export function ErrorSummary({
  title,
  errors,
  children,
}: {
  title: string;
  errors: FieldErrors;
  children?: ReactNode;
}) {
  const entries = Object.entries(errors);
  if (entries.length === 0) return null;
  return (
    <div className="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1}>
      <h2 id="error-summary-title">{title}</h2>
      <ul>
        {entries.map(([name, message]) => (
          <li key={name}>
            <a href={`#${fieldId(name)}`}>{message}</a>
          </li>
        ))}
      </ul>
      {children}
    </div>
  );
}

/** The attachments chooser: what may be sent, what is removed from files, and the choice to keep it. */
export function AttachmentFields(props: {
  label: string;
  hint: string;
  privacy: string;
  keepLabel: string;
  keep: boolean;
  error: string | undefined;
}) {
  return (
    <fieldset className="group">
      <legend>{props.label}</legend>
      <p className="hint" id="files-hint">
        {props.hint}
      </p>
      <p className="notice">{props.privacy}</p>
      {props.error && (
        <p className="field-error" id="field-attachments-error">
          {props.error}
        </p>
      )}
      <input
        type="file"
        id="field-attachments"
        name="attachments"
        multiple
        accept="image/jpeg,image/png,image/webp,application/pdf,audio/*"
        aria-describedby={props.error ? "files-hint field-attachments-error" : "files-hint"}
        aria-label={props.label}
      />
      <div className="choice">
        <input type="checkbox" id="field-keepMetadata" name="keepMetadata" value="true" defaultChecked={props.keep} />
        <label htmlFor="field-keepMetadata">{props.keepLabel}</label>
      </div>
    </fieldset>
  );
}
