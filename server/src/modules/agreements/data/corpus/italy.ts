import type { Agreement } from "../../../../../../common/agreements.ts";
import {
  dates,
  duration,
  finding,
  ROW_SOURCE,
  seen,
  seen2nd,
  source,
  summary,
  text,
  UNKNOWN_COVERAGE,
} from "./helpers.ts";

const IT = {
  liuzzi:
    "https://www.liuzzimedialaw.com/post/l-intelligenza-artificiale-ia-e-i-nuovi-contratti-collettivi-nazionali-di-lavoro-dei-lavoratori-de",
  tg24: "https://tg24.sky.it/spettacolo/cinema/2023/12/20/attori-contratto-nazionale",
};

const LIUZZI_SOURCE = source(IT.liuzzi, "Liuzzi Media Law: l'intelligenza artificiale e i nuovi CCNL", "secondary");

const dubbing2023: Agreement = {
  id: "it-ccnl-doppiaggio-2023",
  title: "CCNL Doppiaggio",
  titleEn: "National collective labour agreement for dubbing",
  titleKind: "descriptive",
  status: "concluded",
  parties: [],
  countries: ["IT"],
  subdivisions: [],
  level: "sector",
  sectors: ["dubbing"],
  occupations: ["voice_performer"],
  coverage: UNKNOWN_COVERAGE,
  workersCovered: null,
  dates: dates({ signed: "2023-12-06", note: "Three-year term from signature; start and end dates not stated." }),
  languages: ["it"],
  lineage: [],
  sources: [LIUZZI_SOURCE],
  clauses: [
    summary(
      "artificial-intelligence",
      "art. 22",
      "Article 22 deals with artificial intelligence. Its wording was not retrieved; read alongside the actors' agreement signed the same month, it restricts using dubbing performances to train AI.",
      [
        finding({
          code: "AI.TRAIN",
          value: text("Restriction on using dubbing performances to train AI"),
          confidence: 0.4,
          evidence: seen2nd(IT.liuzzi, "AI clause located in art. 22; content read by analogy with the actors' CCNL"),
          note: "Details by analogy with the actors' CCNL of 20 Dec 2023.",
        }),
      ],
    ),
    summary("term", null, "A three-year agreement.", [
      finding({ code: "META.TERM", value: duration("P3Y"), evidence: seen(IT.liuzzi, "Three-year term") }),
    ]),
  ],
  notes: ["Signatories not found.", "The AI clause's content is inferred by analogy with the actors' CCNL."],
};

const actors2023: Agreement = {
  id: "it-ccnl-attori-audiovisivo-2023",
  title: "CCNL per attrici e attori del cinema e dell'audiovisivo",
  titleEn: "National collective labour agreement for actors in film and audiovisual production",
  titleKind: "descriptive",
  status: "concluded",
  parties: [
    { name: "SLC-CGIL", role: "union", basis: "inferred", note: "The CGIL sector federation; name inferred." },
    { name: "FISTel-CISL", role: "union", basis: "inferred", note: "The CISL sector federation; name inferred." },
    { name: "UILCOM-UIL", role: "union", basis: "inferred", note: "The UIL sector federation; name inferred." },
    { name: "ANICA", role: "employer_association" },
    { name: "APA", role: "employer_association" },
    { name: "APE", role: "employer_association" },
  ],
  countries: ["IT"],
  subdivisions: [],
  level: "sector",
  sectors: ["film", "tv"],
  occupations: ["performer"],
  coverage: UNKNOWN_COVERAGE,
  workersCovered: null,
  dates: dates({ signed: "2023-12-20", note: "Three-year term from signature; start and end dates not stated." }),
  languages: ["it"],
  lineage: [],
  sources: [source(IT.tg24, "Sky TG24: attori, firmato il contratto nazionale", "secondary"), LIUZZI_SOURCE],
  clauses: [
    summary(
      "artificial-intelligence",
      "art. 20",
      "Except where post-production or editing requires it, extracting parts of a performance, or sampling a performer's image or voice, in order to develop or train AI is not allowed.",
      [
        finding({
          code: "AI.TRAIN",
          strength: "prohibition",
          value: text(
            "Extracting or sampling a performance, image or voice to train AI is illegitimate, save for post-production needs",
          ),
          evidence: [seen(IT.tg24, "AI training ban"), seen(IT.liuzzi, "AI clause in art. 20")],
        }),
      ],
    ),
    summary("intimacy", null, "Productions use intimacy coordinators.", [
      finding({ code: "OSH.INTIMACY", evidence: seen(IT.tg24, "Intimacy coordinator") }),
    ]),
    summary("non-discrimination", null, "Non-discrimination protections that include LGBTQ+ people.", [
      finding({
        code: "OSH.HARASSMENT",
        value: text("Non-discrimination, including of LGBTQ+ people"),
        evidence: seen(IT.tg24, ROW_SOURCE),
      }),
    ]),
    summary("insurance", null, "An insurance scheme covering pension and health.", [
      finding({
        code: "SOC.INSURANCE",
        value: text("Insurance scheme for pension and health"),
        evidence: seen(IT.tg24, ROW_SOURCE),
      }),
    ]),
    summary("term", null, "A three-year agreement.", [
      finding({ code: "META.TERM", value: duration("P3Y"), evidence: seen(IT.liuzzi, "Three-year term") }),
    ]),
  ],
  notes: [
    "The union federations' names (SLC-CGIL, FISTel-CISL, UILCOM-UIL) are inferred; sources name CGIL, CISL and UIL.",
  ],
};

export const ITALY_AGREEMENTS: Agreement[] = [dubbing2023, actors2023];
