import { allOpen, allPermitted, readPolicy, type SignalPolicy, TEXT_AND_DATA_MINING } from "./policy.ts";

// W3C TDM Reservation Protocol (TDMRep), Community Group Final Report (2024):
// https://www.w3.org/community/reports/tdmrep/CG-FINAL-tdmrep-20240510/
// `tdm-reservation: 1` reserves text-and-data-mining rights (the DSM Directive Art. 4(3) opt-out);
// `0` leaves them unreserved, so agents may mine without contacting anyone. `tdm-policy` points to
// an ODRL 2.2 Offer (the TDMRep profile) saying how to get a licence. Guildhall reserves unless
// every training use is open (permitted and free), and its policy URL answers both as the human
// page (text/html) and as the machine-readable Offer (application/ld+json).

export const TDMREP_WELL_KNOWN_PATH = "/.well-known/tdmrep.json";
export const TDMREP_PROFILE = "http://www.w3.org/ns/tdmrep";
export const TDMREP_NAMESPACE = "http://www.w3.org/ns/tdmrep#";
export const ODRL_CONTEXT = "http://www.w3.org/ns/odrl.jsonld";

export interface TdmrepRule {
  /** A robots.txt-style path pattern ("*" any characters, "$" end of path). */
  location: string;
  "tdm-reservation": 0 | 1;
  "tdm-policy"?: string;
}

export type TdmDutyAction = "obtainConsent" | "compensate";

export interface TdmPolicy {
  "@context": [typeof ODRL_CONTEXT, { tdm: typeof TDMREP_NAMESPACE }];
  "@type": "Offer";
  profile: typeof TDMREP_PROFILE;
  uid: string;
  assigner: {
    uid?: string;
    "vcard:fn": string;
    "vcard:hasEmail"?: string;
    "vcard:hasURL": string;
  };
  permission: [{ target?: string; action: "tdm:mine"; duty?: { action: TdmDutyAction }[] }];
}

/** 1 unless every kind of training is open (permitted, and nothing to pay). */
export function tdmReservation(policy: SignalPolicy): 0 | 1 {
  return allOpen(readPolicy(policy), TEXT_AND_DATA_MINING) ? 0 : 1;
}

/** The rules of the member's `/.well-known/tdmrep.json`, one per path, in the order given. */
export function tdmrepWellKnown(policy: SignalPolicy): TdmrepRule[] {
  const read = readPolicy(policy);
  const reservation = tdmReservation(policy);
  return read.paths.map((location) =>
    reservation === 1
      ? { location, "tdm-reservation": 1, "tdm-policy": read.policyUrl }
      : { location, "tdm-reservation": 0 },
  );
}

/** The same signal as HTTP response header fields, for an asset Guildhall itself serves. */
export function tdmrepHeaders(policy: SignalPolicy): Record<string, string> {
  const reservation = tdmReservation(policy);
  return reservation === 1
    ? { "tdm-reservation": "1", "tdm-policy": readPolicy(policy).policyUrl }
    : { "tdm-reservation": "0" };
}

/**
 * The TDM Policy served at the policy URL: an Offer to mine (`tdm:mine`) whose duties are to
 * obtain consent first (unless mining is already permitted) and to pay (when compensation is
 * required). The assigner is the member or their union, as vCard; `vcard:hasURL` is the page on
 * which a licence is asked for, which is the policy URL itself.
 */
export function tdmPolicy(policy: SignalPolicy): TdmPolicy {
  const read = readPolicy(policy);
  const duty: { action: TdmDutyAction }[] = [];
  if (!allPermitted(read, TEXT_AND_DATA_MINING)) duty.push({ action: "obtainConsent" });
  if (read.compensationRequired) duty.push({ action: "compensate" });
  return {
    "@context": [ODRL_CONTEXT, { tdm: TDMREP_NAMESPACE }],
    "@type": "Offer",
    profile: TDMREP_PROFILE,
    uid: read.policyUrl,
    assigner: {
      ...(read.assigner.url === undefined ? {} : { uid: read.assigner.url }),
      "vcard:fn": read.assigner.name,
      ...(read.assigner.email === undefined ? {} : { "vcard:hasEmail": `mailto:${read.assigner.email}` }),
      "vcard:hasURL": read.policyUrl,
    },
    permission: [
      {
        ...(read.target === undefined ? {} : { target: read.target }),
        action: "tdm:mine",
        ...(duty.length > 0 ? { duty } : {}),
      },
    ],
  };
}
