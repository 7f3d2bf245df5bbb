import type { Agreement } from "../../../../../../common/agreements.ts";
import { coverage, dates, duration, finding, pct, seen, source, summary, text } from "./helpers.ts";

const ACTRA = {
  faq: "https://www.actra.ca/referendums/faq/",
  aiGuide: "https://actratoronto.com/uncategorized/2025/05/a-i-best-practices-guide",
  cartt: "https://cartt.ca/actra-members-ratify-new-three-year-independent-production-agreement",
};

const actraIpa2025: Agreement = {
  id: "ca-actra-ipa-2025",
  title: "Independent Production Agreement (IPA)",
  titleEn: null,
  titleKind: "official",
  status: "concluded",
  parties: [
    { name: "ACTRA", role: "union" },
    { name: "Canadian Media Producers Association (CMPA)", role: "employer_association" },
    { name: "Association québécoise de la production médiatique (AQPM)", role: "employer_association" },
  ],
  countries: ["CA"],
  subdivisions: [],
  level: "sector",
  sectors: ["film", "tv", "streaming"],
  occupations: ["performer", "background_performer"],
  coverage: coverage({
    background: true,
    note: "English-language production across Canada except British Columbia and Yukon.",
  }),
  workersCovered: null,
  dates: dates({ ratified: "2025-01-21", inForceFrom: "2025", inForceTo: "2027-12-31" }),
  languages: ["en"],
  lineage: [],
  sources: [
    source(ACTRA.faq, "ACTRA: referendum FAQ on the IPA", "primary"),
    source(ACTRA.aiGuide, "ACTRA Toronto: A.I. best practices guide", "primary"),
    source(ACTRA.cartt, "Cartt.ca: ACTRA members ratify new three-year IPA", "secondary"),
  ],
  clauses: [
    summary(
      "minimum-fees",
      null,
      "Minimum fees rise 6% in the first year, 4% in 2026 and 3.5% in 2027, 13.5% over three years. Background performers get 7% in the first year.",
      [
        finding({
          code: "PAY.INCREASE",
          value: pct(6),
          effectiveFrom: "2025",
          evidence: seen(ACTRA.faq, "Year-one increase"),
        }),
        finding({
          code: "PAY.INCREASE",
          value: pct(4),
          effectiveFrom: "2026",
          evidence: seen(ACTRA.faq, "2026 increase"),
        }),
        finding({
          code: "PAY.INCREASE",
          value: pct(3.5),
          effectiveFrom: "2027",
          evidence: seen(ACTRA.faq, "2027 increase"),
        }),
        finding({
          code: "PAY.INCREASE",
          value: pct(7),
          appliesTo: "background",
          effectiveFrom: "2025",
          evidence: seen(ACTRA.faq, "Background performers, year one"),
        }),
      ],
    ),
    summary("insurance", null, "The insurance contribution rises from 5% to 5.5% on 1 January 2026.", [
      finding({
        code: "SOC.INSURANCE",
        value: pct(5.5),
        effectiveFrom: "2026-01-01",
        evidence: seen(ACTRA.faq, "Insurance contribution 5.5% from 1 Jan 2026"),
        note: "Up from 5%.",
      }),
    ]),
    summary(
      "digital-replicas",
      null,
      "Creating a digital replica needs the performer's written consent stating its purpose and duration; refusing cannot cost the performer the role. Reuse in another show, film or advertisement is paid extra. Producers disclose AI use to ACTRA before production and give 48 hours' notice before a replica is made.",
      [
        finding({
          code: "AI.CONSENT.CREATE",
          strength: "consent",
          value: text("Written consent stating purpose and duration; refusal cannot cost the role"),
          evidence: seen(ACTRA.aiGuide, "Consent to create a digital replica"),
        }),
        finding({
          code: "AI.COMP.REUSE",
          strength: "compensation",
          value: text("Additional pay for reuse in another show, film or advertisement"),
          evidence: seen(ACTRA.aiGuide, "Extra pay for reuse"),
        }),
        finding({
          code: "AI.DISCLOSE.UNION",
          strength: "notice",
          value: text("Producers disclose AI use to ACTRA before production"),
          evidence: seen(ACTRA.aiGuide, "Disclosure to ACTRA"),
        }),
        finding({
          code: "AI.NOTICE",
          strength: "notice",
          value: duration("PT48H"),
          evidence: seen(ACTRA.aiGuide, "48 hours' notice before creating a replica"),
        }),
      ],
    ),
  ],
  notes: ["The AI terms are taken from ACTRA Toronto's best-practice guide, not from the agreement text."],
};

export const CANADA_AGREEMENTS: Agreement[] = [actraIpa2025];
