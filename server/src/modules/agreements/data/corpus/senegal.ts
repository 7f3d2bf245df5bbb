import type { Agreement } from "../../../../../../common/agreements.ts";
import { coverage, dates, finding, seen, source, summary, text } from "./helpers.ts";

const SN = {
  musicInAfrica: "https://musicinafrica.net/node/310880",
  urbanMedia: "https://urbanmedia.group/?p=8998",
  mirage: "https://www.miragenews.com/ilo-collective-bargaining-key-to-decent-arts-1569827",
  sene1: "https://sene1.com/un-guichet-unique-pour-les-travailleurs-culturels-en-gestation/?amp=1",
  lasNews:
    "https://lasnews.sn/2024/12/10/assemblee-generale-constitutive-du-syndicat-des-travailleurs-de-la-musique-du-senegal-sytrams-les-artistes-dans-le-chantier-de-la-regulation-sociale",
};

const musicSector2024: Agreement = {
  id: "sn-ams-phare-des-mamelles-2024",
  title: "Convention collective du secteur de la musique (AMS – Le Phare des Mamelles)",
  titleEn: "First collective agreement in Senegal's music sector",
  titleKind: "descriptive",
  status: "concluded",
  parties: [
    {
      name: "Association des Métiers de la Musique du Sénégal (AMS)",
      role: "union",
      note: "Signs for music workers.",
    },
    { name: "Le Phare des Mamelles", role: "employer", note: "Venue in Dakar." },
  ],
  countries: ["SN"],
  subdivisions: [],
  level: "enterprise",
  sectors: ["live_music"],
  occupations: ["musician", "technician"],
  coverage: coverage({ note: "Artists and technicians." }),
  workersCovered: null,
  dates: dates({ signed: "2024-01-19" }),
  languages: ["fr"],
  lineage: [],
  sources: [
    source(SN.musicInAfrica, "Music In Africa: Senegal's first music-sector collective agreement", "secondary"),
    source(SN.urbanMedia, "Urban Media: convention collective de la musique", "secondary"),
    source(SN.mirage, "Mirage News: ILO says collective bargaining is key to decent arts work", "secondary"),
    source(SN.sene1, "Sene1: un guichet unique pour les travailleurs culturels en gestation", "secondary", {
      note: "Context: the one-stop contribution system being piloted.",
    }),
    source(SN.lasNews, "LasNews: founding of the music workers' union SYTRAMS", "secondary", { note: "Context." }),
  ],
  clauses: [
    summary("minimum-pay", null, "Sets minimum pay for artists and technicians. The amounts were not found.", [
      finding({
        code: "PAY.MIN",
        strength: "compensation",
        classification: "artists and technicians",
        evidence: [
          seen(SN.musicInAfrica, "Minimum wages for artists and technicians"),
          seen(SN.urbanMedia, "Minimum wages"),
        ],
        note: "Amounts not found; left unknown.",
      }),
    ]),
    summary("equal-pay", null, "Women and men receive equal pay.", [
      finding({
        code: "PAY.EQUAL",
        value: text("Equal pay for women and men"),
        evidence: seen(SN.musicInAfrica, "Equal pay for women and men"),
      }),
    ]),
    summary(
      "social-security",
      null,
      "The ILO credits the agreement with social security coverage and a one-stop system for paying contributions.",
      [
        finding({
          code: "SOC.REGISTRATION",
          value: text("Social security coverage with a one-stop system for contributions"),
          evidence: seen(SN.mirage, "ILO description of the Senegal agreement"),
        }),
      ],
    ),
    summary(
      "other-terms",
      null,
      "Also deals with employment contracts, safety conditions and the management of copyright.",
      [],
    ),
  ],
  notes: [
    "The bargaining level is inferred: the only employer signatory named is one Dakar venue.",
    "Context: a one-stop shop for live-performance contributions (guichet unique du spectacle) is being piloted under the AMS–FIM 2023–2025 programme; a music workers' union, SYTRAMS, was founded on 9 Dec 2024.",
    "Employment contracts, safety and copyright management are mentioned without detail and are not coded.",
  ],
};

export const SENEGAL_AGREEMENTS: Agreement[] = [musicSector2024];
