import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { fingerprintDistance } from "./bits.ts";
import { editWords, prose } from "./fixtures/generate.ts";
import { decodeUtf8Text, NotTextError, normalizedWords, simhashText } from "./text.ts";

/** The consent decision index's NEAR_DUPLICATE_BITS: fingerprints this close are the same work. */
const NEAR = 3;
const repositoryRoot = path.resolve(import.meta.dirname, "../../../..");

function distance(a: string, b: string): number {
  return fingerprintDistance(simhashText(a) as string, simhashText(b) as string);
}

function pairwiseDistances(texts: string[]): number[] {
  const distances: number[] = [];
  for (let i = 0; i < texts.length; i++)
    for (let j = i + 1; j < texts.length; j++) distances.push(distance(texts[i] as string, texts[j] as string));
  return distances;
}

describe("normalizedWords", () => {
  it("folds compatibility forms and case, and drops punctuation and symbols", () => {
    expect(normalizedWords("The ﬁrst ＦＵＬＬ-width “Quote”, isn't it?! — № 5 ½")).toEqual([
      "the",
      "first",
      "full",
      "width",
      "quote",
      "isn",
      "t",
      "it",
      "no",
      "5",
      "1",
      "2",
    ]);
  });

  it("keeps accents and other scripts, and splits scripts written without spaces into characters", () => {
    expect(normalizedWords("Émile Zoë Ängström")).toEqual(["émile", "zoë", "ängström"]);
    expect(normalizedWords("Привет, мир")).toEqual(["привет", "мир"]);
    expect(normalizedWords("吾輩は猫である。")).toEqual(["吾", "輩", "は", "猫", "で", "あ", "る"]);
  });
});

describe("simhashText", () => {
  it("is fixed for simhash-text-v1 (a change to the method needs a new method name)", () => {
    // Cross-checked with an independent Python implementation of the steps in text.ts's header.
    expect(simhashText("The quick brown fox jumps over the lazy dog.")).toBe("e7e097a95960e95f");
    expect(simhashText("Ein Satz")).toMatch(/^[0-9a-f]{16}$/);
  });

  it("gives no fingerprint to a text without words", () => {
    expect(simhashText("")).toBeNull();
    expect(simhashText("  ... — !!! \n\n *** ")).toBeNull();
  });

  it("ignores case, line breaks, punctuation and Markdown markup", () => {
    const text = prose(1, 600);
    const reflowed = text.replace(/\s+/g, " ").toUpperCase();
    const markdown = `# Title\n\n${text.replace(/\. /g, ".\n\n* ").replace(/ the /g, " **the** ")}`;
    const quoted = text.replace(/\./g, "…").replace(/\?/g, "?!");
    expect(distance(`Title ${text}`, markdown)).toBe(0);
    expect(distance(text, reflowed)).toBe(0);
    expect(distance(text, quoted)).toBe(0);
  });

  it("hardly moves when paragraphs are reordered", () => {
    const paragraphs = prose(2, 1500).split("\n\n");
    const reordered = [...paragraphs.slice(3), ...paragraphs.slice(0, 3)].join("\n\n");
    expect(distance(paragraphs.join("\n\n"), reordered)).toBeLessThanOrEqual(NEAR);
  });

  it("keeps a few word edits in a long text within the near-duplicate distance (measured, not always)", () => {
    const withinNear = (words: number, edits: number) => {
      const distances: number[] = [];
      for (let t = 0; t < 5; t++) {
        const text = prose(10 + t, words);
        const original = simhashText(text) as string;
        for (let s = 0; s < 10; s++) {
          distances.push(fingerprintDistance(original, simhashText(editWords(text, edits, s)) as string));
        }
      }
      return distances.filter((d) => d <= NEAR).length / distances.length;
    };
    // 3,000 words: measured 98 % (1 edit) and 93 % (3 edits) within 3 bits; see the decision note.
    expect(withinNear(3000, 1)).toBeGreaterThanOrEqual(0.9);
    expect(withinNear(3000, 3)).toBeGreaterThanOrEqual(0.8);
    // 1,000 words: about 80 % for one edit. Short texts drift further (the note's table).
    expect(withinNear(1000, 1)).toBeGreaterThanOrEqual(0.7);
  });

  it("puts unrelated texts far apart", () => {
    const generated = pairwiseDistances(Array.from({ length: 20 }, (_, i) => prose(100 + i, 1000)));
    const shortOnes = pairwiseDistances(Array.from({ length: 20 }, (_, i) => prose(200 + i, 60)));
    const notes = pairwiseDistances(
      [
        "0001-stack-and-test-databases",
        "0004-agreement-import",
        "0005-agreement-search-index",
        "0006-report-confidentiality",
        "0007-attachment-metadata",
        "0008-transparency-log-core",
      ].map((name) => readFileSync(path.join(repositoryRoot, "docs/decisions", `${name}.md`), "utf8")),
    );
    for (const distances of [generated, shortOnes, notes]) {
      expect(Math.min(...distances)).toBeGreaterThan(10);
      const sorted = [...distances].sort((a, b) => a - b);
      expect(sorted[sorted.length >> 1]).toBeGreaterThanOrEqual(26);
    }
  });
});

describe("decodeUtf8Text", () => {
  it("decodes UTF-8 and drops a byte order mark", () => {
    expect(decodeUtf8Text(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode("Zoë")]))).toBe("Zoë");
  });

  it("refuses invalid UTF-8 and says where", () => {
    const latin1 = new Uint8Array([0x43, 0x61, 0x66, 0xe9, 0x20, 0x6e, 0x6f, 0x69, 0x72]); // "Café noir" in Latin-1
    expect(() => decodeUtf8Text(latin1)).toThrow(NotTextError);
    expect(() => decodeUtf8Text(latin1)).toThrow("not valid UTF-8 (first bad byte at offset 3)");
    const overlong = new Uint8Array([0x61, 0xc0, 0xaf]);
    expect(() => decodeUtf8Text(overlong)).toThrow("offset 1");
    const surrogate = new Uint8Array([0x61, 0x62, 0xed, 0xa0, 0x80]);
    expect(() => decodeUtf8Text(surrogate)).toThrow("offset 2");
    const cut = new TextEncoder().encode("Zoë").subarray(0, 3);
    expect(() => decodeUtf8Text(cut)).toThrow("offset 2");
  });

  it("refuses UTF-16 and binary data with their own message", () => {
    expect(() => decodeUtf8Text(new Uint8Array([0xff, 0xfe, 0x41, 0x00]))).toThrow("UTF-16");
    expect(() => decodeUtf8Text(new Uint8Array([0x41, 0x00, 0x42]))).toThrow("binary data");
  });
});
