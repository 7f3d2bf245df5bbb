import {
  type FindingValue,
  findingValueSchema,
  NUMBER_UNITS,
  type NumberUnit,
  RATE_UNITS,
  type TaxonomyCode,
  VALUE_KINDS,
  type ValueKind,
} from "../../../../../common/agreements.ts";

export type RateUnit = (typeof RATE_UNITS)[number];

export const DURATION_UNITS = ["minutes", "hours", "days", "weeks", "months", "years"] as const;
export type DurationUnit = (typeof DURATION_UNITS)[number];

/** ISO 8601 designators of each unit: time units go after the "T". */
const DURATION_DESIGNATORS: Record<DurationUnit, { time: boolean; letter: string }> = {
  minutes: { time: true, letter: "M" },
  hours: { time: true, letter: "H" },
  days: { time: false, letter: "D" },
  weeks: { time: false, letter: "W" },
  months: { time: false, letter: "M" },
  years: { time: false, letter: "Y" },
};

/** The editor's fields, all as typed: numbers stay strings until the form is saved. */
export interface ValueDraft {
  kind: ValueKind;
  /** number: the number; multiplier: the factor. */
  number: string;
  unit: NumberUnit;
  amount: string;
  currency: string;
  /** number and money: "" when not counted against anything (a lump sum, for money). */
  perUnit: RateUnit | "";
  perQuantity: string;
  base: string;
  durationAmount: string;
  durationUnit: DurationUnit;
  boolean: "true" | "false";
  text: string;
}

export type ValueField = Exclude<keyof ValueDraft, "kind">;
export type ValueErrors = Partial<Record<ValueField, ValueProblem>>;

/** Translation keys under `agreements.import.editor`. */
export type ValueProblem = "numberInvalid" | "positiveInvalid" | "amountInvalid" | "currencyInvalid" | "textRequired";

/** The kinds a value of this code may take; all of them when the taxonomy does not know the code. */
export function allowedKinds(code: TaxonomyCode | undefined): ValueKind[] {
  return code ? [...code.valueKinds] : [...VALUE_KINDS];
}

export function allowedNumberUnits(code: TaxonomyCode | undefined): NumberUnit[] {
  return code?.numberUnits ? [...code.numberUnits] : [...NUMBER_UNITS];
}

export function draftFromValue(
  value: FindingValue | null,
  code: TaxonomyCode | undefined,
  decimalComma: boolean,
): ValueDraft {
  /** Shown as the reader writes decimals, without grouping, so reading it back is unambiguous. */
  const shown = (number: number | string) => (decimalComma ? String(number).replace(".", ",") : String(number));
  const kinds = allowedKinds(code);
  const units = allowedNumberUnits(code);
  const draft: ValueDraft = {
    kind: value && kinds.includes(value.kind) ? value.kind : (kinds[0] ?? "text"),
    number: "",
    unit: units[0] ?? "hours",
    amount: "",
    currency: "EUR",
    perUnit: "",
    perQuantity: "1",
    base: "",
    durationAmount: "",
    durationUnit: "hours",
    boolean: "true",
    text: "",
  };
  if (!value) {
    return draft;
  }
  switch (value.kind) {
    case "number":
      return {
        ...draft,
        number: shown(value.value),
        unit: value.unit,
        perUnit: value.per?.unit ?? "",
        perQuantity: shown(value.per?.quantity ?? 1),
      };
    case "money":
      return {
        ...draft,
        amount: shown(value.amount),
        currency: value.currency,
        perUnit: value.per?.unit ?? "",
        perQuantity: shown(value.per?.quantity ?? 1),
      };
    case "multiplier":
      return { ...draft, number: shown(value.value), base: value.base ?? "" };
    case "duration": {
      const parsed = parseSimpleDuration(value.value);
      return parsed ? { ...draft, durationAmount: shown(parsed.amount), durationUnit: parsed.unit } : draft;
    }
    case "boolean":
      return { ...draft, boolean: value.value ? "true" : "false" };
    case "text":
      return { ...draft, text: value.value };
  }
}

/** "PT48H" → 48 hours; a duration of several parts ("P1Y6M") is not one the editor can show. */
export function parseSimpleDuration(iso: string): { amount: string; unit: DurationUnit } | null {
  const match = /^P(?:(\d+(?:\.\d+)?)([YMWD])|T(\d+(?:\.\d+)?)([HM]))$/.exec(iso);
  if (!match) {
    return null;
  }
  const [, dateAmount, dateLetter, timeAmount, timeLetter] = match;
  const time = timeAmount !== undefined;
  const letter = time ? timeLetter : dateLetter;
  const unit = DURATION_UNITS.find(
    (candidate) => DURATION_DESIGNATORS[candidate].time === time && DURATION_DESIGNATORS[candidate].letter === letter,
  );
  const amount = time ? timeAmount : dateAmount;
  return unit && amount !== undefined ? { amount, unit } : null;
}

export function isoDuration(amount: number, unit: DurationUnit): string {
  const { time, letter } = DURATION_DESIGNATORS[unit];
  return `P${time ? "T" : ""}${amount}${letter}`;
}

/**
 * Reads a typed decimal in the reader's conventions: with `decimalComma` (Spanish, French, German)
 * "1,5" is one and a half and "1.050" one thousand and fifty; in English the other way round. When
 * both separators appear, the last one is the decimal one. Returns a plain "1050.5" or null.
 */
export function normalizeDecimal(input: string, decimalComma: boolean): string | null {
  let text = input.trim().replace(/[\s\u00A0\u202F']/g, "");
  if (text === "") {
    return null;
  }
  const commas = text.split(",").length - 1;
  const dots = text.split(".").length - 1;
  if (commas > 0 && dots > 0) {
    const decimal = text.lastIndexOf(",") > text.lastIndexOf(".") ? "," : ".";
    text = text
      .split(decimal === "," ? "." : ",")
      .join("")
      .replace(decimal, ".");
  } else if (commas + dots === 1) {
    const separator = commas === 1 ? "," : ".";
    const grouping = decimalComma ? "." : ",";
    const isGrouping = separator === grouping && /^\d{1,3}[.,]\d{3}$/.test(text);
    text = isGrouping ? text.replace(separator, "") : text.replace(separator, ".");
  } else if (commas + dots > 1) {
    // "1.000.000" or "1,000,000": grouping only.
    text = /^\d{1,3}(?:[.,]\d{3})+$/.test(text) ? text.replace(/[.,]/g, "") : "";
  }
  return /^\d+(?:\.\d+)?$/.test(text) ? text : null;
}

function parseNumber(input: string, decimalComma: boolean): number | null {
  const decimal = normalizeDecimal(input, decimalComma);
  return decimal === null ? null : Number(decimal);
}

/** The amount as the API wants it: no leading zeros, at most six decimals. */
function moneyAmount(input: string, decimalComma: boolean): string | null {
  const decimal = normalizeDecimal(input, decimalComma);
  if (decimal === null) {
    return null;
  }
  const [whole = "0", fraction] = decimal.split(".");
  const trimmedWhole = whole.replace(/^0+(?=\d)/, "");
  if (fraction !== undefined && fraction.length > 6) {
    return null;
  }
  return fraction === undefined ? trimmedWhole : `${trimmedWhole}.${fraction}`;
}

function rate(draft: ValueDraft, errors: ValueErrors, decimalComma: boolean) {
  if (draft.perUnit === "") {
    return null;
  }
  const quantity = parseNumber(draft.perQuantity, decimalComma);
  if (quantity === null || quantity <= 0) {
    errors.perQuantity = "positiveInvalid";
    return null;
  }
  return { quantity, unit: draft.perUnit };
}

/** The value the draft stands for, or the problems that keep it from being one. */
export function valueFromDraft(
  draft: ValueDraft,
  decimalComma: boolean,
): { value: FindingValue } | { errors: ValueErrors } {
  const errors: ValueErrors = {};
  let value: FindingValue | null = null;
  switch (draft.kind) {
    case "number": {
      const number = parseNumber(draft.number, decimalComma);
      if (number === null) errors.number = "numberInvalid";
      const per = rate(draft, errors, decimalComma);
      if (number !== null) value = { kind: "number", value: number, unit: draft.unit, ...(per ? { per } : {}) };
      break;
    }
    case "money": {
      const amount = moneyAmount(draft.amount, decimalComma);
      if (amount === null) errors.amount = "amountInvalid";
      const currency = draft.currency.trim().toUpperCase();
      if (!/^[A-Z]{3}$/.test(currency)) errors.currency = "currencyInvalid";
      const per = rate(draft, errors, decimalComma);
      if (amount !== null) value = { kind: "money", amount, currency, per };
      break;
    }
    case "multiplier": {
      const factor = parseNumber(draft.number, decimalComma);
      if (factor === null || factor <= 0) errors.number = "positiveInvalid";
      else value = { kind: "multiplier", value: factor, ...(draft.base.trim() ? { base: draft.base.trim() } : {}) };
      break;
    }
    case "duration": {
      const amount = parseNumber(draft.durationAmount, decimalComma);
      if (amount === null || amount <= 0) errors.durationAmount = "positiveInvalid";
      else value = { kind: "duration", value: isoDuration(amount, draft.durationUnit) };
      break;
    }
    case "boolean":
      value = { kind: "boolean", value: draft.boolean === "true" };
      break;
    case "text":
      if (draft.text.trim() === "") errors.text = "textRequired";
      else value = { kind: "text", value: draft.text.trim() };
      break;
  }
  if (Object.keys(errors).length > 0 || value === null) {
    return { errors: Object.keys(errors).length > 0 ? errors : { text: "textRequired" } };
  }
  const checked = findingValueSchema.safeParse(value);
  if (!checked.success) {
    const field: ValueField =
      draft.kind === "duration" ? "durationAmount" : draft.kind === "money" ? "amount" : "number";
    return { errors: { [field]: "numberInvalid" } };
  }
  return { value: checked.data };
}

/** Two values are the same finding value (the editor's result and the suggestion, say). */
export function sameValue(a: FindingValue | null, b: FindingValue | null): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([, entry]) => entry !== undefined)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([key, entry]) => [key, canonical(entry)]),
    );
  }
  return value;
}

export { RATE_UNITS };
