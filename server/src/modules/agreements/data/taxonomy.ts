import {
  familyOfCode,
  type LocalizedText,
  type NumberUnit,
  type Taxonomy,
  type TaxonomyCode,
  type TaxonomyFamily,
  type ValueKind,
} from "../../../../../common/agreements.ts";

/** The clause taxonomy of research/agreements.md §3, with labels and definitions in the four product languages. */
export const TAXONOMY_VERSION = "2026.1";
const VALID_FROM = "2026-01-01";

type LabelAndDefinition = readonly [label: string, definition: string];
type Texts = Readonly<Record<keyof LocalizedText, LabelAndDefinition>>;
type Extra = Partial<Pick<TaxonomyCode, "numberUnits" | "better" | "baseline">>;

function code(id: string, valueKinds: ValueKind[], texts: Texts, extra: Extra = {}): TaxonomyCode {
  const family = familyOfCode(id);
  if (!family) throw new Error(`unknown family in ${id}`);
  return {
    code: id,
    family,
    valueKinds,
    ...extra,
    labels: { en: texts.en[0], es: texts.es[0], fr: texts.fr[0], de: texts.de[0] },
    definitions: { en: texts.en[1], es: texts.es[1], fr: texts.fr[1], de: texts.de[1] },
    validFrom: VALID_FROM,
    validTo: null,
  };
}

const HOURS: NumberUnit[] = ["hours"];
const PERCENT: NumberUnit[] = ["percent"];

const FAMILIES: Taxonomy["families"] = [
  {
    family: "META",
    labels: {
      en: "Agreement metadata",
      es: "Metadatos del convenio",
      fr: "Métadonnées de l'accord",
      de: "Metadaten der Vereinbarung",
    },
  },
  { family: "WT", labels: { en: "Working time", es: "Tiempo de trabajo", fr: "Temps de travail", de: "Arbeitszeit" } },
  {
    family: "OT",
    labels: {
      en: "Overtime and premiums",
      es: "Horas extraordinarias y recargos",
      fr: "Heures supplémentaires et majorations",
      de: "Mehrarbeit und Zuschläge",
    },
  },
  {
    family: "PAY",
    labels: {
      en: "Minimum pay, fees and increases",
      es: "Remuneraciones mínimas, honorarios y aumentos",
      fr: "Rémunérations minimales, cachets et augmentations",
      de: "Mindestvergütung, Gagen und Erhöhungen",
    },
  },
  {
    family: "SOC",
    labels: {
      en: "Social security, health and pension",
      es: "Seguridad social, salud y pensiones",
      fr: "Sécurité sociale, santé et retraite",
      de: "Sozialversicherung, Gesundheit und Altersvorsorge",
    },
  },
  {
    family: "COV",
    labels: {
      en: "Coverage of non-standard workers",
      es: "Cobertura de trabajadores atípicos",
      fr: "Couverture des travailleurs atypiques",
      de: "Erfassung atypisch Beschäftigter",
    },
  },
  {
    family: "OSH",
    labels: {
      en: "Safety, health and dignity",
      es: "Seguridad, salud y dignidad",
      fr: "Sécurité, santé et dignité",
      de: "Sicherheit, Gesundheit und Würde",
    },
  },
  {
    family: "AI",
    labels: {
      en: "Generative AI and digital replicas",
      es: "IA generativa y réplicas digitales",
      fr: "IA générative et répliques numériques",
      de: "Generative KI und digitale Repliken",
    },
  },
  {
    family: "JOB",
    labels: {
      en: "Job security and technological change",
      es: "Seguridad en el empleo y cambio tecnológico",
      fr: "Sécurité de l'emploi et changement technologique",
      de: "Beschäftigungssicherung und technologischer Wandel",
    },
  },
  {
    family: "ALGO",
    labels: {
      en: "Algorithmic management and data",
      es: "Gestión algorítmica y datos",
      fr: "Management algorithmique et données",
      de: "Algorithmisches Management und Daten",
    },
  },
  {
    family: "PART",
    labels: {
      en: "Worker participation in AI deployment",
      es: "Participación de los trabajadores en la implantación de la IA",
      fr: "Participation des travailleurs au déploiement de l'IA",
      de: "Beteiligung der Beschäftigten an der KI-Einführung",
    },
  },
  {
    family: "DISP",
    labels: {
      en: "Enforcement and disputes",
      es: "Cumplimiento y conflictos",
      fr: "Application et litiges",
      de: "Durchsetzung und Streitbeilegung",
    },
  },
];

const META: TaxonomyCode[] = [
  code("META.PARTIES", ["text"], {
    en: [
      "Parties",
      "The unions and the employers or employer associations that signed, with registry identifiers where they exist (such as a French IDCC or a Belgian agreement number).",
    ],
    es: [
      "Partes",
      "Sindicatos y empleadores u organizaciones empresariales firmantes, con sus identificadores de registro cuando existen (como el IDCC francés o el número de convenio belga).",
    ],
    fr: [
      "Parties signataires",
      "Syndicats et employeurs ou organisations patronales signataires, avec leurs identifiants de registre s'il y en a (par exemple l'IDCC en France ou le numéro de CCT en Belgique).",
    ],
    de: [
      "Vertragsparteien",
      "Unterzeichnende Gewerkschaften und Arbeitgeber oder Arbeitgeberverbände, mit Registerkennungen, wo vorhanden (etwa die französische IDCC oder die belgische KAV-Nummer).",
    ],
  }),
  code("META.LEVEL", ["text"], {
    en: [
      "Bargaining level",
      "Whether the agreement binds one employer, several employers of a sector, the whole economy nationally, or sets a framework for other agreements; single-employer AI deals are flagged here.",
    ],
    es: [
      "Nivel de negociación",
      "Si el convenio obliga a un solo empleador, a varios empleadores de un sector o a toda la economía a escala nacional, o si fija un marco para otros convenios; aquí se señalan los acuerdos de IA con un único empleador.",
    ],
    fr: [
      "Niveau de négociation",
      "Indique si l'accord lie un seul employeur, plusieurs employeurs d'un secteur ou l'ensemble de l'économie au niveau national, ou s'il encadre d'autres accords ; les accords IA conclus avec un seul employeur sont signalés ici.",
    ],
    de: [
      "Verhandlungsebene",
      "Ob die Vereinbarung einen Arbeitgeber, mehrere Arbeitgeber einer Branche oder branchenübergreifend die ganze Volkswirtschaft bindet oder einen Rahmen für weitere Verträge setzt; KI-Vereinbarungen mit nur einem Arbeitgeber werden hier gekennzeichnet.",
    ],
  }),
  code("META.SECTOR", ["text"], {
    en: [
      "Sector",
      "Creative sectors covered (film, TV, streaming, commercials, recorded or live music, theatre and dance, broadcasting, games, digital creators), with an ISIC, NACE or NAICS code where known.",
    ],
    es: [
      "Sector de actividad",
      "Sectores creativos cubiertos (cine, televisión, streaming, publicidad, música grabada o en vivo, teatro y danza, radiodifusión, videojuegos, creadores digitales), con su código CIIU, NACE o SCIAN si se conoce.",
    ],
    fr: [
      "Secteur",
      "Secteurs créatifs couverts (cinéma, télévision, streaming, publicité, musique enregistrée ou live, théâtre et danse, radiodiffusion, jeux vidéo, créateurs numériques), avec un code CITI, NACE ou SCIAN le cas échéant.",
    ],
    de: [
      "Branche",
      "Erfasste Kreativbranchen (Film, Fernsehen, Streaming, Werbung, Tonträger oder Live-Musik, Theater und Tanz, Rundfunk, Games, digitale Creator), gegebenenfalls mit ISIC-, NACE- oder NAICS-Code.",
    ],
  }),
  code("META.TERM", ["duration", "text"], {
    en: [
      "Term and dates",
      "Dates of signature, ratification, entry into force and expiry, the share of votes for ratification, the length of the term and the number of workers covered.",
    ],
    es: [
      "Vigencia y fechas",
      "Fechas de firma, ratificación, entrada en vigor y vencimiento, porcentaje de votos a favor en la ratificación, duración del convenio y número de trabajadores cubiertos.",
    ],
    fr: [
      "Durée et dates",
      "Dates de signature, de ratification, d'entrée en vigueur et d'expiration, part des votes favorables à la ratification, durée de l'accord et nombre de travailleurs couverts.",
    ],
    de: [
      "Laufzeit und Daten",
      "Daten von Unterzeichnung, Ratifizierung, Inkrafttreten und Ablauf, Zustimmungsquote bei der Abstimmung, Laufzeit und Zahl der erfassten Beschäftigten.",
    ],
  }),
  code("META.LINEAGE", ["text"], {
    en: [
      "Lineage",
      "The agreement amends, replaces or supplements another one, such as a memorandum of agreement on top of a codified basic agreement, or an AI agreement added to a framework agreement.",
    ],
    es: [
      "Relación con otros convenios",
      "El convenio modifica, sustituye o complementa otro, como un memorando de acuerdo sobre un convenio básico codificado o un acuerdo de IA añadido a un convenio marco.",
    ],
    fr: [
      "Filiation",
      "L'accord modifie, remplace ou complète un autre accord, par exemple un protocole d'accord greffé sur une convention de base codifiée, ou un accord sur l'IA ajouté à un accord-cadre.",
    ],
    de: [
      "Vertragsbeziehungen",
      "Die Vereinbarung ändert, ersetzt oder ergänzt eine andere, etwa ein Memorandum of Agreement zu einem kodifizierten Grundvertrag oder ein KI-Tarifvertrag zu einem Manteltarifvertrag.",
    ],
  }),
  code("META.EXTENSION", ["boolean", "text"], {
    en: [
      "Extension and funding conditions",
      "Whether the agreement has been extended or declared generally binding beyond its signatories, or is made a condition of public funding.",
    ],
    es: [
      "Extensión y condiciones de financiación",
      "Si el convenio se ha extendido o declarado de eficacia general más allá de los firmantes, o si su cumplimiento condiciona la financiación pública.",
    ],
    fr: [
      "Extension et conditions de financement",
      "Indique si l'accord a été étendu ou rendu obligatoire au-delà des signataires, ou si son respect conditionne un financement public.",
    ],
    de: [
      "Allgemeinverbindlichkeit und Förderauflagen",
      "Ob die Vereinbarung über die Unterzeichnenden hinaus erstreckt oder für allgemeinverbindlich erklärt wurde oder ob öffentliche Förderung von ihrer Einhaltung abhängt.",
    ],
  }),
];

const WT: TaxonomyCode[] = [
  code(
    "WT.DAY_MAX",
    ["number"],
    {
      en: ["Maximum daily hours", "The most hours that may be worked in one day."],
      es: ["Jornada diaria máxima", "Número máximo de horas que pueden trabajarse en un día."],
      fr: ["Durée quotidienne maximale", "Nombre maximal d'heures pouvant être travaillées en une journée."],
      de: ["Tägliche Höchstarbeitszeit", "Höchstzahl der Stunden, die an einem Tag gearbeitet werden dürfen."],
    },
    { numberUnits: HOURS, better: "lower", baseline: "maxDailyHours" },
  ),
  code(
    "WT.WEEK_MAX",
    ["number"],
    {
      en: ["Maximum weekly hours", "The most hours that may be worked in one week."],
      es: ["Jornada semanal máxima", "Número máximo de horas que pueden trabajarse en una semana."],
      fr: ["Durée hebdomadaire maximale", "Nombre maximal d'heures pouvant être travaillées en une semaine."],
      de: ["Wöchentliche Höchstarbeitszeit", "Höchstzahl der Stunden, die in einer Woche gearbeitet werden dürfen."],
    },
    { numberUnits: HOURS, better: "lower", baseline: "maxWeeklyHours" },
  ),
  code(
    "WT.REST",
    ["number", "duration", "text"],
    {
      en: ["Rest periods", "Daily and weekly rest, the turnaround between calls, and meal breaks."],
      es: ["Descansos", "Descanso diario y semanal, tiempo mínimo entre convocatorias y pausas para comer."],
      fr: ["Temps de repos", "Repos quotidien et hebdomadaire, délai entre deux convocations et pauses repas."],
      de: ["Ruhezeiten", "Tägliche und wöchentliche Ruhe, Mindestabstand zwischen zwei Einsätzen sowie Essenspausen."],
    },
    { numberUnits: HOURS, better: "higher" },
  ),
  code(
    "WT.DAY_OFF_CREDIT",
    ["number", "text"],
    {
      en: [
        "Earned days off",
        "Paid time off earned through runs of consecutive working days, such as a free day after a set number of shooting days or an hourly time credit.",
      ],
      es: [
        "Días libres acumulados",
        "Tiempo libre retribuido que se gana con series de días de trabajo consecutivos, como un día libre tras cierto número de días de rodaje o un crédito de horas.",
      ],
      fr: [
        "Jours de repos acquis",
        "Temps libre rémunéré acquis par des périodes de travail consécutives, par exemple un jour libre après un certain nombre de jours de tournage ou un crédit d'heures.",
      ],
      de: [
        "Erarbeitete freie Tage",
        "Bezahlte Freizeit, die durch aufeinanderfolgende Arbeitstage entsteht, etwa ein freier Tag nach einer bestimmten Zahl von Drehtagen oder ein Zeitguthaben in Stunden.",
      ],
    },
    { numberUnits: ["days", "hours"], better: "higher" },
  ),
  code(
    "WT.SCHEDULE_NOTICE",
    ["duration", "text"],
    {
      en: ["Schedule notice", "Minimum advance notice of schedules, calls, days off, or changes to them."],
      es: [
        "Preaviso de horarios",
        "Antelación mínima con que se comunican los horarios, las convocatorias, los días libres o sus cambios.",
      ],
      fr: [
        "Délai de prévenance des plannings",
        "Délai minimal pour communiquer les plannings, convocations et jours de repos, ou leurs modifications.",
      ],
      de: [
        "Ankündigungsfrist für Dienstpläne",
        "Mindestfrist für die Bekanntgabe von Dienstplänen, Einsatzzeiten, freien Tagen oder deren Änderung.",
      ],
    },
    { better: "higher" },
  ),
  code("WT.AUDITION", ["text", "duration"], {
    en: [
      "Auditions and self-tapes",
      "Limits on self-taped auditions and online casting, such as length, preparation time or use of the recordings.",
    ],
    es: [
      "Audiciones y autograbaciones",
      "Límites a las audiciones autograbadas y al casting en línea, como su duración, el tiempo de preparación o el uso de las grabaciones.",
    ],
    fr: [
      "Auditions et self-tapes",
      "Limites applicables aux auditions enregistrées par l'artiste et au casting en ligne : durée, délai de préparation ou usage des enregistrements.",
    ],
    de: [
      "Castings und E-Castings",
      "Grenzen für selbst aufgenommene Castings und Online-Castings, etwa zu Umfang, Vorbereitungszeit oder Verwendung der Aufnahmen.",
    ],
  }),
];

const OT: TaxonomyCode[] = [
  code(
    "OT.THRESHOLD",
    ["number"],
    {
      en: ["Overtime threshold", "Hours per day or per week after which a premium is paid."],
      es: ["Umbral de horas extraordinarias", "Horas diarias o semanales a partir de las cuales se paga un recargo."],
      fr: [
        "Seuil des heures supplémentaires",
        "Nombre d'heures par jour ou par semaine au-delà duquel une majoration est due.",
      ],
      de: ["Schwelle für Mehrarbeit", "Stunden pro Tag oder pro Woche, ab denen ein Zuschlag gezahlt wird."],
    },
    { numberUnits: HOURS, better: "lower" },
  ),
  code(
    "OT.RATE",
    ["multiplier", "number", "text"],
    {
      en: [
        "Overtime premium",
        "The premium for overtime, as a multiple of the normal rate or a percentage on top of it.",
      ],
      es: [
        "Recargo por horas extraordinarias",
        "Recargo por hora extraordinaria, expresado como múltiplo de la tarifa normal o como porcentaje adicional.",
      ],
      fr: [
        "Majoration des heures supplémentaires",
        "Majoration due pour les heures supplémentaires, exprimée en multiple du taux normal ou en pourcentage.",
      ],
      de: [
        "Mehrarbeitszuschlag",
        "Zuschlag für Mehrarbeit, als Vielfaches des normalen Satzes oder als prozentualer Aufschlag.",
      ],
    },
    { numberUnits: PERCENT, better: "higher" },
  ),
  code(
    "OT.ESCALATOR",
    ["multiplier", "number", "text"],
    {
      en: [
        "Higher overtime tiers",
        "Further premium tiers, for example triple time after a very long day or double time on the seventh consecutive day.",
      ],
      es: [
        "Tramos superiores de recargo",
        "Tramos de recargo adicionales, por ejemplo triple tarifa tras una jornada muy larga o doble tarifa el séptimo día consecutivo.",
      ],
      fr: [
        "Paliers supérieurs de majoration",
        "Paliers de majoration supplémentaires, par exemple triple taux après une journée très longue ou double taux le septième jour consécutif.",
      ],
      de: [
        "Höhere Zuschlagsstufen",
        "Weitere Zuschlagsstufen, etwa dreifacher Satz nach einem sehr langen Arbeitstag oder doppelter Satz am siebten Tag in Folge.",
      ],
    },
    { numberUnits: PERCENT, better: "higher" },
  ),
  code("OT.UNIT", ["money", "duration"], {
    en: ["Overtime billing unit", "The unit in which overtime is counted and paid, such as an amount per 15 minutes."],
    es: [
      "Unidad de cómputo de las horas extraordinarias",
      "Unidad en la que se computan y pagan las horas extraordinarias, por ejemplo un importe por cada 15 minutos.",
    ],
    fr: [
      "Unité de décompte des heures supplémentaires",
      "Unité dans laquelle les heures supplémentaires sont décomptées et payées, par exemple un montant par tranche de 15 minutes.",
    ],
    de: [
      "Abrechnungseinheit der Mehrarbeit",
      "Einheit, in der Mehrarbeit gezählt und bezahlt wird, etwa ein Betrag je 15 Minuten.",
    ],
  }),
];

const PAY: TaxonomyCode[] = [
  code(
    "PAY.MIN",
    ["money", "multiplier", "number", "text"],
    {
      en: [
        "Minimum pay",
        "Minimum rate or fee with its unit (hour, day, session, side, episode, week, month) and, where relevant, the job classification and budget tier.",
      ],
      es: [
        "Remuneración mínima",
        "Tarifa u honorario mínimo con su unidad (hora, día, sesión, tema grabado, episodio, semana, mes) y, si procede, la categoría profesional y el tramo de presupuesto.",
      ],
      fr: [
        "Rémunération minimale",
        "Taux ou cachet minimal avec son unité (heure, jour, séance, titre, épisode, semaine, mois) et, le cas échéant, la catégorie d'emploi et la tranche de budget.",
      ],
      de: [
        "Mindestvergütung",
        "Mindestsatz oder Mindestgage mit Einheit (Stunde, Tag, Session, Titel, Folge, Woche, Monat) und gegebenenfalls Tätigkeitsgruppe und Budgetstufe.",
      ],
    },
    { numberUnits: PERCENT, better: "higher", baseline: "minimumWage" },
  ),
  code("PAY.TIER", ["money", "text"], {
    en: ["Budget tiers", "Different rates by production budget, such as standard, independent and micro tiers."],
    es: [
      "Tramos por presupuesto",
      "Tarifas distintas según el presupuesto de la producción, como los tramos estándar, independiente y micro.",
    ],
    fr: [
      "Tranches de budget",
      "Taux différents selon le budget de la production, par exemple tranches standard, indépendante et micro.",
    ],
    de: ["Budgetstufen", "Unterschiedliche Sätze je nach Produktionsbudget, etwa Standard-, Indie- und Mikrostufe."],
  }),
  code(
    "PAY.INCREASE",
    ["number", "money", "text"],
    {
      en: [
        "General pay increase",
        "Across-the-board increases to minimums, in percent and with their effective dates, including one-off payments and zero rounds.",
      ],
      es: [
        "Aumento salarial general",
        "Subidas generales de los mínimos, en porcentaje y con su fecha de efecto, incluidos los pagos únicos y los años sin subida.",
      ],
      fr: [
        "Augmentation générale",
        "Hausses générales des minima, en pourcentage et avec leur date d'effet, y compris les primes uniques et les années sans hausse.",
      ],
      de: [
        "Allgemeine Erhöhung",
        "Lineare Erhöhungen der Mindestsätze in Prozent mit Wirksamkeitsdatum, einschließlich Einmalzahlungen und Nullrunden.",
      ],
    },
    { numberUnits: PERCENT, better: "higher" },
  ),
  code("PAY.EQUAL", ["boolean", "text"], {
    en: ["Equal pay", "Equal pay for women and men, or other pay-equity commitments between groups of workers."],
    es: [
      "Igualdad salarial",
      "Igual retribución entre mujeres y hombres u otros compromisos de equidad salarial entre grupos de trabajadores.",
    ],
    fr: [
      "Égalité de rémunération",
      "Égalité salariale entre femmes et hommes ou autres engagements d'équité salariale entre groupes de travailleurs.",
    ],
    de: [
      "Entgeltgleichheit",
      "Gleiche Bezahlung von Frauen und Männern oder andere Zusagen zur Entgeltgerechtigkeit zwischen Beschäftigtengruppen.",
    ],
  }),
  code("PAY.SECONDARY", ["money", "number", "text"], {
    en: [
      "Secondary payments",
      "Residuals, royalties, use fees, streaming bonuses, and the thresholds above which rights may be bought out.",
    ],
    es: [
      "Pagos por explotación",
      "Derechos residuales, regalías, tarifas por uso, primas por streaming y umbrales a partir de los cuales pueden comprarse los derechos.",
    ],
    fr: [
      "Rémunérations d'exploitation",
      "Droits résiduels, redevances, cachets d'utilisation, primes liées au streaming et seuils au-delà desquels les droits peuvent être rachetés.",
    ],
    de: [
      "Folgevergütungen",
      "Wiederholungs- und Nutzungsvergütungen, Tantiemen, Streaming-Boni und Schwellen, ab denen Rechte abgegolten werden dürfen.",
    ],
  }),
];

const SOC: TaxonomyCode[] = [
  code(
    "SOC.PENSION",
    ["number", "text"],
    {
      en: [
        "Pension contribution",
        "Employer contribution to a pension scheme, as a percentage of pay, and the scheme that receives it.",
      ],
      es: [
        "Aportación a pensiones",
        "Aportación del empleador a un plan de pensiones, en porcentaje de la remuneración, y el plan que la recibe.",
      ],
      fr: [
        "Cotisation retraite",
        "Cotisation de l'employeur à un régime de retraite, en pourcentage de la rémunération, et régime qui la reçoit.",
      ],
      de: [
        "Beitrag zur Altersvorsorge",
        "Arbeitgeberbeitrag zu einer Altersversorgung in Prozent der Vergütung und die Einrichtung, die ihn erhält.",
      ],
    },
    { numberUnits: PERCENT, better: "higher" },
  ),
  code(
    "SOC.HEALTH",
    ["number", "text"],
    {
      en: [
        "Health and benefit plan contribution",
        "Contribution to health plans, or combined pension and health plans, as a percentage of pay, with any caps.",
      ],
      es: [
        "Aportación a planes de salud",
        "Aportación a planes de salud, o a planes conjuntos de pensiones y salud, en porcentaje de la remuneración y con sus topes.",
      ],
      fr: [
        "Cotisation santé et prévoyance",
        "Cotisation aux régimes de santé, ou aux régimes combinés retraite et santé, en pourcentage de la rémunération, avec ses plafonds.",
      ],
      de: [
        "Beitrag zu Gesundheitsplänen",
        "Beitrag zu Kranken- oder kombinierten Renten- und Gesundheitsplänen in Prozent der Vergütung, mit etwaigen Obergrenzen.",
      ],
    },
    { numberUnits: PERCENT, better: "higher" },
  ),
  code(
    "SOC.INSURANCE",
    ["number", "text"],
    {
      en: [
        "Other insurance contribution",
        "Contributions to other insurance schemes, such as performers' insurance or accident cover.",
      ],
      es: [
        "Otras aportaciones a seguros",
        "Aportaciones a otros seguros, como el seguro de intérpretes o la cobertura de accidentes.",
      ],
      fr: [
        "Autres cotisations d'assurance",
        "Cotisations à d'autres assurances, comme l'assurance des artistes interprètes ou la couverture accidents.",
      ],
      de: [
        "Sonstige Versicherungsbeiträge",
        "Beiträge zu weiteren Versicherungen, etwa einer Versicherung für Darstellende oder einer Unfallversicherung.",
      ],
    },
    { numberUnits: PERCENT, better: "higher" },
  ),
  code("SOC.REGISTRATION", ["boolean", "text"], {
    en: [
      "Social security registration",
      "A duty or mechanism to register workers with social security, including one-stop systems that pool contributions from several employers.",
    ],
    es: [
      "Afiliación a la seguridad social",
      "Obligación o mecanismo para afiliar a los trabajadores a la seguridad social, incluidas las ventanillas únicas que agrupan las cotizaciones de varios empleadores.",
    ],
    fr: [
      "Affiliation à la sécurité sociale",
      "Obligation ou dispositif d'affiliation des travailleurs à la sécurité sociale, y compris les guichets uniques qui regroupent les cotisations de plusieurs employeurs.",
    ],
    de: [
      "Anmeldung zur Sozialversicherung",
      "Pflicht oder Verfahren, Beschäftigte zur Sozialversicherung anzumelden, einschließlich zentraler Stellen, die Beiträge mehrerer Arbeitgeber bündeln.",
    ],
  }),
];

const COV: TaxonomyCode[] = [
  code(
    "COV.FREELANCE_FEE",
    ["multiplier", "number", "money"],
    {
      en: [
        "Minimum fee for self-employed workers",
        "A minimum fee for self-employed workers tied to the employee scale, for example the scale times a coefficient or plus a percentage.",
      ],
      es: [
        "Honorario mínimo de los autónomos",
        "Honorario mínimo para trabajadores autónomos vinculado a la escala de los asalariados, por ejemplo la escala multiplicada por un coeficiente o con un recargo porcentual.",
      ],
      fr: [
        "Cachet minimal des indépendants",
        "Rémunération minimale des travailleurs indépendants rattachée au barème des salariés, par exemple le barème multiplié par un coefficient ou majoré d'un pourcentage.",
      ],
      de: [
        "Mindesthonorar für Selbstständige",
        "An die Tarifgage der Angestellten gekoppeltes Mindesthonorar für Selbstständige, etwa die Gage mal einem Koeffizienten oder mit prozentualem Aufschlag.",
      ],
    },
    { numberUnits: PERCENT, better: "higher" },
  ),
  code("COV.SELF_EMPLOYED_SCOPE", ["boolean", "text"], {
    en: [
      "Self-employed workers covered",
      "The agreement expressly covers self-employed workers or contractors, with the legal basis that allows it, such as a competition-law authorisation.",
    ],
    es: [
      "Inclusión de autónomos",
      "El convenio incluye expresamente a trabajadores autónomos o contratistas, con la base jurídica que lo permite, como una autorización de la autoridad de competencia.",
    ],
    fr: [
      "Inclusion des indépendants",
      "L'accord couvre expressément des travailleurs indépendants ou prestataires, avec la base juridique qui le permet, par exemple une autorisation au titre du droit de la concurrence.",
    ],
    de: [
      "Einbeziehung Selbstständiger",
      "Die Vereinbarung erfasst ausdrücklich Selbstständige oder Auftragnehmer, samt Rechtsgrundlage, etwa einer kartellrechtlichen Genehmigung.",
    ],
  }),
  code("COV.INFLUENCER", ["boolean", "duration", "text"], {
    en: [
      "Influencers and creators",
      "Covers creators of sponsored content, with conditions on their business entity, limits on use of the content and benefit contributions.",
    ],
    es: [
      "Influencers y creadores",
      "Incluye a creadores de contenido patrocinado, con requisitos sobre su sociedad, límites al uso del contenido y aportaciones a prestaciones.",
    ],
    fr: [
      "Influenceurs et créateurs",
      "Couvre les créateurs de contenus sponsorisés, avec des conditions sur leur structure, des limites d'utilisation des contenus et des cotisations sociales.",
    ],
    de: [
      "Influencer und Creator",
      "Erfasst Urheber gesponserter Inhalte, mit Anforderungen an ihre Gesellschaft, Nutzungsgrenzen für die Inhalte und Beiträgen zu Sozialleistungen.",
    ],
  }),
  code("COV.LOANOUT", ["boolean", "text"], {
    en: ["Loan-out company", "The worker must, or may, contract through their own corporation or limited company."],
    es: [
      "Contratación mediante sociedad propia",
      "La persona debe o puede contratar a través de su propia sociedad mercantil.",
    ],
    fr: [
      "Contrat via une société personnelle",
      "La personne doit ou peut contracter par l'intermédiaire de sa propre société.",
    ],
    de: [
      "Vertrag über eigene Gesellschaft",
      "Die Person muss oder darf über eine eigene Kapitalgesellschaft oder GmbH tätig werden.",
    ],
  }),
  code("COV.FUNDING_LINK", ["boolean", "text"], {
    en: [
      "Public funding condition",
      "Complying with the agreement is a condition of public funding, or the agreement applies only to publicly funded organisations.",
    ],
    es: [
      "Vínculo con la financiación pública",
      "Cumplir el convenio es condición para recibir financiación pública, o el convenio solo se aplica a entidades financiadas con fondos públicos.",
    ],
    fr: [
      "Lien avec le financement public",
      "Le respect de l'accord conditionne l'obtention de fonds publics, ou l'accord ne s'applique qu'aux organisations subventionnées.",
    ],
    de: [
      "Kopplung an öffentliche Förderung",
      "Die Einhaltung der Vereinbarung ist Voraussetzung für öffentliche Förderung, oder sie gilt nur für geförderte Einrichtungen.",
    ],
  }),
  code("COV.BACKGROUND", ["boolean", "text"], {
    en: ["Background performers", "Specific terms for background performers, extras and stand-ins."],
    es: ["Figurantes", "Condiciones específicas para figurantes, extras y dobles de luces."],
    fr: ["Figurants", "Dispositions propres aux figurants et aux doublures lumière."],
    de: ["Komparsen", "Besondere Regelungen für Komparsen, Kleindarsteller und Stand-ins."],
  }),
  code("COV.MINORS", ["boolean", "text"], {
    en: ["Minors", "Specific terms for children and adolescents who work."],
    es: ["Menores", "Condiciones específicas para niñas, niños y adolescentes que trabajan."],
    fr: ["Mineurs", "Dispositions propres aux enfants et adolescents qui travaillent."],
    de: ["Minderjährige", "Besondere Regelungen für mitwirkende Kinder und Jugendliche."],
  }),
];

const OSH: TaxonomyCode[] = [
  code("OSH.HAZARD", ["boolean", "text"], {
    en: [
      "Hazardous work",
      "Rules for stunts, firearms, special effects, vocally stressful sessions and motion capture, such as a ban on live ammunition.",
    ],
    es: [
      "Trabajos peligrosos",
      "Normas sobre escenas de riesgo, armas de fuego, efectos especiales, sesiones exigentes para la voz y captura de movimiento, como la prohibición de la munición real.",
    ],
    fr: [
      "Travaux dangereux",
      "Règles pour les cascades, armes à feu, effets spéciaux, séances éprouvantes pour la voix et capture de mouvement, comme l'interdiction des munitions réelles.",
    ],
    de: [
      "Gefährliche Tätigkeiten",
      "Regeln für Stunts, Schusswaffen, Spezialeffekte, stimmlich belastende Aufnahmen und Motion Capture, etwa ein Verbot scharfer Munition.",
    ],
  }),
  code("OSH.INTIMACY", ["boolean", "text"], {
    en: ["Intimacy coordination", "Intimacy coordinators and consent-based handling of intimate scenes and nudity."],
    es: [
      "Coordinación de intimidad",
      "Coordinadores de intimidad y tratamiento basado en el consentimiento de las escenas íntimas y los desnudos.",
    ],
    fr: [
      "Coordination d'intimité",
      "Coordinateurs d'intimité et gestion fondée sur le consentement des scènes intimes et de nudité.",
    ],
    de: [
      "Intimitätskoordination",
      "Intimitätskoordination und einvernehmliche Gestaltung intimer Szenen und Nacktheit.",
    ],
  }),
  code("OSH.HARASSMENT", ["boolean", "text"], {
    en: ["Harassment and discrimination", "Protection against violence, harassment and discrimination at work."],
    es: ["Acoso y discriminación", "Protección frente a la violencia, el acoso y la discriminación en el trabajo."],
    fr: [
      "Harcèlement et discrimination",
      "Protection contre la violence, le harcèlement et la discrimination au travail.",
    ],
    de: ["Belästigung und Diskriminierung", "Schutz vor Gewalt, Belästigung und Diskriminierung bei der Arbeit."],
  }),
  code("OSH.MEDICAL", ["boolean", "duration", "text"], {
    en: ["Medical support and recovery", "Medical support on site and recovery breaks after strenuous work."],
    es: [
      "Asistencia médica y recuperación",
      "Asistencia médica en el lugar de trabajo y pausas de recuperación tras trabajos extenuantes.",
    ],
    fr: [
      "Assistance médicale et récupération",
      "Assistance médicale sur place et pauses de récupération après un travail éprouvant.",
    ],
    de: [
      "Medizinische Betreuung und Erholung",
      "Medizinische Betreuung vor Ort und Erholungspausen nach belastender Arbeit.",
    ],
  }),
];

const AI_CODES: TaxonomyCode[] = [
  code("AI.DEF", ["text"], {
    en: [
      "AI definitions",
      "How the agreement defines AI or generative AI, and what it leaves out, such as traditional AI or routine processing.",
    ],
    es: [
      "Definiciones de IA",
      "Cómo define el convenio la IA o la IA generativa y qué excluye, como la IA tradicional o el procesamiento rutinario.",
    ],
    fr: [
      "Définitions de l'IA",
      "Manière dont l'accord définit l'IA ou l'IA générative et ce qu'il exclut, comme l'IA traditionnelle ou les traitements courants.",
    ],
    de: [
      "KI-Begriffsbestimmungen",
      "Wie die Vereinbarung KI oder generative KI bestimmt und was sie ausnimmt, etwa herkömmliche KI oder übliche Bearbeitung.",
    ],
  }),
  code("AI.CONSENT.CREATE", ["boolean", "text"], {
    en: [
      "Consent to create a replica",
      "Consent is needed before a digital replica or scan is made; giving it may not be made a condition of being hired.",
    ],
    es: [
      "Consentimiento para crear una réplica",
      "Hace falta consentimiento antes de crear una réplica digital o un escaneo, y no puede exigirse como condición para la contratación.",
    ],
    fr: [
      "Consentement à la création d'une réplique",
      "Un consentement est requis avant de créer une réplique numérique ou un scan, et il ne peut pas conditionner l'embauche.",
    ],
    de: [
      "Einwilligung in die Erstellung einer Replik",
      "Vor Anfertigung einer digitalen Replik oder eines Scans ist eine Einwilligung nötig; sie darf nicht zur Bedingung für die Einstellung gemacht werden.",
    ],
  }),
  code("AI.CONSENT.USE", ["boolean", "text"], {
    en: [
      "Consent for each use",
      "Separate consent for each use or project, based on a reasonably specific description; blanket consent is not valid.",
    ],
    es: [
      "Consentimiento para cada uso",
      "Consentimiento separado para cada uso o proyecto, basado en una descripción razonablemente concreta; no vale un consentimiento general.",
    ],
    fr: [
      "Consentement à chaque utilisation",
      "Consentement distinct pour chaque utilisation ou projet, sur la base d'une description raisonnablement précise ; un consentement global n'est pas valable.",
    ],
    de: [
      "Einwilligung je Nutzung",
      "Gesonderte Einwilligung für jede Nutzung oder jedes Projekt auf Grundlage einer hinreichend konkreten Beschreibung; eine Pauschaleinwilligung genügt nicht.",
    ],
  }),
  code("AI.CONSENT.ALTER", ["boolean", "text"], {
    en: [
      "Consent to digital alteration",
      "Consent to digitally alter a recorded performance, with a list of routine changes that need none.",
    ],
    es: [
      "Consentimiento para la alteración digital",
      "Consentimiento para alterar digitalmente una interpretación grabada, con una lista de cambios rutinarios que no lo requieren.",
    ],
    fr: [
      "Consentement à l'altération numérique",
      "Consentement pour modifier numériquement une interprétation enregistrée, avec la liste des retouches courantes qui n'en exigent pas.",
    ],
    de: [
      "Einwilligung in digitale Veränderung",
      "Einwilligung, eine aufgezeichnete Darbietung digital zu verändern, mit einer Liste üblicher Bearbeitungen, die keine benötigen.",
    ],
  }),
  code("AI.CONSENT.POSTMORTEM", ["boolean", "text"], {
    en: [
      "Consent after death",
      "Who consents to replica use after a performer's death: the estate, an authorised representative or the union.",
    ],
    es: [
      "Consentimiento tras el fallecimiento",
      "Quién consiente el uso de una réplica tras la muerte del intérprete: los herederos, un representante autorizado o el sindicato.",
    ],
    fr: [
      "Consentement après le décès",
      "Qui consent à l'utilisation d'une réplique après le décès de l'artiste : ayants droit, représentant autorisé ou syndicat.",
    ],
    de: [
      "Einwilligung nach dem Tod",
      "Wer nach dem Tod einer darstellenden Person in die Nutzung ihrer Replik einwilligt: Erben, eine bevollmächtigte Person oder die Gewerkschaft.",
    ],
  }),
  code("AI.CONSENT.STRIKE", ["boolean", "text"], {
    en: ["Replicas during strikes", "Consent is suspended, or replicas may not be used, while workers are on strike."],
    es: [
      "Réplicas durante las huelgas",
      "El consentimiento queda en suspenso, o no pueden usarse réplicas, mientras los trabajadores están en huelga.",
    ],
    fr: [
      "Répliques pendant les grèves",
      "Le consentement est suspendu, ou les répliques ne peuvent pas être utilisées, pendant une grève.",
    ],
    de: [
      "Repliken im Streik",
      "Während eines Streiks ruht die Einwilligung oder dürfen Repliken nicht eingesetzt werden.",
    ],
  }),
  code("AI.CONSENT.MINORS", ["boolean", "text"], {
    en: ["Minors' replicas", "Restrictions on creating or using replicas of minors."],
    es: ["Réplicas de menores", "Restricciones a la creación o el uso de réplicas de menores."],
    fr: ["Répliques de mineurs", "Restrictions à la création ou à l'utilisation de répliques de mineurs."],
    de: ["Repliken Minderjähriger", "Beschränkungen für die Erstellung oder Nutzung von Repliken Minderjähriger."],
  }),
  code(
    "AI.NOTICE",
    ["duration"],
    {
      en: ["Notice before a scan", "Advance notice, in hours, before a scan or a replica-creation session."],
      es: [
        "Preaviso antes de un escaneo",
        "Preaviso, en horas, antes de una sesión de escaneo o de creación de una réplica.",
      ],
      fr: ["Préavis avant un scan", "Préavis, en heures, avant une séance de scan ou de création de réplique."],
      de: [
        "Vorankündigung eines Scans",
        "Vorlauf in Stunden vor einem Scan oder einer Sitzung zur Erstellung einer Replik.",
      ],
    },
    { better: "higher" },
  ),
  code("AI.DISCLOSE.WORKER", ["boolean", "text"], {
    en: [
      "AI disclosure to workers",
      "The employer must tell workers when material handed to them was generated by AI.",
    ],
    es: [
      "Información de IA a los trabajadores",
      "El empleador debe avisar a los trabajadores cuando el material que les entrega ha sido generado por IA.",
    ],
    fr: [
      "Information des travailleurs sur l'IA",
      "L'employeur doit signaler aux travailleurs que le matériel qui leur est remis a été généré par l'IA.",
    ],
    de: [
      "KI-Offenlegung gegenüber Beschäftigten",
      "Der Arbeitgeber muss offenlegen, wenn den Beschäftigten übergebenes Material KI-generiert ist.",
    ],
  }),
  code("AI.DISCLOSE.UNION", ["boolean", "duration", "text"], {
    en: [
      "AI disclosure to the union",
      "Notice to the union of AI use, synthetic performers or training use, and reports on such use.",
    ],
    es: [
      "Información de IA al sindicato",
      "Aviso al sindicato del uso de IA, de intérpretes sintéticos o de material para entrenamiento, e informes sobre ese uso.",
    ],
    fr: [
      "Information du syndicat sur l'IA",
      "Notification au syndicat de l'usage de l'IA, d'artistes synthétiques ou de données d'entraînement, et rapports sur cet usage.",
    ],
    de: [
      "KI-Offenlegung gegenüber der Gewerkschaft",
      "Mitteilung an die Gewerkschaft über KI-Einsatz, synthetische Darsteller oder Trainingsnutzung, und Berichte darüber.",
    ],
  }),
  code("AI.DISCLOSE.PUBLIC", ["boolean", "text"], {
    en: ["AI labelling for audiences", "Audiences are told when content was made or altered with AI."],
    es: [
      "Etiquetado de IA para el público",
      "Se informa al público cuando un contenido se ha creado o modificado con IA.",
    ],
    fr: ["Étiquetage de l'IA pour le public", "Le public est informé qu'un contenu a été créé ou modifié avec l'IA."],
    de: [
      "KI-Kennzeichnung für das Publikum",
      "Das Publikum erfährt, wenn Inhalte mit KI erstellt oder verändert wurden.",
    ],
  }),
  code(
    "AI.COMP.CREATE",
    ["money", "number", "multiplier", "text"],
    {
      en: ["Pay for replica creation", "Pay for scanning or replica-creation sessions."],
      es: ["Pago por la creación de réplicas", "Retribución de las sesiones de escaneo o de creación de réplicas."],
      fr: ["Rémunération de la création de répliques", "Rémunération des séances de scan ou de création de répliques."],
      de: ["Vergütung der Replikerstellung", "Vergütung für Scans und Sitzungen zur Erstellung von Repliken."],
    },
    { better: "higher" },
  ),
  code(
    "AI.COMP.USE",
    ["money", "number", "multiplier", "text"],
    {
      en: [
        "Pay for replica use",
        "Pay when a replica performs, for example for each day the worker would otherwise have worked, with scale as the floor.",
      ],
      es: [
        "Pago por el uso de réplicas",
        "Retribución cuando actúa una réplica, por ejemplo por cada día que la persona habría trabajado, con la tarifa mínima como suelo.",
      ],
      fr: [
        "Rémunération de l'utilisation de répliques",
        "Rémunération lorsqu'une réplique est utilisée, par exemple pour chaque jour que l'artiste aurait travaillé, le minimum conventionnel servant de plancher.",
      ],
      de: [
        "Vergütung der Repliknutzung",
        "Vergütung, wenn eine Replik eingesetzt wird, etwa für jeden Tag, an dem die Person sonst gearbeitet hätte, mit der Tarifgage als Untergrenze.",
      ],
    },
    { better: "higher" },
  ),
  code(
    "AI.COMP.REUSE",
    ["money", "number", "multiplier", "text"],
    {
      en: [
        "Pay for reuse elsewhere",
        "Pay when a replica or recorded performance is used in another project or medium.",
      ],
      es: [
        "Pago por la reutilización",
        "Retribución cuando una réplica o una interpretación grabada se usa en otro proyecto o medio.",
      ],
      fr: [
        "Rémunération de la réutilisation",
        "Rémunération lorsqu'une réplique ou une interprétation enregistrée est utilisée dans un autre projet ou sur un autre support.",
      ],
      de: [
        "Vergütung der Weiterverwendung",
        "Vergütung, wenn eine Replik oder aufgezeichnete Darbietung in einem anderen Projekt oder Medium genutzt wird.",
      ],
    },
    { better: "higher" },
  ),
  code(
    "AI.COMP.PROMPT",
    ["money", "number", "multiplier", "text"],
    {
      en: ["Pay when work prompts an AI", "Pay when a worker's recorded work is used as input to generate AI output."],
      es: [
        "Pago cuando el trabajo alimenta una IA",
        "Retribución cuando el trabajo grabado de una persona se usa como entrada para generar contenido con IA.",
      ],
      fr: [
        "Rémunération quand l'œuvre sert d'invite à une IA",
        "Rémunération lorsque le travail enregistré d'une personne sert d'entrée pour générer du contenu par IA.",
      ],
      de: [
        "Vergütung bei Nutzung als KI-Eingabe",
        "Vergütung, wenn die aufgezeichnete Arbeit einer Person als Eingabe für KI-generierte Inhalte dient.",
      ],
    },
    { better: "higher" },
  ),
  code(
    "AI.COMP.FUND",
    ["number", "text"],
    {
      en: [
        "Benefit contributions on AI pay",
        "Pension and health contributions due on pay for creating or using replicas.",
      ],
      es: [
        "Aportaciones sobre los pagos por IA",
        "Aportaciones a pensiones y salud sobre los pagos por crear o usar réplicas.",
      ],
      fr: [
        "Cotisations sur les rémunérations liées à l'IA",
        "Cotisations retraite et santé dues sur les rémunérations de création ou d'utilisation de répliques.",
      ],
      de: [
        "Sozialbeiträge auf KI-Vergütungen",
        "Renten- und Gesundheitsbeiträge auf Vergütungen für die Erstellung oder Nutzung von Repliken.",
      ],
    },
    { numberUnits: PERCENT, better: "higher" },
  ),
  code("AI.TRAIN", ["text", "boolean"], {
    en: [
      "AI training on workers' work",
      "Rules on using workers' performances, writing or data to train AI: a ban, a reservation of rights, restrictions, or notice of licensing with talks on pay.",
    ],
    es: [
      "Entrenamiento de IA con el trabajo",
      "Normas sobre el uso de interpretaciones, textos o datos de los trabajadores para entrenar IA: prohibición, reserva de derechos, restricciones o aviso de licencias con negociación de la retribución.",
    ],
    fr: [
      "Entraînement de l'IA sur le travail",
      "Règles sur l'utilisation des interprétations, écrits ou données des travailleurs pour entraîner l'IA : interdiction, réserve de droits, restrictions, ou notification des licences avec discussion de la rémunération.",
    ],
    de: [
      "KI-Training mit der Arbeit",
      "Regeln zur Nutzung von Darbietungen, Texten oder Daten der Beschäftigten für KI-Training: Verbot, Rechtevorbehalt, Beschränkungen oder Mitteilung von Lizenzen mit Gesprächen über die Vergütung.",
    ],
  }),
  code(
    "AI.ROYALTY",
    ["money", "number", "text"],
    {
      en: [
        "AI royalties",
        "Ongoing or back-catalogue payments for training on workers' work or for AI output derived from it.",
      ],
      es: [
        "Regalías por IA",
        "Pagos continuados o por el catálogo existente por entrenar con el trabajo de las personas o por contenidos de IA derivados de él.",
      ],
      fr: [
        "Redevances IA",
        "Paiements récurrents ou au titre du catalogue existant pour l'entraînement sur le travail des artistes ou pour les contenus d'IA qui en dérivent.",
      ],
      de: [
        "KI-Tantiemen",
        "Laufende oder rückwirkende Zahlungen für Training mit der Arbeit der Beschäftigten oder für daraus abgeleitete KI-Ergebnisse.",
      ],
    },
    { better: "higher" },
  ),
  code("AI.REPLICA.TYPE", ["text"], {
    en: [
      "Types of replica",
      "The kinds of replica the agreement distinguishes, such as employment-based, independently created, background or voice-only, and the test for when output counts as a person's replica.",
    ],
    es: [
      "Tipos de réplica",
      "Clases de réplica que distingue el convenio, como las creadas en el empleo, las creadas de forma independiente, las de figurantes o solo de voz, y el criterio para que un contenido cuente como réplica de una persona.",
    ],
    fr: [
      "Types de répliques",
      "Catégories de répliques distinguées par l'accord, par exemple créées dans le cadre de l'emploi, créées indépendamment, de figurants ou vocales, et critère pour qu'un contenu compte comme la réplique d'une personne.",
    ],
    de: [
      "Arten von Repliken",
      "Die unterschiedenen Replikarten, etwa im Rahmen der Beschäftigung oder unabhängig erstellte, Komparsen- oder reine Stimmrepliken, und der Maßstab, ab wann ein Ergebnis als Replik einer Person gilt.",
    ],
  }),
  code("AI.REPLICA.SECURITY", ["text", "duration"], {
    en: [
      "Replica security",
      "Safe storage, access limits, transfer and deletion of replicas, and limits on biometric data.",
    ],
    es: [
      "Seguridad de las réplicas",
      "Almacenamiento seguro, límites de acceso, transmisión y supresión de las réplicas, y límites a los datos biométricos.",
    ],
    fr: [
      "Sécurité des répliques",
      "Stockage sécurisé, restrictions d'accès, transfert et suppression des répliques, et limites à l'usage des données biométriques.",
    ],
    de: [
      "Sicherheit von Repliken",
      "Sichere Speicherung, Zugriffsbeschränkung, Weitergabe und Löschung von Repliken sowie Grenzen für biometrische Daten.",
    ],
  }),
  code("AI.SYNTH", ["text"], {
    en: [
      "Synthetic performers",
      "Rules for AI-generated performers who resemble no real person, from notice and bargaining to a test to be met before one takes a human role.",
    ],
    es: [
      "Intérpretes sintéticos",
      "Normas sobre intérpretes generados por IA que no se parecen a ninguna persona real, desde el aviso y la negociación hasta un criterio que debe cumplirse antes de que ocupen un papel humano.",
    ],
    fr: [
      "Artistes synthétiques",
      "Règles applicables aux interprètes générés par IA qui ne ressemblent à aucune personne réelle, de la notification et de la négociation jusqu'au critère à remplir avant qu'ils tiennent un rôle humain.",
    ],
    de: [
      "Synthetische Darsteller",
      "Regeln für KI-generierte Darsteller, die keiner realen Person ähneln, von Mitteilung und Verhandlung bis zu einer Prüfung, bevor sie eine menschliche Rolle übernehmen.",
    ],
  }),
  code("AI.HUMAN", ["text", "boolean"], {
    en: [
      "Human authorship",
      "AI is not a writer, person or artist; AI output is not literary or source material; credit stays with humans.",
    ],
    es: [
      "Autoría humana",
      "La IA no es guionista, persona ni artista; lo que produce no es material literario ni de base; los créditos siguen siendo de las personas.",
    ],
    fr: [
      "Paternité humaine",
      "L'IA n'est ni auteur, ni personne, ni artiste ; ses productions ne sont ni matériau littéraire ni œuvre source ; le crédit reste aux humains.",
    ],
    de: [
      "Menschliche Urheberschaft",
      "KI ist weder Autor noch Person noch Künstler; KI-Ergebnisse gelten nicht als literarisches oder Ausgangsmaterial; die Namensnennung bleibt Menschen vorbehalten.",
    ],
  }),
  code("AI.NO_FORCED_USE", ["boolean", "text"], {
    en: [
      "No forced AI use",
      "Workers cannot be required to use AI tools, though they may use them with the employer's consent.",
    ],
    es: [
      "Sin uso obligatorio de IA",
      "No se puede obligar a los trabajadores a usar herramientas de IA, aunque pueden usarlas con el consentimiento del empleador.",
    ],
    fr: [
      "Pas d'usage imposé de l'IA",
      "Les travailleurs ne peuvent pas être obligés d'utiliser des outils d'IA, mais peuvent s'en servir avec l'accord de l'employeur.",
    ],
    de: [
      "Kein KI-Zwang",
      "Beschäftigte dürfen nicht zur Nutzung von KI-Werkzeugen verpflichtet werden, können sie aber mit Zustimmung des Arbeitgebers einsetzen.",
    ],
  }),
];

const JOB: TaxonomyCode[] = [
  code("JOB.NO_DISPLACE", ["text", "boolean"], {
    en: ["No displacement by AI", "AI may not be used to displace covered workers or to take over their duties."],
    es: [
      "Sin sustitución por IA",
      "La IA no puede utilizarse para desplazar a los trabajadores cubiertos ni para asumir sus funciones.",
    ],
    fr: [
      "Pas de remplacement par l'IA",
      "L'IA ne peut pas servir à évincer les travailleurs couverts ni à reprendre leurs fonctions.",
    ],
    de: [
      "Keine Verdrängung durch KI",
      "KI darf nicht eingesetzt werden, um erfasste Beschäftigte zu verdrängen oder ihre Aufgaben zu übernehmen.",
    ],
  }),
  code(
    "JOB.TECH_NOTICE",
    ["duration", "text"],
    {
      en: ["Notice of technological change", "Advance notice before new technology changes jobs."],
      es: [
        "Preaviso de cambio tecnológico",
        "Aviso previo antes de que una nueva tecnología modifique los puestos de trabajo.",
      ],
      fr: [
        "Préavis de changement technologique",
        "Information préalable avant qu'une nouvelle technologie ne modifie les emplois.",
      ],
      de: ["Ankündigung technologischen Wandels", "Vorherige Ankündigung, bevor neue Technik Arbeitsplätze verändert."],
    },
    { better: "higher" },
  ),
  code("JOB.SEVERANCE", ["money", "number", "text"], {
    en: ["Severance for technological layoffs", "Severance pay for workers laid off because of technological change."],
    es: [
      "Indemnización por despidos tecnológicos",
      "Indemnización para trabajadores despedidos a causa de un cambio tecnológico.",
    ],
    fr: [
      "Indemnité de licenciement technologique",
      "Indemnité pour les travailleurs licenciés en raison d'un changement technologique.",
    ],
    de: [
      "Abfindung bei technologiebedingtem Stellenabbau",
      "Abfindung für Beschäftigte, die wegen technologischen Wandels entlassen werden.",
    ],
  }),
  code("JOB.RETRAIN", ["text"], {
    en: [
      "Training and retraining",
      "Training or retraining for new technology, including joint AI training committees.",
    ],
    es: [
      "Formación y reciclaje",
      "Formación o reciclaje ante nuevas tecnologías, incluidos comités paritarios de formación en IA.",
    ],
    fr: [
      "Formation et reconversion",
      "Formation ou reconversion face aux nouvelles technologies, y compris des comités paritaires de formation à l'IA.",
    ],
    de: [
      "Qualifizierung und Umschulung",
      "Weiterbildung oder Umschulung für neue Technik, einschließlich gemeinsamer Ausschüsse für KI-Schulungen.",
    ],
  }),
  code(
    "JOB.STAFFING",
    ["number", "text"],
    {
      en: ["Minimum staffing", "A minimum number of workers to be engaged, such as a minimum writers' room."],
      es: ["Plantilla mínima", "Número mínimo de personas que deben contratarse, como un equipo mínimo de guionistas."],
      fr: [
        "Effectif minimal",
        "Nombre minimal de personnes à engager, par exemple un effectif minimal de scénaristes.",
      ],
      de: ["Mindestbesetzung", "Mindestzahl zu beschäftigender Personen, etwa ein Mindestteam im Writers' Room."],
    },
    { numberUnits: ["count"], better: "higher" },
  ),
  code("JOB.OUTSOURCING", ["boolean", "text"], {
    en: ["No outsourcing of AI work", "AI-related work may not be moved to workers outside the bargaining unit."],
    es: [
      "Sin externalización del trabajo con IA",
      "El trabajo relacionado con la IA no puede trasladarse a personas ajenas a la unidad de negociación.",
    ],
    fr: [
      "Pas d'externalisation du travail lié à l'IA",
      "Le travail lié à l'IA ne peut pas être confié à des personnes extérieures à l'unité de négociation.",
    ],
    de: [
      "Keine Auslagerung von KI-Arbeit",
      "KI-bezogene Arbeit darf nicht an Personen außerhalb des tariflichen Geltungsbereichs vergeben werden.",
    ],
  }),
  code("JOB.TOOL_FEE", ["money", "text"], {
    en: ["AI tool rental", "A rental fee when workers supply their own AI tools or systems."],
    es: [
      "Alquiler de herramientas de IA",
      "Tarifa de alquiler cuando los trabajadores aportan sus propias herramientas o sistemas de IA.",
    ],
    fr: [
      "Location d'outils d'IA",
      "Indemnité de location lorsque les travailleurs fournissent leurs propres outils ou systèmes d'IA.",
    ],
    de: [
      "Mietpauschale für KI-Werkzeuge",
      "Mietvergütung, wenn Beschäftigte eigene KI-Werkzeuge oder -Systeme mitbringen.",
    ],
  }),
];

const ALGO: TaxonomyCode[] = [
  code("ALGO.INFO", ["text", "boolean"], {
    en: ["Information on AI systems", "The right to information about the AI or algorithmic systems used at work."],
    es: [
      "Información sobre sistemas de IA",
      "Derecho a recibir información sobre los sistemas de IA o algorítmicos utilizados en el trabajo.",
    ],
    fr: [
      "Information sur les systèmes d'IA",
      "Droit d'être informé des systèmes d'IA ou algorithmiques utilisés au travail.",
    ],
    de: [
      "Information über KI-Systeme",
      "Recht auf Information über die bei der Arbeit eingesetzten KI- oder algorithmischen Systeme.",
    ],
  }),
  code("ALGO.MONITOR", ["text", "boolean"], {
    en: [
      "Limits on monitoring",
      "Limits on monitoring and tracking workers, including with biometric and wearable technology.",
    ],
    es: [
      "Límites a la vigilancia",
      "Límites a la vigilancia y el seguimiento de los trabajadores, también mediante tecnologías biométricas y dispositivos vestibles.",
    ],
    fr: [
      "Limites à la surveillance",
      "Limites à la surveillance et au suivi des travailleurs, y compris par des technologies biométriques ou portables.",
    ],
    de: [
      "Grenzen der Überwachung",
      "Grenzen für Überwachung und Ortung von Beschäftigten, auch mit biometrischer und am Körper getragener Technik.",
    ],
  }),
  code("ALGO.ADM", ["text", "boolean"], {
    en: ["Automated decisions", "Human review of, and a right to challenge, decisions made by automated systems."],
    es: [
      "Decisiones automatizadas",
      "Revisión humana de las decisiones adoptadas por sistemas automatizados y derecho a impugnarlas.",
    ],
    fr: [
      "Décisions automatisées",
      "Contrôle humain des décisions prises par des systèmes automatisés et droit de les contester.",
    ],
    de: [
      "Automatisierte Entscheidungen",
      "Menschliche Überprüfung automatisierter Entscheidungen und das Recht, sie anzufechten.",
    ],
  }),
  code("ALGO.DATA", ["text", "boolean"], {
    en: [
      "Worker data rights",
      "Rights over workers' data, data-protection rules, involvement in impact assessments and access to outside data experts.",
    ],
    es: [
      "Derechos sobre los datos",
      "Derechos sobre los datos de los trabajadores, normas de protección de datos, participación en las evaluaciones de impacto y acceso a expertos externos en datos.",
    ],
    fr: [
      "Droits sur les données",
      "Droits sur les données des travailleurs, règles de protection des données, participation aux analyses d'impact et recours à des experts extérieurs.",
    ],
    de: [
      "Datenrechte der Beschäftigten",
      "Rechte an Beschäftigtendaten, Datenschutzregeln, Beteiligung an Folgenabschätzungen und Zugang zu externen Datenfachleuten.",
    ],
  }),
];

const PART: TaxonomyCode[] = [
  code("PART.CONSULT", ["text"], {
    en: ["Consultation on AI", "The employer consults workers or their union before or while deploying AI."],
    es: [
      "Consulta sobre la IA",
      "El empleador consulta a los trabajadores o a su sindicato antes o durante la implantación de la IA.",
    ],
    fr: [
      "Consultation sur l'IA",
      "L'employeur consulte les travailleurs ou leur syndicat avant ou pendant le déploiement de l'IA.",
    ],
    de: [
      "Anhörung zu KI",
      "Der Arbeitgeber hört Beschäftigte oder ihre Gewerkschaft vor oder während der Einführung von KI an.",
    ],
  }),
  code("PART.BARGAIN_IMPACT", ["text"], {
    en: ["Bargaining over AI impact", "A duty to negotiate with the union over the effects of AI systems on workers."],
    es: [
      "Negociación del impacto de la IA",
      "Obligación de negociar con el sindicato los efectos de los sistemas de IA sobre los trabajadores.",
    ],
    fr: [
      "Négociation des effets de l'IA",
      "Obligation de négocier avec le syndicat les effets des systèmes d'IA sur les travailleurs.",
    ],
    de: [
      "Verhandlung über KI-Folgen",
      "Pflicht, mit der Gewerkschaft über die Auswirkungen von KI-Systemen auf die Beschäftigten zu verhandeln.",
    ],
  }),
  code("PART.JOINT_BODY", ["duration", "text"], {
    en: ["Joint AI body", "Standing joint meetings, committees or panels on AI, and how often they meet."],
    es: [
      "Órgano paritario sobre IA",
      "Reuniones, comités o paneles paritarios permanentes sobre IA, y su periodicidad.",
    ],
    fr: [
      "Instance paritaire sur l'IA",
      "Réunions, comités ou panels paritaires permanents sur l'IA, et leur fréquence.",
    ],
    de: ["Gemeinsames KI-Gremium", "Ständige gemeinsame Treffen, Ausschüsse oder Gremien zu KI und ihr Turnus."],
  }),
  code("PART.REVIEW", ["duration", "text"], {
    en: ["Review and reopener", "Short or experimental terms with a scheduled evaluation or a reopener."],
    es: [
      "Revisión y reapertura",
      "Cláusulas breves o experimentales con una evaluación programada o la posibilidad de reabrir la negociación.",
    ],
    fr: [
      "Révision et clause de réouverture",
      "Dispositions courtes ou expérimentales avec une évaluation programmée ou une clause de réouverture.",
    ],
    de: [
      "Überprüfung und Nachverhandlung",
      "Kurze oder erprobende Regelungen mit festgelegter Evaluation oder Nachverhandlungsklausel.",
    ],
  }),
  code("PART.CODETERMINATION", ["text"], {
    en: ["Co-determination", "Works-council or union co-determination rights over AI."],
    es: ["Codecisión", "Derechos de codecisión del comité de empresa o del sindicato sobre la IA."],
    fr: ["Codétermination", "Droits de codécision du comité d'entreprise ou du syndicat sur l'IA."],
    de: ["Mitbestimmung", "Mitbestimmungsrechte von Betriebsrat oder Gewerkschaft beim Einsatz von KI."],
  }),
];

const DISP: TaxonomyCode[] = [
  code("DISP.ARBITRATION", ["text"], {
    en: ["Arbitration of AI disputes", "Disputes over AI terms go to arbitration."],
    es: ["Arbitraje de conflictos sobre IA", "Los conflictos sobre las cláusulas de IA se someten a arbitraje."],
    fr: ["Arbitrage des litiges sur l'IA", "Les litiges relatifs aux dispositions sur l'IA sont soumis à l'arbitrage."],
    de: ["Schiedsverfahren bei KI-Streitigkeiten", "Streitigkeiten über KI-Regelungen gehen an ein Schiedsverfahren."],
  }),
  code("DISP.GRIEVANCE", ["text", "money", "duration"], {
    en: ["Grievances and penalties", "Grievance procedures and penalties for breaches."],
    es: ["Reclamaciones y sanciones", "Procedimientos de reclamación y sanciones por incumplimiento."],
    fr: ["Réclamations et sanctions", "Procédures de réclamation et sanctions en cas de manquement."],
    de: ["Beschwerden und Sanktionen", "Beschwerdeverfahren und Sanktionen bei Verstößen."],
  }),
];

export const TAXONOMY: Taxonomy = {
  version: TAXONOMY_VERSION,
  languages: ["en", "es", "fr", "de"],
  families: FAMILIES,
  codes: [...META, ...WT, ...OT, ...PAY, ...SOC, ...COV, ...OSH, ...AI_CODES, ...JOB, ...ALGO, ...PART, ...DISP],
};

const BY_CODE = new Map(TAXONOMY.codes.map((c) => [c.code, c]));

export function taxonomyCode(code: string): TaxonomyCode | undefined {
  return BY_CODE.get(code);
}

export function codesOfFamily(family: TaxonomyFamily): TaxonomyCode[] {
  return TAXONOMY.codes.filter((c) => c.family === family);
}
