import { describe, expect, it } from "vitest";
import { AIPREF_DRAFT, aipref } from "./aipref.ts";
import {
  aiprefPreferences,
  asTestVector,
  EVERY_USE,
  jsonFixture,
  parseDictionary,
  samplePolicy,
  serializeDictionary,
  Token,
} from "./test-helpers.ts";

interface SfTest {
  name: string;
  raw: string[];
  expected?: Record<string, unknown>;
  must_fail?: boolean;
}

describe("the RFC 9651 Dictionary reader used to check the strings", () => {
  it.each(jsonFixture<SfTest[]>("sf-dictionary.tests.json"))("passes the httpwg test vector: $name", (test) => {
    if (test.must_fail) {
      expect(() => parseDictionary(test.raw)).toThrow();
    } else {
      expect(asTestVector(parseDictionary(test.raw))).toEqual(test.expected);
    }
  });
});

describe("the AIPREF vocabulary processing (draft-ietf-aipref-vocab-06 §6.5)", () => {
  const vocab = jsonFixture<{ labels: Record<string, string>; examples: { value: string; expected: object }[] }>(
    "aipref-vocab-06.examples.json",
  );

  it("uses the pinned draft's label for AI training", () => {
    expect(AIPREF_DRAFT.vocab).toBe("draft-ietf-aipref-vocab-06");
    expect(vocab.labels["AI Model Training"]).toBe(AIPREF_DRAFT.labels.train);
  });

  it.each(vocab.examples)("reads the draft's example $value", ({ value, expected }) => {
    expect(aiprefPreferences(value, Object.values(vocab.labels))).toEqual(expected);
  });
});

describe("aipref", () => {
  it("disallows AI training by default, as a Dictionary of one Token in canonical form", () => {
    const signal = aipref(samplePolicy());
    expect(signal.contentUsage).toBe("train-ai=n");
    expect(signal.header).toBe("Content-Usage: train-ai=n");
    const dictionary = parseDictionary(signal.contentUsage);
    expect([...dictionary.keys()]).toEqual(["train-ai"]);
    expect(dictionary.get("train-ai")?.[0]).toEqual(new Token("n"));
    expect(serializeDictionary(dictionary)).toBe(signal.contentUsage);
    expect(aiprefPreferences(signal.contentUsage, ["train-ai", "search"])).toEqual({
      "train-ai": "disallowed",
      search: "unknown",
    });
  });

  it("allows it only when generative training, replicas and synthetic performances are all permitted and free", () => {
    expect(aipref(samplePolicy({ permittedUses: EVERY_USE })).contentUsage).toBe("train-ai=y");
    expect(aipref(samplePolicy({ permittedUses: ["training", "fine_tuning"] })).contentUsage).toBe("train-ai=n");
    expect(aipref(samplePolicy({ permittedUses: EVERY_USE, compensationRequired: true })).contentUsage).toBe(
      "train-ai=n",
    );
  });

  it("gives one robots.txt rule per path, shaped like the attach draft's example", () => {
    const { robotsTxt } = aipref(samplePolicy({ paths: ["/", "/works/"] }));
    expect(robotsTxt).toEqual(["Content-Usage: / train-ai=n", "Content-Usage: /works/ train-ai=n"]);
    for (const line of robotsTxt) {
      const match = /^Content-Usage: (\/\S*) (.+)$/.exec(line);
      expect(match).not.toBeNull();
      expect(aiprefPreferences(match?.[2] ?? "", ["train-ai"])["train-ai"]).toBe("disallowed");
    }
  });
});
