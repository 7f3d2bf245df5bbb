import { type FormEvent, type KeyboardEvent, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { FindingValue, TaxonomyCode, ValueKind } from "../../../../../common/agreements.ts";
import { SelectField } from "../../../components/select-field.tsx";
import { TextField } from "../../../components/text-field.tsx";
import { currentLocale } from "../../../lib/i18n.ts";
import {
  allowedKinds,
  allowedNumberUnits,
  DURATION_UNITS,
  draftFromValue,
  RATE_UNITS,
  type ValueDraft,
  type ValueErrors,
  type ValueField,
  valueFromDraft,
} from "./value-form.ts";

interface ValueEditorProps {
  /** The form's id; its fields' ids start with it. */
  id: string;
  /** Names what is being edited, e.g. "Overtime premium, Artículo 6". */
  subject: string;
  code: TaxonomyCode | undefined;
  initial: FindingValue | null;
  busy: boolean;
  onSave: (value: FindingValue) => void;
  onCancel: () => void;
}

/** A small form for one coded value, with the fields its kind needs. */
export function ValueEditor({ id, subject, code, initial, busy, onSave, onCancel }: ValueEditorProps) {
  const { t } = useTranslation();
  const decimalComma = currentLocale() !== "en";
  const [draft, setDraft] = useState<ValueDraft>(() => draftFromValue(initial, code, decimalComma));
  const [errors, setErrors] = useState<ValueErrors>({});
  const ref = useRef<HTMLFormElement>(null);
  const kinds = allowedKinds(code);

  // The form opens where the user is: the first field takes focus.
  useEffect(() => {
    ref.current?.querySelector<HTMLElement>("input, select, textarea")?.focus();
  }, []);

  const fieldId = (field: ValueField | "kind") => `${id}-${field}`;
  const set = <K extends keyof ValueDraft>(field: K, value: ValueDraft[K]) =>
    setDraft((previous) => ({ ...previous, [field]: value }));
  const error = (field: ValueField) => (errors[field] ? t(`agreements.import.editor.${errors[field]}`) : undefined);
  const text = (field: ValueField, label: string, extra: { hint?: string; inputMode?: "decimal" } = {}) => (
    <TextField
      id={fieldId(field)}
      label={label}
      value={draft[field]}
      error={error(field)}
      autoComplete="off"
      {...(extra.hint ? { hint: extra.hint } : {})}
      {...(extra.inputMode ? { inputMode: extra.inputMode } : {})}
      onChange={(event) => set(field, event.target.value as never)}
    />
  );
  const perFields = (lumpSum: boolean) => (
    <>
      <SelectField
        id={fieldId("perUnit")}
        label={t("agreements.import.editor.per")}
        value={draft.perUnit}
        options={[
          {
            value: "",
            label: lumpSum ? t("agreements.import.editor.lumpSum") : t("agreements.import.editor.notPer"),
          },
          ...RATE_UNITS.map((unit) => ({ value: unit, label: t(`agreements.rateUnits.${unit}`) })),
        ]}
        onChange={(event) => set("perUnit", event.target.value as ValueDraft["perUnit"])}
      />
      {draft.perUnit !== ""
        ? text("perQuantity", t("agreements.import.editor.perQuantity"), { inputMode: "decimal" })
        : null}
    </>
  );

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) {
      return;
    }
    const result = valueFromDraft(draft, decimalComma);
    if ("errors" in result) {
      setErrors(result.errors);
      const first = Object.keys(result.errors)[0] as ValueField | undefined;
      if (first) document.getElementById(fieldId(first))?.focus();
      return;
    }
    setErrors({});
    onSave(result.value);
  }

  function onKeyDown(event: KeyboardEvent<HTMLFormElement>) {
    if (event.key === "Escape") {
      event.preventDefault();
      onCancel();
    }
  }

  return (
    <form id={id} ref={ref} className="value-editor" noValidate onSubmit={submit} onKeyDown={onKeyDown}>
      <fieldset className="value-editor__fields">
        <legend className="value-editor__legend">
          {t("agreements.import.editor.title")} <span className="visually-hidden">– {subject}</span>
        </legend>
        {kinds.length > 1 ? (
          <SelectField
            id={fieldId("kind")}
            label={t("agreements.import.editor.kind")}
            value={draft.kind}
            options={kinds.map((kind) => ({ value: kind, label: t(`agreements.valueKinds.${kind}`) }))}
            onChange={(event) => set("kind", event.target.value as ValueKind)}
          />
        ) : null}
        {draft.kind === "number" ? (
          <>
            {text("number", t("agreements.import.editor.number"), { inputMode: "decimal" })}
            <SelectField
              id={fieldId("unit")}
              label={t("agreements.import.editor.unit")}
              value={draft.unit}
              options={allowedNumberUnits(code).map((unit) => ({
                value: unit,
                label: t(`agreements.import.editor.units.${unit}`),
              }))}
              onChange={(event) => set("unit", event.target.value as ValueDraft["unit"])}
            />
            {perFields(false)}
          </>
        ) : null}
        {draft.kind === "money" ? (
          <>
            {text("amount", t("agreements.import.editor.amount"), {
              inputMode: "decimal",
              hint: t("agreements.import.editor.amountHint"),
            })}
            {text("currency", t("agreements.import.editor.currency"), {
              hint: t("agreements.import.editor.currencyHint"),
            })}
            {perFields(true)}
          </>
        ) : null}
        {draft.kind === "multiplier" ? (
          <>
            {text("number", t("agreements.import.editor.multiplier"), {
              inputMode: "decimal",
              hint: t("agreements.import.editor.multiplierHint"),
            })}
            <TextField
              id={fieldId("base")}
              label={t("agreements.import.editor.base")}
              labelSuffix={t("common.optional")}
              value={draft.base}
              autoComplete="off"
              onChange={(event) => set("base", event.target.value)}
            />
          </>
        ) : null}
        {draft.kind === "duration" ? (
          <>
            {text("durationAmount", t("agreements.import.editor.duration"), { inputMode: "decimal" })}
            <SelectField
              id={fieldId("durationUnit")}
              label={t("agreements.import.editor.unit")}
              value={draft.durationUnit}
              options={DURATION_UNITS.map((unit) => ({
                value: unit,
                label: t(`agreements.import.editor.units.${unit}`),
              }))}
              onChange={(event) => set("durationUnit", event.target.value as ValueDraft["durationUnit"])}
            />
          </>
        ) : null}
        {draft.kind === "boolean" ? (
          <fieldset className="value-editor__choice">
            <legend className="field__label">{t("agreements.import.editor.boolean")}</legend>
            {(["true", "false"] as const).map((choice) => (
              <label className="check" key={choice}>
                <input
                  type="radio"
                  name={fieldId("boolean")}
                  id={choice === "true" ? fieldId("boolean") : undefined}
                  value={choice}
                  checked={draft.boolean === choice}
                  onChange={() => set("boolean", choice)}
                />
                <span>{choice === "true" ? t("agreements.yes") : t("agreements.no")}</span>
              </label>
            ))}
          </fieldset>
        ) : null}
        {draft.kind === "text" ? (
          <div className={errors.text ? "field field--error" : "field"}>
            <label className="field__label" htmlFor={fieldId("text")}>
              {t("agreements.import.editor.text")}
            </label>
            {errors.text ? (
              <p className="field__error" id={`${fieldId("text")}-error`}>
                <span className="visually-hidden">{t("common.errorPrefix")} </span>
                {error("text")}
              </p>
            ) : null}
            <textarea
              className="field__input field__textarea field__textarea--short"
              id={fieldId("text")}
              rows={3}
              value={draft.text}
              aria-describedby={errors.text ? `${fieldId("text")}-error` : undefined}
              aria-invalid={errors.text ? true : undefined}
              onChange={(event) => set("text", event.target.value)}
            />
          </div>
        ) : null}
      </fieldset>
      <div className="button-row">
        <button type="submit" className="button button--small" aria-disabled={busy || undefined}>
          {busy ? t("agreements.import.review.saving") : t("agreements.import.editor.save")}
        </button>
        <button type="button" className="button button--secondary button--small" onClick={onCancel}>
          {t("common.cancel")}
        </button>
      </div>
    </form>
  );
}
