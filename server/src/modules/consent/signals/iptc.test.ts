import { describe, expect, it } from "vitest";
import {
  DATA_MINING_CODES,
  iptcDataMining,
  iptcLinkedRightsExpr,
  PLUS_VOCABULARY,
  PLUS_XMP_NAMESPACE,
} from "./iptc.ts";
import { EVERY_USE, jsonFixture, samplePolicy } from "./test-helpers.ts";

interface Vocabulary {
  property: string;
  namespace: string;
  vocabularyPrefix: string;
  codes: Record<string, string>;
  linkedEncRightsExprFields: string[];
}
const vocabulary = jsonFixture<Vocabulary>("iptc-data-mining.vocabulary.json");
const published = new Set(Object.keys(vocabulary.codes).map((code) => `${vocabulary.vocabularyPrefix}${code}`));

describe("iptcDataMining", () => {
  it("knows the published vocabulary and namespace, no more and no less", () => {
    expect(PLUS_XMP_NAMESPACE).toBe(vocabulary.namespace);
    expect(PLUS_VOCABULARY).toBe(vocabulary.vocabularyPrefix);
    expect(new Set(DATA_MINING_CODES)).toEqual(new Set(Object.keys(vocabulary.codes)));
  });

  it("says prohibited, see the linked rights expression, unless every training use is permitted and free", () => {
    const reserved = iptcDataMining(samplePolicy());
    expect(reserved).toBe("http://ns.useplus.org/ldf/vocab/DMI-PROHIBITED-SEELINKEDRIGHTSEXPR");
    expect(published.has(reserved)).toBe(true);
    expect(iptcDataMining(samplePolicy({ permittedUses: ["training", "fine_tuning", "inference"] }))).toBe(reserved);
    expect(iptcDataMining(samplePolicy({ permittedUses: EVERY_USE, compensationRequired: true }))).toBe(reserved);

    const allowed = iptcDataMining(samplePolicy({ permittedUses: EVERY_USE }));
    expect(allowed).toBe("http://ns.useplus.org/ldf/vocab/DMI-ALLOWED");
    expect(published.has(allowed)).toBe(true);
  });

  it("links to the ODRL policy with the fields of the Linked Encoded Rights Expression structure", () => {
    const linked = iptcLinkedRightsExpr(samplePolicy());
    expect(Object.keys(linked).sort()).toEqual([...vocabulary.linkedEncRightsExprFields].sort());
    expect(linked).toEqual({
      LinkedRightsExpr: "https://guildhall.example/consent/policies/0b6f3c1e",
      RightsExprEncType: "application/ld+json",
      RightsExprLangId: "http://www.w3.org/ns/odrl/2/",
    });
  });
});
