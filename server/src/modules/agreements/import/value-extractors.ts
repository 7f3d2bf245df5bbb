import type { FindingValue, RateBasis } from "../../../../../common/agreements.ts";
import type { TextSpan } from "../../../../../common/agreements-import.ts";

// Reads typed values (hours, percentages, multipliers, money, notice periods) out of clause text
// in English, Spanish, French and German, with the words they were read from.

export interface ExtractedValue {
  value: FindingValue;
  span: TextSpan;
}

export type ValueExtractor = (text: string) => ExtractedValue[];

/** Letters and digits on neither side: a word boundary that knows accented letters. */
const BEFORE = String.raw`(?<![\p{L}\p{N}])`;
const AFTER = String.raw`(?![\p{L}\p{N}])`;

const DIGITS = String.raw`\d{1,3}(?:[.,\u00A0\u202F ]\d{3})+(?:[.,]\d{1,2})?|\d+(?:[.,]\d+)?`;

const NUMBER_WORDS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  fourteen: 14,
  fifteen: 15,
  twenty: 20,
  thirty: 30,
  "twenty-four": 24,
  "forty-eight": 48,
  "seventy-two": 72,
  una: 1,
  uno: 1,
  dos: 2,
  tres: 3,
  cuatro: 4,
  cinco: 5,
  seis: 6,
  siete: 7,
  ocho: 8,
  nueve: 9,
  diez: 10,
  doce: 12,
  quince: 15,
  veinte: 20,
  treinta: 30,
  veinticuatro: 24,
  "cuarenta y ocho": 48,
  "setenta y dos": 72,
  une: 1,
  deux: 2,
  trois: 3,
  quatre: 4,
  cinq: 5,
  sept: 7,
  huit: 8,
  neuf: 9,
  dix: 10,
  douze: 12,
  quinze: 15,
  vingt: 20,
  trente: 30,
  "vingt-quatre": 24,
  "quarante-huit": 48,
  "soixante-douze": 72,
  eine: 1,
  zwei: 2,
  drei: 3,
  vier: 4,
  fünf: 5,
  sechs: 6,
  sieben: 7,
  acht: 8,
  neun: 9,
  zehn: 10,
  zwölf: 12,
  fünfzehn: 15,
  zwanzig: 20,
  dreißig: 30,
  vierundzwanzig: 24,
  achtundvierzig: 48,
  zweiundsiebzig: 72,
};

const WORD_NUMBER = Object.keys(NUMBER_WORDS)
  .sort((a, b) => b.length - a.length)
  .join("|");
const QUANTITY = `(?:${DIGITS}|${WORD_NUMBER})`;

/** "1.050,00", "1,050.00", "1 050", "37,5", "37.5", "forty-eight" → a decimal string, or null. */
export function parseDecimal(raw: string): string | null {
  const word = NUMBER_WORDS[raw.toLowerCase()];
  if (word !== undefined) return String(word);
  let digits = raw.replace(/[\u00A0\u202F ]/g, "");
  const lastDot = digits.lastIndexOf(".");
  const lastComma = digits.lastIndexOf(",");
  if (lastDot >= 0 && lastComma >= 0) {
    const decimal = lastDot > lastComma ? "." : ",";
    digits = digits.replace(decimal === "." ? /,/g : /\./g, "").replace(decimal, ".");
  } else if (lastDot >= 0 || lastComma >= 0) {
    const separator = lastDot >= 0 ? "." : ",";
    const groups = digits.split(separator);
    const thousands =
      groups.length > 1 && groups.slice(1).every((g) => g.length === 3) && (groups[0] ?? "").length <= 3;
    digits = thousands ? groups.join("") : groups.join(".");
  }
  if (!/^\d+(?:\.\d+)?$/.test(digits)) return null;
  const [integer = "0", fraction] = digits.split(".");
  const normalized = integer.replace(/^0+(?=\d)/, "");
  return fraction === undefined || /^0+$/.test(fraction) ? normalized : `${normalized}.${fraction.slice(0, 6)}`;
}

function matches(pattern: RegExp, text: string): RegExpExecArray[] {
  return [...text.matchAll(pattern)];
}

function spanOf(match: RegExpExecArray): TextSpan {
  return { start: match.index, end: match.index + match[0].length, text: match[0] };
}

const HOURS_UNIT = String.raw`hours?|hrs?\.?|h|horas?|heures?|Stunden|Std\.?|Wochenstunden`;
/** "11 hours", "twelve (12) hours", "11 consecutive hours", "elf Stunden". */
const HOURS = new RegExp(
  `${BEFORE}(${QUANTITY})(?:\\s*\\(\\d+\\))?\\s*(?:(?:consecutive|uninterrupted|consecutivas|ininterrumpidas|consécutives|zusammenhängende?n?|ununterbrochene?n?)\\s+)?(?:${HOURS_UNIT})${AFTER}`,
  "giu",
);

export const hours: ValueExtractor = (text) =>
  matches(HOURS, text).flatMap((match) => {
    const amount = parseDecimal(match[1] ?? "");
    if (amount === null || Number(amount) <= 0 || Number(amount) > 168) return [];
    return [{ value: { kind: "number", value: Number(amount), unit: "hours" }, span: spanOf(match) }];
  });

const PERCENT_SIGN = String.raw`\s*%|\s*(?:per ?cent|por ?ciento|pour ?cent|Prozent|v\.\s?H\.)${AFTER}`;
const PERCENT = new RegExp(`${BEFORE}(${DIGITS})(?:${PERCENT_SIGN})`, "giu");

export const percent: ValueExtractor = (text) =>
  matches(PERCENT, text).flatMap((match) => {
    const amount = parseDecimal(match[1] ?? "");
    if (amount === null) return [];
    return [{ value: { kind: "number", value: Number(amount), unit: "percent" }, span: spanOf(match) }];
  });

const MULTIPLIER_WORDS: [RegExp, number][] = [
  [/time[- ]and[- ]a[- ]half|una vez y media|tiempo y medio|\bfois et demie?/giu, 1.5],
  [/double[- ]time|doble|le double|au double|doppelte\p{L}*|zweifache\p{L}*/giu, 2],
  [/triple[- ]time|triple|le triple|dreifache\p{L}*/giu, 3],
];
const TIMES = new RegExp(
  `${BEFORE}(${DIGITS})\\s*(?:x|×|times|veces|fois|fache\\p{L}*)${AFTER}|${BEFORE}(${DIGITS})-fache\\p{L}*`,
  "giu",
);

/** A premium: "time and a half", "1.5 times", "150 %" (a multiple) or "a 25 % surcharge" (on top). */
export const premium: ValueExtractor = (text) => {
  const found: ExtractedValue[] = [];
  for (const [pattern, value] of MULTIPLIER_WORDS) {
    for (const match of matches(pattern, text))
      found.push({ value: { kind: "multiplier", value }, span: spanOf(match) });
  }
  for (const match of matches(TIMES, text)) {
    const amount = parseDecimal(match[1] ?? match[2] ?? "");
    if (amount !== null && Number(amount) >= 1 && Number(amount) <= 5) {
      found.push({ value: { kind: "multiplier", value: Number(amount) }, span: spanOf(match) });
    }
  }
  for (const share of percent(text)) {
    if (share.value.kind !== "number") continue;
    const value: FindingValue =
      share.value.value >= 125 ? { kind: "multiplier", value: share.value.value / 100 } : share.value;
    found.push({ value, span: share.span });
  }
  return found.sort((a, b) => a.span.start - b.span.start);
};

const CURRENCY_BEFORE: [string, string][] = [
  ["US\\$", "USD"],
  ["C\\$|CA\\$", "CAD"],
  ["A\\$|AU\\$", "AUD"],
  ["€", "EUR"],
  ["\\$", "USD"],
  ["£", "GBP"],
  ["EUR|USD|GBP|CHF|CAD|AUD|MXN|ARS|COP|BRL|SEK|NOK|DKK", ""],
];
const CURRENCY_AFTER: [string, string][] = [
  ["€|EUR|euros?|Euro", "EUR"],
  ["USD|US dollars?|dollars?|dólares", "USD"],
  ["£|GBP|pounds?", "GBP"],
  ["CHF|Franken", "CHF"],
  ["CAD", "CAD"],
  ["MXN|pesos mexicanos", "MXN"],
];
const MONEY_BEFORE = new RegExp(
  `(${CURRENCY_BEFORE.map(([symbol]) => symbol).join("|")})\\s?(${DIGITS})(?:,-|\\.-)?${AFTER}`,
  "gu",
);
const MONEY_AFTER = new RegExp(
  `${BEFORE}(${DIGITS})(?:,-|\\.-)?\\s?(${CURRENCY_AFTER.map(([symbol]) => symbol).join("|")})${AFTER}`,
  "giu",
);

const RATE_WORDS: [RegExp, RateBasis["unit"]][] = [
  [
    /per hour|an hour|hourly|\/\s?h(?:our)?\b|por hora|la hora|de l'heure|par heure|horaire|pro Stunde|je Stunde|Stunden(?:lohn|satz|gage)/iu,
    "hour",
  ],
  [
    /per (?:day|shooting day|working day)|a day|daily|\/\s?day|por d[íi]a|por jornada|diari[oa]|par jour|journali\p{L}*|pro (?:Dreh)?tag|je (?:Dreh)?tag|Tages(?:gage|satz)|täglich/iu,
    "day",
  ],
  [
    /per week|a week|weekly|\/\s?week|por semana|semanal|par semaine|hebdomadaire|pro Woche|je Woche|Wochen(?:gage|satz)|wöchentlich/iu,
    "week",
  ],
  [
    /per month|a month|monthly|por mes|al mes|mensual|par mois|mensuel\p{L}*|pro Monat|im Monat|monatlich|Monats(?:gage|gehalt|lohn)/iu,
    "month",
  ],
  [/per session|por sesi[óo]n|par séance|par session|pro Session|je Session|pro Sitzung/iu, "session"],
  [/per episode|por episodio|par épisode|pro Folge|je Folge/iu, "episode"],
];

function currencyOf(symbol: string, table: [string, string][]): string {
  for (const [pattern, code] of table) {
    if (new RegExp(`^(?:${pattern})$`, "iu").test(symbol)) return code || symbol.toUpperCase();
  }
  return symbol.toUpperCase();
}

/** The rate basis named just after (or, failing that, just before) an amount, in the same sentence. */
function rateNear(text: string, span: TextSpan): RateBasis | null {
  const after = text.slice(span.end, span.end + 40).split(/[.;]\s/)[0] ?? "";
  const before =
    text
      .slice(Math.max(0, span.start - 80), span.start)
      .split(/[.;]\s/)
      .at(-1) ?? "";
  for (const context of [after, before]) {
    for (const [pattern, unit] of RATE_WORDS) if (pattern.test(context)) return { quantity: 1, unit };
  }
  return null;
}

export const money: ValueExtractor = (text) => {
  const found: ExtractedValue[] = [];
  const add = (match: RegExpExecArray, amountText: string, currency: string) => {
    const amount = parseDecimal(amountText);
    if (amount === null || Number(amount) === 0) return;
    const span = spanOf(match);
    found.push({ value: { kind: "money", amount, currency, per: rateNear(text, span) }, span });
  };
  for (const match of matches(MONEY_BEFORE, text))
    add(match, match[2] ?? "", currencyOf(match[1] ?? "", CURRENCY_BEFORE));
  for (const match of matches(MONEY_AFTER, text))
    add(match, match[1] ?? "", currencyOf(match[2] ?? "", CURRENCY_AFTER));
  return found.sort((a, b) => a.span.start - b.span.start);
};

const PERIOD_UNITS: [string, (n: number) => string][] = [
  [String.raw`hours?|hrs?\.?|h|horas?|heures?|Stunden|Std\.?`, (n) => `PT${n}H`],
  [
    "(?:business |working |calendar )?days?|d[íi]as?(?: h[áa]biles| naturales| laborables)?|jours?(?: ouvrés| ouvrables| calendaires)?|(?:Kalender|Werk|Arbeits)?tage?n?",
    (n) => `P${n}D`,
  ],
  ["weeks?|semanas?|semaines?|Wochen?", (n) => `P${n * 7}D`],
  ["months?|mes(?:es)?|mois|Monate?n?", (n) => `P${n}M`],
];
const PERIOD = new RegExp(
  `${BEFORE}(${QUANTITY})\\s*(?:\\(\\d+\\)\\s*)?(${PERIOD_UNITS.map(([unit]) => `(?:${unit})`).join("|")})${AFTER}`,
  "giu",
);

/** A period of notice or time: "48 hours", "cuarenta y ocho (48) horas", "zwei Wochen" → ISO 8601 duration. */
export const period: ValueExtractor = (text) =>
  matches(PERIOD, text).flatMap((match) => {
    const amount = parseDecimal(match[1] ?? "");
    if (amount === null || !/^\d+$/.test(amount) || Number(amount) === 0) return [];
    const unitText = match[2] ?? "";
    const unit = PERIOD_UNITS.find(([pattern]) => new RegExp(`^(?:${pattern})$`, "iu").test(unitText));
    if (!unit) return [];
    return [{ value: { kind: "duration", value: unit[1](Number(amount)) }, span: spanOf(match) }];
  });

const COUNT = new RegExp(
  `${BEFORE}(${QUANTITY})\\s+(?:writers?|guionistas?|scénaristes?|Autor(?:inn)?en|performers?|musicians?|músicos|musiciens|Musiker\\p{L}*|persons?|personas|personnes|Personen)${AFTER}`,
  "giu",
);

export const headcount: ValueExtractor = (text) =>
  matches(COUNT, text).flatMap((match) => {
    const amount = parseDecimal(match[1] ?? "");
    if (amount === null || !/^\d+$/.test(amount)) return [];
    return [{ value: { kind: "number", value: Number(amount), unit: "count" }, span: spanOf(match) }];
  });
