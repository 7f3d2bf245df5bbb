import type { Agreement } from "../../../../../../common/agreements.ts";
import { coverage, dates, finding, seen, source, summary, text, times, yes } from "./helpers.ts";

// --- Belgium: minimum fees for freelancers, Joint Committee 304 -------------------------------

const BE = {
  oko: "https://overlegkunsten.org/nl/nieuws/604/nieuwe-afspraken-binnen-het-kader-van-juist-is-juist-verzekeren-faire-vergoeding-voor-artistieke-en-technisch-artistieke-zelfstandigen-in-de-kunstensector",
  besa: "https://b-esa.be/fr/nouvelles/remuneration-minimale-pour-certains-freelances-dans-la-cp-304",
  feas: "https://feas.be/nos-priorites/conditions-de-travail",
};

const jc304FreelanceFees: Agreement = {
  id: "be-jc304-freelance-fees-2024",
  title: "Minimumvergoeding voor artistieke en technisch-artistieke zelfstandigen in PC 304 (Juist is Juist)",
  titleEn: "Minimum fees for self-employed artists and technicians in Joint Committee 304 (Fair is Fair)",
  titleKind: "descriptive",
  status: "concluded",
  parties: [
    { name: "oKo – Overleg Kunstenorganisaties", role: "employer_association" },
    { name: "ACV-CSC", role: "union" },
    { name: "ACOD", role: "union" },
    { name: "ACLVB", role: "union" },
  ],
  countries: ["BE"],
  subdivisions: ["BE-VLG"],
  level: "sector",
  sectors: ["performing_arts", "theatre_dance"],
  occupations: ["performer", "technician"],
  coverage: coverage({
    employees: false,
    freelancers: true,
    note: "Self-employed freelancers without staff in artistic or technical-artistic functions at subsidised organisations.",
  }),
  workersCovered: null,
  dates: dates({
    inForceFrom: "2024-01-01",
    openEnded: true,
    note: "Agreed in December; the year (2023) is inferred from the 1 Jan 2024 start. Project-subsidised organisations follow from 1 Jul 2024.",
  }),
  languages: ["nl"],
  lineage: [],
  sources: [
    source(BE.oko, "oKo: nieuwe afspraken binnen Juist is Juist voor zelfstandigen in de kunstensector", "primary"),
    source(BE.besa, "Rémunération minimale pour certains freelances dans la CP 304", "secondary"),
    source(BE.feas, "FEAS: conditions de travail (CP 304 scales)", "secondary", {
      note: "Context only: CP 304 employee minimum scales.",
    }),
  ],
  clauses: [
    summary(
      "scope",
      "Functions 1–9 and 20–26 of CCT 138114/CO/304 of 19 Dec 2016",
      "Covers self-employed freelancers who employ no staff and work in artistic or technical-artistic functions, as listed in the 2016 function classification of Joint Committee 304.",
      [
        finding({
          code: "COV.SELF_EMPLOYED_SCOPE",
          appliesTo: "freelancer",
          value: text("Self-employed freelancers without staff in artistic or technical-artistic functions"),
          evidence: [seen(BE.oko, "Scope of the agreement"), seen(BE.besa, "Functions covered")],
        }),
      ],
    ),
    summary(
      "minimum-fee",
      null,
      "The minimum invoice equals the minimum gross wage scale for the same function multiplied by 1.46, excluding VAT, converted to a day or hour rate. The coefficient is meant to cover employer social security, statutory insurance, holiday pay and the freelancer's own contributions.",
      [
        finding({
          code: "COV.FREELANCE_FEE",
          strength: "compensation",
          appliesTo: "freelancer",
          value: times(1.46, "minimum gross wage scale, excluding VAT"),
          evidence: [seen(BE.oko, "Coefficient 1.46"), seen(BE.besa, "Scale times 1.46")],
          note: "Converted to a day or hour rate.",
        }),
      ],
    ),
    summary(
      "funding-link",
      null,
      "Applies to structurally subsidised organisations from 1 January 2024 and to organisations with project subsidies from 1 July 2024.",
      [
        finding({
          code: "COV.FUNDING_LINK",
          appliesTo: "freelancer",
          value: text("Applies only to subsidised organisations"),
          classification: "structurally subsidised organisations",
          effectiveFrom: "2024-01-01",
          evidence: seen(BE.oko, "Structural subsidies from 1 Jan 2024"),
        }),
        finding({
          code: "COV.FUNDING_LINK",
          appliesTo: "freelancer",
          value: text("Applies only to subsidised organisations"),
          classification: "project-subsidised organisations",
          effectiveFrom: "2024-07-01",
          evidence: seen(BE.oko, "Project subsidies from 1 Jul 2024"),
        }),
      ],
    ),
  ],
  notes: [
    "Registration number and text of the agreement not found.",
    "Context, not part of this agreement: the CP 304 employee minimum for a beginner artist is €2,803 a month in the French-speaking scale and €3,217 in the Flemish scale (FEAS).",
    "Matches the ILO's Belgian example of minimum fees for self-employed workers in publicly funded performances.",
  ],
};

// --- Netherlands: performing-arts CAOs -------------------------------------------------------

const DIGIPACCT = "https://www.digipacct.nl/onderwerp/welke-tarieven-worden-er-de-podiumkunsten-gehanteerd";
const DIGIPACCT_SOURCE = source(
  DIGIPACCT,
  "DigiPACCT: welke tarieven worden er in de podiumkunsten gehanteerd?",
  "secondary",
);

const toneelEnDans: Agreement = {
  id: "nl-cao-toneel-en-dans",
  title: "CAO Toneel en Dans",
  titleEn: "Collective agreement for theatre and dance",
  titleKind: "official",
  status: "concluded",
  parties: [],
  countries: ["NL"],
  subdivisions: [],
  level: "sector",
  sectors: ["theatre_dance", "performing_arts"],
  occupations: ["performer", "dancer"],
  coverage: coverage({
    employees: true,
    freelancers: true,
    note: "Self-employed people doing the same work as employees.",
  }),
  workersCovered: null,
  dates: dates({ note: "Version dates not in the research." }),
  languages: ["nl"],
  lineage: [],
  sources: [DIGIPACCT_SOURCE],
  clauses: [
    summary(
      "self-employed-rate",
      null,
      "Since 2016, self-employed people doing the same work as employees must be paid at least 150% of the employee wage.",
      [
        finding({
          code: "COV.FREELANCE_FEE",
          strength: "compensation",
          appliesTo: "freelancer",
          value: times(1.5, "employee wage for the same work"),
          effectiveFrom: "2016",
          evidence: seen(DIGIPACCT, "At least 150% of the employee wage"),
          note: "At least 150%.",
        }),
      ],
    ),
    summary("extension", null, "Declared generally binding in 2022.", [
      finding({
        code: "META.EXTENSION",
        value: yes,
        effectiveFrom: "2022",
        evidence: seen(DIGIPACCT, "Generally binding since 2022"),
      }),
    ]),
  ],
  notes: ["Signatory names not retrieved."],
};

const podiaAndPoppodia: Agreement = {
  id: "nl-cao-podia-poppodia",
  title: "CAO Nederlandse Podia / CAO Poppodia en -Festivals",
  titleEn: "Collective agreements for Dutch venues and for pop venues and festivals",
  titleKind: "descriptive",
  status: "concluded",
  parties: [],
  countries: ["NL"],
  subdivisions: [],
  level: "sector",
  sectors: ["live_music", "performing_arts"],
  occupations: [],
  coverage: coverage({ employees: true, freelancers: true }),
  workersCovered: null,
  dates: dates({ note: "Current versions; dates not in the research." }),
  languages: ["nl"],
  lineage: [],
  sources: [DIGIPACCT_SOURCE],
  clauses: [
    summary(
      "nederlandse-podia",
      null,
      "Under the CAO Nederlandse Podia, self-employed workers are paid the employee rate plus 45%.",
      [
        finding({
          code: "COV.FREELANCE_FEE",
          strength: "compensation",
          appliesTo: "freelancer",
          value: times(1.45, "employee rate"),
          classification: "CAO Nederlandse Podia",
          evidence: seen(DIGIPACCT, "+45% in the CAO Nederlandse Podia"),
          note: "+45%.",
        }),
      ],
    ),
    summary(
      "poppodia-festivals",
      null,
      "Under the CAO Poppodia en -Festivals, self-employed workers are paid the employee rate plus 50%.",
      [
        finding({
          code: "COV.FREELANCE_FEE",
          strength: "compensation",
          appliesTo: "freelancer",
          value: times(1.5, "employee rate"),
          classification: "CAO Poppodia en -Festivals",
          evidence: seen(DIGIPACCT, "+50% in the CAO Poppodia en -Festivals"),
          note: "+50%.",
        }),
      ],
    ),
    summary("extension", null, "Neither agreement has been declared generally binding.", [
      finding({
        code: "META.EXTENSION",
        present: "no",
        evidence: seen(DIGIPACCT, "Not generally binding"),
      }),
    ]),
  ],
  notes: [
    "This record bundles two separate CAOs, as the research does; split it when their texts are added.",
    "Signatory names not retrieved.",
  ],
};

export const BENELUX_AGREEMENTS: Agreement[] = [jc304FreelanceFees, toneelEnDans, podiaAndPoppodia];
