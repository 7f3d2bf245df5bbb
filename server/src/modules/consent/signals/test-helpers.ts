// Test-only readers for the formats the signals are written in: an RFC 9651 Structured Field
// Dictionary parser and serializer for the subset AIPREF uses, the AIPREF vocabulary's processing
// algorithm, and an RFC 9309 robots.txt reader with the AIPREF Content-Usage rule. Written from
// the grammars; checked against published test vectors in the tests. Not used by the signals.

import { readFileSync } from "node:fs";
import path from "node:path";
import { USE_TYPES } from "../../../../../common/consent.ts";
import type { SignalPolicy } from "./policy.ts";

/** A member's default policy as Guildhall stores it: nothing permitted, consent asked at the policy URL. */
export function samplePolicy(overrides: Partial<SignalPolicy> = {}): SignalPolicy {
  return {
    permittedUses: [],
    policyUrl: "https://guildhall.example/consent/policies/0b6f3c1e",
    assigner: { name: "Ana Ruiz", url: "https://guildhall.example/members/ana-ruiz", email: "ana.ruiz@example.org" },
    compensationRequired: false,
    ...overrides,
  };
}

export const EVERY_USE = [...USE_TYPES];

export function fixture(name: string): string {
  return readFileSync(path.join(import.meta.dirname, "fixtures", name), "utf8");
}

export function jsonFixture<T = unknown>(name: string): T {
  return JSON.parse(fixture(name)) as T;
}

// ---------------------------------------------------------------------------------------------
// RFC 9651 §4.2 (parsing) and §4.1 (serializing), for Dictionaries whose members are bare items
// (Integer, Decimal, String, Token, Boolean) with Parameters. Inner Lists, Byte Sequences, Dates
// and Display Strings are outside the subset and fail to parse.
// ---------------------------------------------------------------------------------------------

export class Token {
  constructor(readonly value: string) {}
}
export type BareItem = number | string | boolean | Token;
export type Parameters = Record<string, BareItem>;
export type DictionaryMember = [BareItem, Parameters];

const LCALPHA = /[a-z]/;
const KEY_CHAR = /[a-z0-9_\-.*]/;
const ALPHA = /[A-Za-z]/;
const DIGIT = /[0-9]/;
const TOKEN_CHAR = /[!#$%&'*+\-.^_`|~0-9A-Za-z:/]/;

class Input {
  position = 0;
  constructor(readonly text: string) {}
  peek(): string {
    return this.text[this.position] ?? "";
  }
  next(): string {
    const char = this.peek();
    this.position += 1;
    return char;
  }
  get empty(): boolean {
    return this.position >= this.text.length;
  }
  skip(chars: RegExp): void {
    while (!this.empty && chars.test(this.peek())) this.position += 1;
  }
}

/** Parses field lines as a Dictionary (lines are joined with commas first, RFC 9651 §4.2); throws on failure. */
export function parseDictionary(lines: string | readonly string[]): Map<string, DictionaryMember> {
  const input = new Input(typeof lines === "string" ? lines : lines.join(", "));
  input.skip(/ /);
  const dictionary = new Map<string, DictionaryMember>();
  while (!input.empty) {
    const key = parseKey(input);
    let member: DictionaryMember;
    if (input.peek() === "=") {
      input.next();
      member = [parseBareItem(input), parseParameters(input)];
    } else {
      member = [true, parseParameters(input)];
    }
    dictionary.delete(key);
    dictionary.set(key, member);
    input.skip(/[ \t]/);
    if (input.empty) break;
    if (input.next() !== ",") throw new SyntaxError(`Expected "," at ${input.position - 1}`);
    input.skip(/[ \t]/);
    if (input.empty) throw new SyntaxError("Trailing comma");
  }
  input.skip(/ /);
  if (!input.empty) throw new SyntaxError(`Unexpected input at ${input.position}`);
  return dictionary;
}

function parseKey(input: Input): string {
  const first = input.peek();
  if (!(LCALPHA.test(first) || first === "*")) throw new SyntaxError(`Bad key start at ${input.position}`);
  let key = "";
  while (!input.empty && KEY_CHAR.test(input.peek())) key += input.next();
  return key;
}

function parseParameters(input: Input): Parameters {
  const parameters: Parameters = {};
  while (input.peek() === ";") {
    input.next();
    input.skip(/ /);
    const key = parseKey(input);
    let value: BareItem = true;
    if (input.peek() === "=") {
      input.next();
      value = parseBareItem(input);
    }
    delete parameters[key];
    parameters[key] = value;
  }
  return parameters;
}

function parseBareItem(input: Input): BareItem {
  const first = input.peek();
  if (first === "-" || DIGIT.test(first)) return parseNumber(input);
  if (first === '"') return parseString(input);
  if (first === "*" || ALPHA.test(first)) return parseToken(input);
  if (first === "?") {
    input.next();
    const value = input.next();
    if (value === "1") return true;
    if (value === "0") return false;
    throw new SyntaxError("Bad boolean");
  }
  throw new SyntaxError(`Unsupported or bad item at ${input.position}`);
}

function parseNumber(input: Input): number {
  let sign = 1;
  if (input.peek() === "-") {
    input.next();
    sign = -1;
  }
  if (!DIGIT.test(input.peek())) throw new SyntaxError("Bad number");
  let digits = "";
  let decimal = false;
  while (!input.empty) {
    const char = input.peek();
    if (DIGIT.test(char)) digits += input.next();
    else if (char === "." && !decimal) {
      if (digits.length > 12) throw new SyntaxError("Decimal too long");
      decimal = true;
      digits += input.next();
    } else break;
    if (!decimal && digits.length > 15) throw new SyntaxError("Integer too long");
    if (decimal && digits.length > 16) throw new SyntaxError("Decimal too long");
  }
  if (decimal && (digits.endsWith(".") || digits.length - digits.indexOf(".") - 1 > 3)) {
    throw new SyntaxError("Bad decimal");
  }
  return sign * Number(digits);
}

function parseString(input: Input): string {
  input.next();
  let value = "";
  while (!input.empty) {
    const char = input.next();
    if (char === "\\") {
      const escaped = input.next();
      if (escaped !== '"' && escaped !== "\\") throw new SyntaxError("Bad escape");
      value += escaped;
    } else if (char === '"') {
      return value;
    } else {
      const code = char.charCodeAt(0);
      if (code < 0x20 || code > 0x7e) throw new SyntaxError("Bad string character");
      value += char;
    }
  }
  throw new SyntaxError("Unterminated string");
}

function parseToken(input: Input): Token {
  let value = input.next();
  while (!input.empty && TOKEN_CHAR.test(input.peek())) value += input.next();
  return new Token(value);
}

/** RFC 9651 §4.1.2, for the same subset. */
export function serializeDictionary(dictionary: Map<string, DictionaryMember>): string {
  return [...dictionary]
    .map(([key, [value, parameters]]) => {
      const params = Object.entries(parameters)
        .map(([name, item]) => (item === true ? `;${name}` : `;${name}=${serializeBareItem(item)}`))
        .join("");
      return value === true ? `${key}${params}` : `${key}=${serializeBareItem(value)}${params}`;
    })
    .join(", ");
}

function serializeBareItem(item: BareItem): string {
  if (item instanceof Token) return item.value;
  if (typeof item === "boolean") return item ? "?1" : "?0";
  if (typeof item === "number") return String(item);
  return `"${item.replaceAll("\\", "\\\\").replaceAll('"', '\\"')}"`;
}

/** A parsed Dictionary as the test vectors write it: Tokens as strings, members as [value, params]. */
export function asTestVector(dictionary: Map<string, DictionaryMember>): Record<string, unknown> {
  const plain = (item: BareItem) => (item instanceof Token ? item.value : item);
  return Object.fromEntries(
    [...dictionary].map(([key, [value, parameters]]) => [
      key,
      [plain(value), Object.fromEntries(Object.entries(parameters).map(([name, item]) => [name, plain(item)]))],
    ]),
  );
}

// ---------------------------------------------------------------------------------------------
// draft-ietf-aipref-vocab-06 §6.5: from bytes to a preference per category.
// ---------------------------------------------------------------------------------------------

export type Preference = "allowed" | "disallowed" | "unknown";

export function aiprefPreferences(value: string, labels: readonly string[]): Record<string, Preference> {
  let dictionary: Map<string, DictionaryMember> | null;
  try {
    dictionary = parseDictionary(value);
  } catch {
    dictionary = null;
  }
  return Object.fromEntries(
    labels.map((label): [string, Preference] => {
      const item = dictionary?.get(label)?.[0];
      if (item instanceof Token && item.value === "y") return [label, "allowed"];
      if (item instanceof Token && item.value === "n") return [label, "disallowed"];
      return [label, "unknown"];
    }),
  );
}

// ---------------------------------------------------------------------------------------------
// RFC 9309 §2.2 robots.txt grammar, with the Content-Usage rule of draft-ietf-aipref-attach §3:
//
//   robotstxt      = *(group / emptyline)
//   group          = startgroupline *(startgroupline / emptyline) *(rule / emptyline)
//   startgroupline = *WS "user-agent" *WS ":" *WS product-token EOL
//   rule           = *WS ("allow" / "disallow") *WS ":" *WS (path-pattern / empty-pattern) EOL
//   rule          =/ content-usage
//   content-usage  = *WS "content-usage" *WS ":" *WS [ path-pattern 1*WS ] usage-pref EOL
//   product-token  = identifier / "*"
//   identifier     = 1*(%x2D / %x41-5A / %x5F / %x61-7A)
//   path-pattern   = "/" *UTF8-char-noctl      ; no controls, space or "#"
//   comment        = "#" *(UTF8-char-noctl / WS / "#")
//   EOL            = *WS [comment] NL
// ---------------------------------------------------------------------------------------------

export interface RobotsRule {
  kind: "allow" | "disallow" | "content-usage";
  /** "" when the pattern is empty or absent. */
  path: string;
  /** For content-usage: the statement of preference (already checked to parse as a Dictionary). */
  preference?: string;
}
export interface RobotsGroup {
  agents: string[];
  rules: RobotsRule[];
}

const WS = "[ \\t]*";
const COMMENT = "(?:#[^\\p{Cc}]*)?";
const PATH = "/[^\\s#\\p{Cc}]*";
const START_GROUP = new RegExp(`^${WS}user-agent${WS}:${WS}([A-Za-z_-]+|\\*)${WS}${COMMENT}$`, "iu");
const ACCESS_RULE = new RegExp(`^${WS}(allow|disallow)${WS}:${WS}(${PATH})?${WS}${COMMENT}$`, "iu");
const CONTENT_USAGE = new RegExp(`^${WS}content-usage${WS}:${WS}(?:(${PATH})[ \\t]+)?([^#]*)${COMMENT}$`, "iu");
const EMPTY = new RegExp(`^${WS}${COMMENT}$`, "u");

/** Reads robots.txt text by the grammar above; throws with the line number where it does not fit. */
export function parseRobotsTxt(text: string): RobotsGroup[] {
  const groups: RobotsGroup[] = [];
  let current: RobotsGroup | null = null;
  let inRules = false;
  const lines = text.split(/\r\n|\r|\n/);
  if (lines.at(-1) === "") lines.pop();
  for (const [index, line] of lines.entries()) {
    const fail = (why: string) => new SyntaxError(`robots.txt line ${index + 1}: ${why}: ${JSON.stringify(line)}`);
    if (EMPTY.test(line)) continue;
    const start = START_GROUP.exec(line);
    if (start) {
      if (!current || inRules) {
        current = { agents: [], rules: [] };
        groups.push(current);
        inRules = false;
      }
      current.agents.push(start[1] ?? "");
      continue;
    }
    if (!current) throw fail("rule before any user-agent line");
    const access = ACCESS_RULE.exec(line);
    if (access) {
      inRules = true;
      current.rules.push({ kind: (access[1] ?? "").toLowerCase() as "allow" | "disallow", path: access[2] ?? "" });
      continue;
    }
    const usage = CONTENT_USAGE.exec(line);
    if (usage) {
      const preference = (usage[2] ?? "").trim();
      try {
        parseDictionary(preference);
      } catch (error) {
        throw fail(`statement of preference is not a Structured Field Dictionary (${String(error)})`);
      }
      inRules = true;
      current.rules.push({ kind: "content-usage", path: usage[1] ?? "", preference });
      continue;
    }
    throw fail("not a robots.txt line");
  }
  return groups;
}

/** The groups a crawler obeys (RFC 9309 §2.2.1): those naming it (case-insensitively), merged; else "*". */
export function groupFor(groups: readonly RobotsGroup[], agent: string): RobotsRule[] {
  const named = groups.filter((group) => group.agents.some((token) => token.toLowerCase() === agent.toLowerCase()));
  const chosen = named.length > 0 ? named : groups.filter((group) => group.agents.includes("*"));
  return chosen.flatMap((group) => group.rules);
}

function matchLength(pattern: string, urlPath: string): number {
  if (pattern === "") return -1;
  const anchored = pattern.endsWith("$");
  const body = (anchored ? pattern.slice(0, -1) : pattern)
    .split("*")
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&"))
    .join(".*");
  return new RegExp(`^${body}${anchored ? "$" : ""}`).test(urlPath) ? pattern.length : -1;
}

/** RFC 9309 §2.2.2: the longest matching Allow/Disallow decides; a tie goes to Allow; no match allows. */
export function mayCrawl(rules: readonly RobotsRule[], urlPath: string): boolean {
  let best = { length: -1, allow: true };
  for (const rule of rules) {
    if (rule.kind === "content-usage") continue;
    const length = matchLength(rule.path, urlPath);
    if (length > best.length || (length === best.length && length >= 0 && rule.kind === "allow")) {
      best = { length, allow: rule.kind === "allow" };
    }
  }
  return best.length < 0 ? true : best.allow;
}

/**
 * draft-ietf-aipref-attach §3.1: the Content-Usage rule with the longest matching path applies
 * (a rule without a path matches every path, as the shortest), and only where crawling is allowed.
 */
export function contentUsageFor(rules: readonly RobotsRule[], urlPath: string): string | null {
  if (!mayCrawl(rules, urlPath)) return null;
  let best: { length: number; preference: string } | null = null;
  for (const rule of rules) {
    if (rule.kind !== "content-usage") continue;
    const length = rule.path === "" ? 0 : matchLength(rule.path, urlPath);
    if (length >= 0 && (!best || length > best.length)) best = { length, preference: rule.preference ?? "" };
  }
  return best?.preference ?? null;
}
