/**
 * SimHash of a text (Charikar 2002), for near-duplicate lookup: texts that differ by a few words land
 * a few bits apart; unrelated texts about 32 bits apart. See docs/decisions/0009-content-fingerprints.md.
 *
 * The method, `simhash-text-v1`, is fixed here so that anyone can compute the same value elsewhere:
 *
 * 1. Decode the bytes as UTF-8 (a byte order mark is dropped; invalid UTF-8 or NUL bytes are refused).
 * 2. Normalize: Unicode NFKC, lower case, NFKC again; every run of characters that are not letters,
 *    digits or combining marks (punctuation, symbols, white space, Markdown syntax) becomes one space.
 *    Characters of scripts written without spaces (Han, Hiragana, Katakana, Thai, Lao, Khmer, Myanmar)
 *    are words of their own, each with its combining marks.
 * 3. Shingles: every run of 3 consecutive words, joined by one space (a text of 1 or 2 words is one
 *    shingle); a text without words has no fingerprint. Each distinct shingle counts once, so the
 *    fingerprint approximates the resemblance of the two texts' shingle sets (repeating a passage
 *    changes nothing; in our measurements sets also held up slightly better to edits than counts).
 * 4. Each shingle is hashed to 64 bits: the first 8 bytes of SHA-256 of its UTF-8 bytes (slower than
 *    FNV or xxHash, but every platform has it and its bits are uniform).
 * 5. For each of the 64 bit positions, add 1 for each shingle whose hash has a 1 there and subtract 1
 *    for each with a 0; the fingerprint's bit is 1 where the sum is positive (a tie gives 0). Bit 0 is the most significant
 *    bit of the first hash byte; the fingerprint is written as 16 lowercase hexadecimal digits.
 */
import { createHash } from "node:crypto";
import { bitsToHex } from "./bits.ts";

export const TEXT_METHOD = "simhash-text-v1";
export const SHINGLE_WORDS = 3;

/** The bytes are not UTF-8 text. */
export class NotTextError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "NotTextError";
  }
}

/** Decodes UTF-8 strictly: a clear error, with where, instead of replacement characters. */
export function decodeUtf8Text(bytes: Uint8Array): string {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new NotTextError("The text is UTF-16 (it starts with a UTF-16 byte order mark): save it as UTF-8.");
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new NotTextError(`The text is not valid UTF-8 (first bad byte at offset ${firstInvalidUtf8(bytes)}).`);
  }
  const nul = text.indexOf("\0");
  if (nul !== -1) throw new NotTextError("The file holds NUL characters: it is binary data, not text.");
  return text;
}

const NO_SPACE_SCRIPT_CHAR =
  /([\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]\p{M}*)/gu;
const NOT_WORD = /[^\p{L}\p{N}\p{M}]+/gu;

/** The text's words after normalization (step 2 above). */
export function normalizedWords(text: string): string[] {
  const normalized = text
    .normalize("NFKC")
    .toLowerCase()
    .normalize("NFKC")
    .replace(NOT_WORD, " ")
    .replace(NO_SPACE_SCRIPT_CHAR, " $1 ");
  return normalized.split(" ").filter((word) => word !== "");
}

/** The 64-bit SimHash of a text as 16 hex digits, or null when it has no words. */
export function simhashText(text: string): string | null {
  const words = normalizedWords(text);
  if (words.length === 0) return null;
  const shingles = new Set<string>();
  const last = Math.max(0, words.length - SHINGLE_WORDS);
  for (let i = 0; i <= last; i++) shingles.add(words.slice(i, i + SHINGLE_WORDS).join(" "));
  const sums = new Int32Array(64);
  for (const shingle of shingles) {
    const digest = createHash("sha256").update(shingle, "utf8").digest();
    for (let bit = 0; bit < 64; bit++) {
      const set = ((digest[bit >> 3] as number) >> (7 - (bit & 7))) & 1;
      sums[bit] = (sums[bit] as number) + (set ? 1 : -1);
    }
  }
  return bitsToHex(sums);
}

/** Offset of the first byte that does not continue a valid UTF-8 sequence (WHATWG decoder rules). */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] as number;
    let needed = 0;
    let lower = 0x80;
    let upper = 0xbf;
    if (b <= 0x7f) needed = 0;
    else if (b >= 0xc2 && b <= 0xdf) needed = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      needed = 2;
      if (b === 0xe0) lower = 0xa0;
      if (b === 0xed) upper = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      needed = 3;
      if (b === 0xf0) lower = 0x90;
      if (b === 0xf4) upper = 0x8f;
    } else return i;
    for (let k = 1; k <= needed; k++) {
      const c = bytes[i + k];
      if (c === undefined || c < (k === 1 ? lower : 0x80) || c > (k === 1 ? upper : 0xbf)) return i;
    }
    i += needed + 1;
  }
  return i;
}
