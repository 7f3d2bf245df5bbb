import { argon2idDerive } from "./argon2.ts";
import { getSodium } from "./sodium.ts";

/**
 * A reporter's receipt: the only credential of an anonymous report. 25 random decimal digits
 * (log2(10^25) ≈ 83 bits), shown in five groups of five: easy to write down, typed on a phone's
 * number pad, the same in every language and script.
 */
export const RECEIPT_DIGITS = 25;
const GROUP = 5;

/**
 * Argon2id cost for receipts: OWASP's minimum, 2 passes over 19 MiB (~30 ms here). Passwords get
 * more (3 passes over 64 MiB) because people choose them; a receipt's 83 random bits already put
 * a search of all receipts out of reach, and every filing and follow-up pays this cost (decision 0006).
 */
export const RECEIPT_KDF = { opsLimit: 2, memLimit: 19 * 1024 * 1024 } as const;

/** A new receipt, grouped for display: "48213 90577 12964 30815 77201". */
export function createReceipt(): Promise<string> {
  return createDigitCode();
}

/** 25 random decimal digits in groups of five: receipts, and officers' recovery codes. */
export async function createDigitCode(): Promise<string> {
  const sodium = await getSodium();
  let digits = "";
  for (let i = 0; i < RECEIPT_DIGITS; i++) digits += String(sodium.randombytes_uniform(10));
  return formatReceipt(digits);
}

/** The receipt's digits in groups of five. */
export function formatReceipt(digits: string): string {
  return (digits.match(new RegExp(`.{1,${GROUP}}`, "g")) ?? []).join(" ");
}

/**
 * The digits of a receipt as typed: spaces, dashes and dots ignored, and digits of other scripts
 * (Arabic-Indic, Devanagari, full-width…) read as 0–9. `null` when it cannot be a receipt.
 */
export function normalizeReceipt(typed: string): string | null {
  let digits = "";
  for (const char of typed.normalize("NFKC")) {
    if (/[\s\-.·_]/u.test(char)) continue;
    const digit = decimalValue(char);
    if (digit === undefined) return null;
    digits += digit;
  }
  return digits.length === RECEIPT_DIGITS ? digits : null;
}

/**
 * 0–9 for a decimal digit of any script (Unicode Nd), else undefined. Each script's digits are ten
 * consecutive code points from 0 to 9, so the value is the distance to the first of the run.
 * (NFKC has already turned full-width and mathematical digits, whose runs touch, into ASCII.)
 */
function decimalValue(char: string): string | undefined {
  const isDigit = (codePoint: number) => /^\p{Nd}$/u.test(String.fromCodePoint(codePoint));
  const codePoint = char.codePointAt(0) as number;
  if (!isDigit(codePoint)) return undefined;
  let zero = codePoint;
  while (codePoint - zero < 9 && isDigit(zero - 1)) zero--;
  return String(codePoint - zero);
}

export interface ReceiptSecrets {
  /** Stored to find the report (hex); reveals nothing of `key`. */
  lookup: string;
  /** Opens the report's key; never stored. */
  key: Uint8Array;
}

/**
 * One Argon2id run over the receipt's digits gives 64 bytes: the first half, hashed again, finds the
 * report; the second half is the key the report's key is sealed with. The salt is the installation's
 * (a receipt must be found without knowing its report), which 83 bits of entropy make safe.
 */
export async function deriveReceiptSecrets(digits: string, installationSalt: Uint8Array): Promise<ReceiptSecrets> {
  const sodium = await getSodium();
  if (installationSalt.length !== sodium.crypto_pwhash_SALTBYTES) throw new Error("The receipt salt must be 16 bytes.");
  const output = await argon2idDerive(64, digits, installationSalt, RECEIPT_KDF);
  const lookup = sodium.to_hex(sodium.crypto_generichash(32, output.subarray(0, 32), "guildhall receipt lookup"));
  const key = output.slice(32);
  sodium.memzero(output);
  return { lookup, key };
}
