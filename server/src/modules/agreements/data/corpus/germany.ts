import type { Agreement, Party } from "../../../../../../common/agreements.ts";
import {
  coverage,
  dates,
  duration,
  finding,
  hours,
  money,
  num,
  pct,
  per,
  ROW_SOURCE,
  seen,
  source,
  summary,
  text,
  UNKNOWN_COVERAGE,
} from "./helpers.ts";

const PARTIES: Party[] = [
  { name: "ver.di – Vereinte Dienstleistungsgewerkschaft", role: "union" },
  { name: "BFFS – Bundesverband Schauspiel", role: "union" },
  {
    name: "Allianz Deutscher Produzenten – Film & Fernsehen (Produktionsallianz)",
    role: "employer_association",
    note: "About 375 production companies.",
  },
];

const DE = {
  verdi: "https://www.verdi.de/themen/geld-tarif/++co++ab2a3848-ae72-11eb-8b5c-001a4a160129",
  filmUnion: "https://filmunion.verdi.de/und-action/nachrichten/++co++d1056acc-4b3d-11ef-bb1a-e78c4f045dc1/",
  dgb: "https://dgb.de/service/weiterer-service/tarifmeldungen/tarifmeldung/vorlaeufige-tarifeinigung-fuer-filmproduktionen-erzielt",
  wdr: "https://www1.wdr.de/kultur/kulturnachrichten/tarifabschluss-film-fernsehen-100.html",
  kuk: "https://kultur-kreativ-wirtschaft.de/KUK/Redaktion/DE/Meldungen/2024/07/2024-07-18-tarifvertrag-fuer-film-und-fernsehschaffende.html",
  dwdlFees: "https://www.dwdl.de/nachrichten/98845/durchbruch_bei_tarifverhandlungen_fr_filmproduktionen/",
  kna: "https://mediendienst.kna.de/250210-89-00071.html",
  urheber: "https://urheber.info/diskurs/erster-tarifabschluss-zum-umgang-mit-ki",
  produktionsallianz:
    "https://produktionsallianz.de/der-ki-tarifvertrag-fuer-die-film-und-fernsehbranche-ein-gemeinsamer-erfolg-der-branche-der-massstaebe-setzt/",
  dwdlAi: "https://www.dwdl.de/nachrichten/101397/gewerkschaften_und_produzenten_einigen_sich_beim_thema_ki/",
};

const KEY_POINTS =
  "July 2024 key points; the October 2024 summary words these terms differently, so check the final text.";

const tvFfs2024: Agreement = {
  id: "de-tv-ffs-2024",
  title: "Tarifvertrag für auf Produktionsdauer beschäftigte Film- und Fernsehschaffende (TV FFS)",
  titleEn: "Collective agreement for film and TV workers employed for the duration of a production",
  titleKind: "official",
  status: "concluded",
  parties: PARTIES,
  countries: ["DE"],
  subdivisions: [],
  level: "sector",
  sectors: ["film", "tv", "streaming"],
  occupations: ["crew", "performer"],
  coverage: coverage({ employees: true, note: "Film workers employed for the duration of a production." }),
  workersCovered: { low: 25000, high: 25000 },
  dates: dates({
    tentative: "2024-07",
    signed: "2024-10-12",
    inForceFrom: "2025",
    note: "Key points agreed on 16–17 Jul 2024 (eighth round); final deal on 12 Oct 2024; the new rules apply from 2025. About 25,000 workers.",
  }),
  languages: ["de"],
  lineage: [],
  sources: [
    source(DE.verdi, "ver.di: Tarifabschluss Film- und Fernsehschaffende", "primary"),
    source(DE.filmUnion, "ver.di FilmUnion: Nachrichten zur Tarifrunde", "primary"),
    source(DE.dgb, "DGB: vorläufige Tarifeinigung für Filmproduktionen erzielt", "secondary"),
    source(DE.wdr, "WDR: Tarifabschluss Film und Fernsehen", "secondary"),
    source(
      DE.kuk,
      "Kultur- und Kreativwirtschaft des Bundes: Tarifvertrag für Film- und Fernsehschaffende",
      "secondary",
    ),
    source(DE.dwdlFees, "DWDL: Durchbruch bei Tarifverhandlungen für Filmproduktionen", "secondary"),
  ],
  clauses: [
    summary("daily-maximum", null, "No shooting day may exceed 12 hours, without exception.", [
      finding({
        code: "WT.DAY_MAX",
        strength: "prohibition",
        value: hours(12),
        appliesTo: "employee",
        evidence: [
          seen(DE.verdi, "Daily maximum of 12 hours without exception"),
          seen(DE.wdr, "12-hour daily maximum"),
        ],
      }),
    ]),
    summary("weekly-hours", null, "Weeks of up to 60 hours remain possible, against compensation payments.", [
      finding({
        code: "WT.WEEK_MAX",
        value: hours(60),
        appliesTo: "employee",
        evidence: [seen(DE.wdr, "Up to 60 hours a week remain possible"), seen(DE.kuk, "60-hour week retained")],
        note: "Hours beyond the regular week are compensated.",
      }),
    ]),
    summary("long-days", null, "The 11th and 12th hours of a shooting day carry surcharges.", [
      finding({
        code: "OT.THRESHOLD",
        value: hours(10),
        appliesTo: "employee",
        evidence: seen(DE.verdi, "Surcharges for the 11th and 12th hour"),
        note: "Surcharges start with the 11th hour; the surcharge rate is not in the research.",
      }),
    ]),
    summary(
      "key-points-july-2024",
      null,
      "The July 2024 key points listed a 25% premium beyond 10 hours a day, a 50% premium beyond 50 hours a week, and a four-day week once a month. The final October summary words these terms differently.",
      [
        finding({
          code: "OT.RATE",
          value: pct(25),
          appliesTo: "employee",
          confidence: 0.4,
          evidence: seen(DE.dgb, "Key points: over 10 hours a day +25%"),
          note: `Beyond 10 hours a day. ${KEY_POINTS}`,
        }),
        finding({
          code: "OT.RATE",
          value: pct(50),
          appliesTo: "employee",
          confidence: 0.4,
          evidence: seen(DE.dgb, "Key points: over 50 hours a week +50%"),
          note: `Beyond 50 hours a week. ${KEY_POINTS}`,
        }),
        finding({
          code: "OT.THRESHOLD",
          value: hours(50),
          appliesTo: "employee",
          confidence: 0.4,
          evidence: seen(DE.dgb, "Key points: weekly threshold of 50 hours"),
          note: `Weekly threshold. ${KEY_POINTS}`,
        }),
        finding({
          code: "WT.DAY_OFF_CREDIT",
          value: text("A four-day week once a month"),
          appliesTo: "employee",
          confidence: 0.4,
          evidence: seen(DE.dgb, "Key points: monthly four-day week"),
          note: KEY_POINTS,
        }),
      ],
    ),
    summary(
      "days-off",
      null,
      "Every 20 consecutive shooting days earn one full paid day off (an AZV day), placed between the 2nd and the 16th day and announced at least five days ahead. From five consecutive shooting days, workers also earn a 2.5-hour time credit plus 30 minutes for each further day, which can be taken as a 10-hour free day.",
      [
        finding({
          code: "WT.DAY_OFF_CREDIT",
          value: num(1, "days", per("day", 20)),
          appliesTo: "employee",
          evidence: seen(DE.verdi, "One paid AZV day per 20 consecutive shooting days"),
          note: "Per 20 consecutive shooting days.",
        }),
        finding({
          code: "WT.SCHEDULE_NOTICE",
          strength: "notice",
          value: duration("P5D"),
          appliesTo: "employee",
          evidence: seen(DE.verdi, "AZV day announced at least 5 days ahead"),
          note: "Notice of the AZV day, which falls between day 2 and day 16.",
        }),
        finding({
          code: "WT.DAY_OFF_CREDIT",
          value: hours(2.5),
          appliesTo: "employee",
          evidence: seen(DE.verdi, "2.5-hour credit after at least 5 consecutive shooting days"),
          note: "Plus 30 minutes for each further day; convertible into a 10-hour free day.",
        }),
      ],
    ),
    summary(
      "pension",
      null,
      "An industry-wide occupational pension with a 4% employer contribution through the Pensionskasse Rundfunk, extended from public-broadcaster commissions to cinema, streaming and private TV.",
      [
        finding({
          code: "SOC.PENSION",
          value: pct(4),
          appliesTo: "employee",
          evidence: seen(DE.verdi, ROW_SOURCE),
          note: "Employer contribution to the Pensionskasse Rundfunk.",
        }),
      ],
    ),
    summary(
      "fees",
      null,
      "No increase for 2024, then 2.5% in 2025 and another 2.5% in January 2026. Sources disagree on whether the 2025 step came in March or on 1 May.",
      [
        finding({
          code: "PAY.INCREASE",
          value: pct(0),
          effectiveFrom: "2024",
          evidence: seen(DE.dgb, "Zero round for 2024"),
          note: "Zero round.",
        }),
        finding({
          code: "PAY.INCREASE",
          value: pct(2.5),
          effectiveFrom: "2025",
          evidence: [seen(DE.dgb, "First 2.5% step dated March 2025"), seen(DE.dwdlFees, "First step in March 2025")],
          note: "March 2025 per DGB and DWDL, 1 May 2025 per turi2; only the year is recorded.",
        }),
        finding({
          code: "PAY.INCREASE",
          value: pct(2.5),
          effectiveFrom: "2026-01",
          evidence: seen(DE.dgb, "Second 2.5% step in January 2026"),
        }),
      ],
    ),
  ],
  notes: [
    "The July 2024 key points and the October 2024 summary describe overtime and days off differently.",
    "The first 2025 fee step is dated March 2025 or 1 May 2025 depending on the source.",
  ],
};

const schauspiel2024: Agreement = {
  id: "de-schauspiel-tv-2024",
  title: "Schauspieltarifvertrag (Film und Fernsehen)",
  titleEn: "Actors' collective agreement (film and TV)",
  titleKind: "descriptive",
  status: "concluded",
  parties: PARTIES,
  countries: ["DE"],
  subdivisions: [],
  level: "sector",
  sectors: ["film", "tv", "streaming"],
  occupations: ["performer"],
  coverage: UNKNOWN_COVERAGE,
  workersCovered: null,
  dates: dates({ note: "Part of the 2024 film and TV bargaining round; the research dates it 2024/25." }),
  languages: ["de"],
  lineage: [],
  sources: [source(DE.dwdlFees, "DWDL: Durchbruch bei Tarifverhandlungen für Filmproduktionen", "secondary")],
  clauses: [
    summary(
      "minimum-day-fee",
      null,
      "Actors earn at least €1,050 a day for the first five shooting days and at least €900 a day after that.",
      [
        finding({
          code: "PAY.MIN",
          strength: "compensation",
          value: money("1050.00", "EUR", per("day")),
          classification: "actors, first five shooting days",
          evidence: seen(DE.dwdlFees, "Minimum day fee for the first five shooting days"),
        }),
        finding({
          code: "PAY.MIN",
          strength: "compensation",
          value: money("900.00", "EUR", per("day")),
          classification: "actors, from the sixth shooting day",
          evidence: seen(DE.dwdlFees, "Minimum day fee after five shooting days"),
        }),
      ],
    ),
  ],
  notes: [],
};

const kiTv2025: Agreement = {
  id: "de-ki-tv-2025",
  title: "KI-Tarifvertrag",
  titleEn: "Collective agreement on artificial intelligence (film and TV)",
  titleKind: "official",
  status: "concluded",
  parties: PARTIES,
  countries: ["DE"],
  subdivisions: [],
  level: "sector",
  sectors: ["film", "tv", "streaming"],
  occupations: ["performer"],
  coverage: coverage({ note: "Actors; a follow-on agreement for crafts behind the camera is planned." }),
  workersCovered: null,
  dates: dates({ signed: "2025-02-10", inForceFrom: "2025-03-01", inForceTo: "2026-06-30" }),
  languages: ["de"],
  lineage: [
    {
      relation: "supplements",
      agreementId: "de-tv-ffs-2024",
      externalTitle: null,
      basis: "inferred",
      note: "Sources call it a supplement to the Manteltarifvertrag; that framework is represented here by the TV FFS record (the identification is an inference).",
    },
  ],
  sources: [
    source(DE.kna, "KNA Mediendienst: Einigung auf KI-Tarifvertrag", "secondary"),
    source(DE.urheber, "Initiative Urheberrecht: erster Tarifabschluss zum Umgang mit KI", "secondary"),
    source(
      DE.produktionsallianz,
      "Produktionsallianz: der KI-Tarifvertrag für die Film- und Fernsehbranche",
      "primary",
    ),
    source(DE.dwdlAi, "DWDL: Gewerkschaften und Produzenten einigen sich beim Thema KI", "secondary"),
  ],
  clauses: [
    summary(
      "scope",
      null,
      "Covers generative AI only. Conventional AI used in post-production to replicate or change a voice or image is outside its scope.",
      [
        finding({
          code: "AI.DEF",
          value: text(
            "Generative AI only; conventional post-production AI that replicates or alters voice or image excluded",
          ),
          evidence: [seen(DE.kna, "Scope limited to generative AI"), seen(DE.dwdlAi, "Conventional AI excluded")],
        }),
      ],
    ),
    summary(
      "consent",
      null,
      "An actor must consent before a digital replica of them or their voice is made and used, both in the production it was made for and in later projects. Later digital changes to appearance or voice also need consent.",
      [
        finding({
          code: "AI.CONSENT.CREATE",
          strength: "consent",
          evidence: [seen(DE.kna, "Consent required"), seen(DE.dwdlAi, "Consent required")],
        }),
        finding({
          code: "AI.CONSENT.USE",
          strength: "consent",
          value: text("Consent for use in the original production and in later projects"),
          evidence: [seen(DE.kna, "Consent for use now and later"), seen(DE.dwdlAi, "Consent for later projects")],
        }),
        finding({
          code: "AI.CONSENT.ALTER",
          strength: "consent",
          value: text("Later digital alteration of appearance or voice needs consent"),
          evidence: seen(DE.kna, ROW_SOURCE),
        }),
      ],
    ),
    summary(
      "compensation",
      null,
      "Actors are paid when a replica takes their place in another film, and for the extra effort of having a replica made.",
      [
        finding({
          code: "AI.COMP.REUSE",
          strength: "compensation",
          value: text("Pay when a replica replaces the performer in another film"),
          evidence: [seen(DE.kna, "Pay for replacement by a replica"), seen(DE.dwdlAi, ROW_SOURCE)],
        }),
        finding({
          code: "AI.COMP.CREATE",
          strength: "compensation",
          value: text("Pay for the extra effort of creating a replica"),
          evidence: seen(DE.kna, ROW_SOURCE),
        }),
      ],
    ),
    summary(
      "review",
      null,
      "The parties evaluate the agreement every six months during its short term. ver.di describes it as bringing more co-determination, a transparency obligation and financial compensation.",
      [
        finding({
          code: "PART.REVIEW",
          value: duration("P6M"),
          evidence: [seen(DE.kna, "Six-monthly evaluation"), seen(DE.dwdlAi, "Six-monthly evaluation")],
          note: "Evaluated every six months over a term of about 16 months.",
        }),
        finding({
          code: "PART.CODETERMINATION",
          value: text("More co-determination, as described by ver.di"),
          confidence: 0.6,
          evidence: seen(DE.urheber, ROW_SOURCE),
        }),
      ],
    ),
  ],
  notes: [
    "ver.di also cites a transparency obligation; the research does not say towards whom, so it is not coded.",
    "A follow-on AI agreement for crafts behind the camera is planned.",
  ],
};

export const GERMANY_AGREEMENTS: Agreement[] = [tvFfs2024, schauspiel2024, kiTv2025];
