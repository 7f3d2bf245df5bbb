/**
 * Word lists for the synthetic agreements library (bench/agreements-generator.ts), one set per
 * language: function words (mostly stop words, which full-text search drops), general words of
 * collective agreements, and topic words per taxonomy family. A long tail of made-up words
 * (names, technical terms) is built from the syllables at the end, so that term frequencies
 * run from "in almost every clause" down to "in a handful of clauses", as in real texts.
 */

export const LANGUAGES = ["en", "es", "fr", "de", "it", "nl"] as const;
export type Language = (typeof LANGUAGES)[number];

/** Topics are the taxonomy families, so that a clause's words match the codes of its findings. */
export const TOPICS = ["META", "WT", "OT", "PAY", "SOC", "COV", "OSH", "AI", "JOB", "ALGO", "PART", "DISP"] as const;
export type Topic = (typeof TOPICS)[number];

export interface Vocabulary {
  functionWords: string[];
  general: string[];
  topics: Record<Topic, string[]>;
  /** Syllables and endings for the made-up tail words. */
  syllables: string[];
  endings: string[];
  /** Words for titles: "Collective agreement", the sector names, "union", "producers". */
  agreementWord: string;
  unionWord: string;
  employersWord: string;
  articleWord: string;
  sectorNames: Record<string, string>;
}

const words = (text: string): string[] => text.trim().split(/\s+/);

export const VOCABULARY: Record<Language, Vocabulary> = {
  en: {
    functionWords: words(
      "the of and to a in for is on that by with shall be or any each as at from which not no may such this its their under upon",
    ),
    general: words(
      "agreement producer employer union worker performer production contract engagement company member party provision article period day week month year schedule payment rate notice written minimum",
    ),
    topics: {
      META: words("term duration expiry ratification signature extension parties scope amendment renewal"),
      WT: words("hours working shift rest break meal turnaround shooting rehearsal consecutive daily weekly night"),
      OT: words("overtime premium excess additional doubletime sixth seventh holiday penalty surcharge"),
      PAY: words("wage fee salary scale increase compensation residuals royalties session budget tier"),
      SOC: words("pension health insurance contribution benefit plan fund social security retirement"),
      COV: words(
        "freelance self-employed independent contractor influencer background extras minors loan-out coverage",
      ),
      OSH: words("safety hazard stunt intimacy coordinator harassment medical injury risk equipment"),
      AI: words(
        "artificial intelligence digital replica synthetic consent generative likeness voice scan training model machine learning",
      ),
      JOB: words(
        "displacement layoff severance retraining staffing outsourcing technology redundancy position employment",
      ),
      ALGO: words(
        "algorithm monitoring automated decision data personal surveillance transparency information processing",
      ),
      PART: words(
        "consultation committee joint review negotiation bargaining reopener representative meeting codetermination",
      ),
      DISP: words("arbitration grievance dispute arbitrator claim penalty resolution complaint hearing damages"),
    },
    syllables: words("ar ben cor dal en fir gar hol in jen kal lor mor nel or pan quin ros sten tor ul ven wil yar"),
    endings: words("_ ing er ment ness ity ton field"),
    agreementWord: "Collective agreement",
    unionWord: "Union",
    employersWord: "Producers Association",
    articleWord: "Article",
    sectorNames: {
      film: "film",
      tv: "television",
      streaming: "streaming",
      commercials: "commercials",
      recorded_music: "recorded music",
      live_music: "live music",
      theatre_dance: "theatre and dance",
      broadcasting: "broadcasting",
      games: "video games",
      animation: "animation",
      dubbing: "dubbing",
      digital_creators: "digital creators",
      performing_arts: "performing arts",
    },
  },
  es: {
    functionWords: words(
      "el la de y en a los las del por con para que se un una al o su sus será cada como sin sobre no este esta",
    ),
    general: words(
      "convenio productor empresa sindicato trabajador artista producción contrato contratación parte disposición artículo período día semana mes año calendario pago tarifa aviso escrito mínimo colectivo actor",
    ),
    topics: {
      META: words("vigencia duración denuncia ratificación firma prórroga ámbito partes modificación renovación"),
      WT: words("jornada horas turno descanso pausa comida rodaje ensayo consecutivos diaria semanal nocturno"),
      OT: words("extraordinarias recargo exceso adicional festivo domingo nocturnidad compensación plus penalización"),
      PAY: words(
        "salario retribución honorarios tabla incremento remuneración derechos regalías sesión presupuesto categoría",
      ),
      SOC: words("pensión salud seguro cotización prestación plan fondo social seguridad jubilación"),
      COV: words(
        "autónomos independiente figurantes menores influencers creadores cobertura prestadores colaboradores eventuales",
      ),
      OSH: words("seguridad riesgo especialista intimidad coordinador acoso médico lesión prevención equipo"),
      AI: words(
        "inteligencia artificial digital réplica sintética consentimiento generativa imagen voz escaneo entrenamiento modelo datos",
      ),
      JOB: words(
        "sustitución despido indemnización formación plantilla externalización tecnología puesto empleo recolocación",
      ),
      ALGO: words(
        "algoritmo vigilancia automatizada decisión personales transparencia información tratamiento control sistema",
      ),
      PART: words(
        "consulta comisión paritaria revisión negociación representantes reunión seguimiento mesa participación",
      ),
      DISP: words("arbitraje reclamación conflicto árbitro mediación sanción resolución queja procedimiento daños"),
    },
    syllables: words("ba ca da fe go la ma no pe ra sa te vi lo ri mu co ta ne ar es or"),
    endings: words("_ ción ado ero idad ez ista al"),
    agreementWord: "Convenio colectivo",
    unionWord: "Sindicato",
    employersWord: "Asociación de Productores",
    articleWord: "Artículo",
    sectorNames: {
      film: "cine",
      tv: "televisión",
      streaming: "plataformas",
      commercials: "publicidad",
      recorded_music: "música grabada",
      live_music: "música en vivo",
      theatre_dance: "teatro y danza",
      broadcasting: "radiodifusión",
      games: "videojuegos",
      animation: "animación",
      dubbing: "doblaje",
      digital_creators: "creadores digitales",
      performing_arts: "artes escénicas",
    },
  },
  fr: {
    functionWords: words(
      "le la les de des du et en à au aux un une par pour sur dans est sont qui que ou son ses leur chaque sans ne pas ce cette",
    ),
    general: words(
      "accord producteur employeur syndicat salarié artiste production contrat engagement société partie disposition article période jour semaine mois année planning paiement tarif préavis écrit minimum convention collective",
    ),
    topics: {
      META: words("vigueur durée dénonciation ratification signature prorogation champ parties avenant renouvellement"),
      WT: words(
        "durée travail heures repos pause repas tournage répétition consécutifs quotidienne hebdomadaire nuit amplitude",
      ),
      OT: words(
        "supplémentaires majoration dépassement complémentaires dimanche férié nocturne compensation prime pénalité",
      ),
      PAY: words("salaire cachet rémunération grille augmentation droits redevances séance budget catégorie minimum"),
      SOC: words("retraite santé prévoyance cotisation prestation régime caisse sociale sécurité mutuelle"),
      COV: words(
        "indépendants intermittents figurants mineurs influenceurs créateurs couverture auteurs pigistes occasionnels",
      ),
      OSH: words("sécurité risque cascadeur intimité coordinateur harcèlement médical blessure prévention équipement"),
      AI: words(
        "intelligence artificielle numérique réplique synthétique consentement générative image voix numérisation entraînement modèle données",
      ),
      JOB: words(
        "remplacement licenciement indemnité formation effectifs externalisation technologie poste emploi reclassement",
      ),
      ALGO: words(
        "algorithme surveillance automatisée décision personnelles transparence information traitement contrôle système",
      ),
      PART: words(
        "consultation commission paritaire révision négociation représentants réunion suivi comité participation",
      ),
      DISP: words("arbitrage réclamation litige arbitre médiation sanction règlement plainte procédure dommages"),
    },
    syllables: words("ber cha dou fon gre lau mar nou pli ros sau tre val bel cour dre gon lan mei pon que"),
    endings: words("_ tion eur ment ité age eux ier"),
    agreementWord: "Convention collective",
    unionWord: "Syndicat",
    employersWord: "Union des producteurs",
    articleWord: "Article",
    sectorNames: {
      film: "cinéma",
      tv: "télévision",
      streaming: "plateformes",
      commercials: "publicité",
      recorded_music: "musique enregistrée",
      live_music: "spectacle musical",
      theatre_dance: "théâtre et danse",
      broadcasting: "radiodiffusion",
      games: "jeu vidéo",
      animation: "animation",
      dubbing: "doublage",
      digital_creators: "créateurs numériques",
      performing_arts: "spectacle vivant",
    },
  },
  de: {
    functionWords: words(
      "der die das und in zu den von mit für auf ist im dem nicht ein eine als auch es an werden aus oder bei nach jede sind",
    ),
    general: words(
      "Tarifvertrag Produzent Arbeitgeber Gewerkschaft Arbeitnehmer Darsteller Produktion Vertrag Beschäftigung Unternehmen Partei Bestimmung Paragraph Zeitraum Tag Woche Monat Jahr Dienstplan Zahlung Vergütung Frist schriftlich Mindest Filmschaffende",
    ),
    topics: {
      META: words(
        "Laufzeit Geltungsdauer Kündigungsfrist Unterzeichnung Allgemeinverbindlichkeit Verlängerung Parteien Änderung Nachtrag Inkrafttreten",
      ),
      WT: words(
        "Arbeitszeit Stunden Schicht Ruhezeit Pause Mahlzeit Drehtag Probe aufeinanderfolgende täglich wöchentlich Nachtarbeit Höchstarbeitszeit",
      ),
      OT: words(
        "Mehrarbeit Überstunden Zuschlag Überschreitung zusätzliche Sonntag Feiertag Nachtzuschlag Ausgleich Prämie",
      ),
      PAY: words("Gage Gehalt Entgelt Tabelle Erhöhung Honorar Wiederholungsvergütung Tantiemen Sitzung Budget Gruppe"),
      SOC: words(
        "Altersvorsorge Gesundheit Versicherung Beitrag Leistung Pensionskasse Kasse Sozialversicherung Rente Krankenversicherung",
      ),
      COV: words(
        "Selbständige freie Mitarbeiter Komparsen Minderjährige Influencer Urheber Geltungsbereich arbeitnehmerähnliche Kleindarsteller",
      ),
      OSH: words(
        "Arbeitsschutz Gefährdung Stunt Intimität Koordination Belästigung ärztliche Verletzung Prävention Ausrüstung",
      ),
      AI: words(
        "künstliche Intelligenz digitale Nachbildung synthetische Einwilligung generative Bildnis Stimme Scan Training Modell Daten",
      ),
      JOB: words(
        "Ersetzung Kündigung Abfindung Weiterbildung Personalbemessung Auslagerung Technologie Arbeitsplatz Beschäftigungssicherung Qualifizierung",
      ),
      ALGO: words(
        "Algorithmus Überwachung automatisierte Entscheidung personenbezogene Transparenz Information Verarbeitung Kontrolle System",
      ),
      PART: words(
        "Anhörung Kommission paritätische Überprüfung Verhandlung Betriebsrat Sitzung Mitbestimmung Ausschuss Beteiligung",
      ),
      DISP: words(
        "Schlichtung Beschwerde Streitigkeit Schlichter Einigungsstelle Vertragsstrafe Beilegung Klage Verfahren Schadenersatz",
      ),
    },
    syllables: words(
      "bau berg dorf feld grund haus kraft land mann reich stein wald werk zeit lich schen ter ber gen hof",
    ),
    endings: words("_ ung keit heit schaft er lich"),
    agreementWord: "Tarifvertrag",
    unionWord: "Gewerkschaft",
    employersWord: "Produzentenverband",
    articleWord: "§",
    sectorNames: {
      film: "Film",
      tv: "Fernsehen",
      streaming: "Streaming",
      commercials: "Werbefilm",
      recorded_music: "Tonträger",
      live_music: "Konzert",
      theatre_dance: "Bühne und Tanz",
      broadcasting: "Rundfunk",
      games: "Computerspiele",
      animation: "Animation",
      dubbing: "Synchron",
      digital_creators: "digitale Kreative",
      performing_arts: "darstellende Kunst",
    },
  },
  it: {
    functionWords: words(
      "il la di e in a per che con del della dei le i un una al alla da su o non sono è ogni suo loro",
    ),
    general: words(
      "contratto produttore datore sindacato lavoratore artista produzione scrittura impresa parte disposizione articolo periodo giorno settimana mese anno calendario pagamento tariffa preavviso scritto minimo collettivo nazionale",
    ),
    topics: {
      META: words("vigenza durata disdetta ratifica firma proroga ambito parti modifica rinnovo"),
      WT: words("orario ore turno riposo pausa pasto riprese prova consecutivi giornaliero settimanale notturno"),
      OT: words("straordinario maggiorazione eccedenza aggiuntive domenica festivo notturno compenso indennità penale"),
      PAY: words("retribuzione compenso cachet tabella aumento minimi diritti royalties sessione budget livello"),
      SOC: words("pensione salute assicurazione contributo prestazione previdenza fondo sociale sicurezza assistenza"),
      COV: words(
        "autonomi freelance comparse minori influencer creatori copertura collaboratori occasionali parasubordinati",
      ),
      OSH: words(
        "sicurezza rischio stuntman intimità coordinatore molestie medico infortunio prevenzione attrezzatura",
      ),
      AI: words(
        "intelligenza artificiale digitale replica sintetica consenso generativa immagine voce scansione addestramento modello dati",
      ),
      JOB: words(
        "sostituzione licenziamento indennità formazione organico esternalizzazione tecnologia posto occupazione riqualificazione",
      ),
      ALGO: words(
        "algoritmo sorveglianza automatizzata decisione personali trasparenza informazione trattamento controllo sistema",
      ),
      PART: words(
        "consultazione commissione paritetica revisione negoziazione rappresentanti riunione monitoraggio comitato partecipazione",
      ),
      DISP: words("arbitrato reclamo controversia arbitro conciliazione sanzione risoluzione ricorso procedura danni"),
    },
    syllables: words("ba ca do fi ga la mo na pe ri sa to vi lu ce ro me ne ta gio"),
    endings: words("_ zione ato ore ità etto ino ese"),
    agreementWord: "Contratto collettivo",
    unionWord: "Sindacato",
    employersWord: "Associazione dei produttori",
    articleWord: "Articolo",
    sectorNames: {
      film: "cinema",
      tv: "televisione",
      streaming: "piattaforme",
      commercials: "pubblicità",
      recorded_music: "musica registrata",
      live_music: "musica dal vivo",
      theatre_dance: "teatro e danza",
      broadcasting: "radiotelevisione",
      games: "videogiochi",
      animation: "animazione",
      dubbing: "doppiaggio",
      digital_creators: "creatori digitali",
      performing_arts: "spettacolo dal vivo",
    },
  },
  nl: {
    functionWords: words(
      "de het een en van in op te voor met is zijn die dat aan bij door of niet als om per elke hun naar wordt",
    ),
    general: words(
      "cao producent werkgever vakbond werknemer artiest productie overeenkomst dienstverband onderneming partij bepaling artikel periode dag week maand jaar rooster betaling tarief opzegtermijn schriftelijk minimum collectieve",
    ),
    topics: {
      META: words(
        "looptijd duur opzegging ratificatie ondertekening verlenging werkingssfeer partijen wijziging algemeenverbindendverklaring",
      ),
      WT: words(
        "arbeidstijd uren dienst rusttijd pauze maaltijd draaidag repetitie opeenvolgende dagelijks wekelijks nachtarbeid",
      ),
      OT: words("overwerk toeslag overschrijding extra zondag feestdag nachttoeslag compensatie premie boete"),
      PAY: words("loon gage salaris loonschaal verhoging vergoeding herhalingsvergoeding royalty sessie budget schaal"),
      SOC: words(
        "pensioen gezondheid verzekering premie uitkering regeling fonds sociale zekerheid arbeidsongeschiktheid",
      ),
      COV: words(
        "zelfstandigen zzp figuranten minderjarigen influencers makers dekking freelancers oproepkrachten opdrachtnemers",
      ),
      OSH: words("veiligheid risico stuntwerk intimiteit coördinator intimidatie medische letsel preventie uitrusting"),
      AI: words(
        "kunstmatige intelligentie digitale replica synthetische toestemming generatieve beeltenis stem scan training model gegevens",
      ),
      JOB: words(
        "vervanging ontslag vergoeding scholing bezetting uitbesteding technologie functie werkgelegenheid omscholing",
      ),
      ALGO: words(
        "algoritme monitoring geautomatiseerde besluit persoonsgegevens transparantie informatie verwerking controle systeem",
      ),
      PART: words(
        "overleg commissie paritaire evaluatie onderhandeling ondernemingsraad vergadering instemming comité medezeggenschap",
      ),
      DISP: words(
        "arbitrage klacht geschil arbiter bemiddeling sanctie geschillencommissie bezwaar procedure schadevergoeding",
      ),
    },
    syllables: words("berg bos dam dijk hout kamp laan meer sloot veld wijk broek hoven stede gaard lo ven ter del wa"),
    endings: words("_ ing heid er schap lijk te"),
    agreementWord: "Collectieve arbeidsovereenkomst",
    unionWord: "Vakbond",
    employersWord: "Vereniging van Producenten",
    articleWord: "Artikel",
    sectorNames: {
      film: "film",
      tv: "televisie",
      streaming: "streaming",
      commercials: "reclame",
      recorded_music: "opgenomen muziek",
      live_music: "livemuziek",
      theatre_dance: "theater en dans",
      broadcasting: "omroep",
      games: "games",
      animation: "animatie",
      dubbing: "nasynchronisatie",
      digital_creators: "digitale makers",
      performing_arts: "podiumkunsten",
    },
  },
};
