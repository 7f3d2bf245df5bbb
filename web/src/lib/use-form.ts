import { type ChangeEvent, type FormEvent, useState } from "react";
import type { SummaryItem } from "../components/error-summary.tsx";
import { type ApiError, toApiError } from "./api.ts";
import { useErrorMessage } from "./use-error-message.ts";

export type FieldErrors<F extends string> = Partial<Record<F, string>>;
export type FormValues<F extends string> = Readonly<Record<F, string>>;

/**
 * What a refused submission shows. Without a `message`, the form as a whole gets the error's own
 * sentence when no field is blamed; `null` shows none.
 */
export interface Failure<F extends string> {
  fields?: FieldErrors<F>;
  message?: string | null;
}

interface FormOptions<F extends string> {
  /** Each field's input id: its label, its error and the error summary's link all point to it. */
  fieldIds: Readonly<Record<F, string>>;
  initialValues: FormValues<F>;
  /** Problems found before anything is sent; an empty object lets the form go. */
  validate?: (values: FormValues<F>) => FieldErrors<F>;
  /** Sends the form; anything it throws is a refusal, handed to `onFailure`. */
  submit: (values: FormValues<F>) => Promise<void>;
  /** Which fields a refusal blames; by default none, so the form shows the error's sentence. */
  onFailure?: (error: ApiError, describeError: (error: ApiError) => string) => Failure<F>;
}

/**
 * The state every form here shares: its values, the problems found in the browser or by the
 * server, whether it is being sent, and the error summary items (form problem first, then fields).
 */
export function useForm<F extends string>({ fieldIds, initialValues, validate, submit, onFailure }: FormOptions<F>) {
  const describeError = useErrorMessage();
  const [values, setValues] = useState<FormValues<F>>(initialValues);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors<F>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  // Counts submits, so the error summary takes focus again when the same problems come back.
  const [attempt, setAttempt] = useState(0);

  function setValue(name: F, value: string) {
    setValues((previous) => ({ ...previous, [name]: value }));
  }

  function showErrors(fields: FieldErrors<F>, message: string | null = null) {
    setFieldErrors(fields);
    setFormError(message);
  }

  function showFailure(error: ApiError) {
    const { fields = {}, message } = onFailure?.(error, describeError) ?? {};
    const fallback = Object.keys(fields).length === 0 ? describeError(error) : null;
    showErrors(fields, message === undefined ? fallback : message);
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setAttempt((value) => value + 1);
    const errors = validate?.(values) ?? {};
    showErrors(errors);
    if (Object.keys(errors).length > 0) {
      return;
    }
    setSubmitting(true);
    try {
      await submit(values);
    } catch (error) {
      showFailure(toApiError(error));
    } finally {
      setSubmitting(false);
    }
  }

  /** The props that tie a TextField or SelectField to this form: id, value, error and change handler. */
  function field(name: F) {
    return {
      id: fieldIds[name],
      value: values[name],
      error: fieldErrors[name],
      onChange: (event: ChangeEvent<HTMLInputElement | HTMLSelectElement>) => setValue(name, event.target.value),
    };
  }

  const summaryItems: SummaryItem[] = [
    ...(formError ? [{ message: formError }] : []),
    ...(Object.entries(fieldErrors) as [F, string][]).map(([name, message]) => ({
      message,
      fieldId: fieldIds[name],
    })),
  ];

  return {
    values,
    setValue,
    reset: () => setValues(initialValues),
    field,
    showErrors,
    handleSubmit,
    submitting,
    attempt,
    summaryItems,
  };
}
