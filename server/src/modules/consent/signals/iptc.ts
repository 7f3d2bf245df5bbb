import { allOpen, readPolicy, type SignalPolicy, TEXT_AND_DATA_MINING } from "./policy.ts";

// IPTC Photo Metadata Standard 2023.1+, property "Data Mining": XMP `plus:DataMining` (PLUS
// License Data Format namespace), whose value is a URI of the PLUS controlled vocabulary
// http://ns.useplus.org/ldf/vocab/DMI-… (https://iptc.org/std/photometadata/specification/IPTC-PhotoMetadata#data-mining).
// Guildhall says DMI-ALLOWED when every kind of training is open, and otherwise
// DMI-PROHIBITED-SEELINKEDRIGHTSEXPR: prohibited unless licensed, as stated by the linked
// encoded rights expression (`Iptc4xmpExt:LinkedEncRightsExpr`), which is the ODRL TDM policy at
// the policy URL where consent can be asked.

export const PLUS_XMP_NAMESPACE = "http://ns.useplus.org/ldf/xmp/1.0/";
export const PLUS_VOCABULARY = "http://ns.useplus.org/ldf/vocab/";
export const IPTC_EXT_XMP_NAMESPACE = "http://iptc.org/std/Iptc4xmpExt/2008-02-29/";

/** The whole PLUS Data Mining vocabulary; Guildhall emits only the first two. */
export const DATA_MINING_CODES = [
  "DMI-ALLOWED",
  "DMI-PROHIBITED-SEELINKEDRIGHTSEXPR",
  "DMI-UNSPECIFIED",
  "DMI-PROHIBITED-AIMLTRAINING",
  "DMI-PROHIBITED-GENAIMLTRAINING",
  "DMI-PROHIBITED-EXCEPTSEARCHENGINEINDEXING",
  "DMI-PROHIBITED",
  "DMI-PROHIBITED-SEECONSTRAINT",
  "DMI-PROHIBITED-SEEEMBEDDEDRIGHTSEXPR",
] as const;
export type DataMiningCode = (typeof DATA_MINING_CODES)[number];

/** The value of `plus:DataMining`, e.g. http://ns.useplus.org/ldf/vocab/DMI-PROHIBITED-SEELINKEDRIGHTSEXPR. */
export function iptcDataMining(policy: SignalPolicy): `${typeof PLUS_VOCABULARY}${DataMiningCode}` {
  const code: DataMiningCode = allOpen(readPolicy(policy), TEXT_AND_DATA_MINING)
    ? "DMI-ALLOWED"
    : "DMI-PROHIBITED-SEELINKEDRIGHTSEXPR";
  return `${PLUS_VOCABULARY}${code}`;
}

/**
 * One item of the `Iptc4xmpExt:LinkedEncRightsExpr` bag that DMI-PROHIBITED-SEELINKEDRIGHTSEXPR
 * refers to: the link, its IANA media type, and the rights expression language (ODRL 2.2).
 */
export function iptcLinkedRightsExpr(policy: SignalPolicy): {
  LinkedRightsExpr: string;
  RightsExprEncType: "application/ld+json";
  RightsExprLangId: "http://www.w3.org/ns/odrl/2/";
} {
  return {
    LinkedRightsExpr: readPolicy(policy).policyUrl,
    RightsExprEncType: "application/ld+json",
    RightsExprLangId: "http://www.w3.org/ns/odrl/2/",
  };
}
