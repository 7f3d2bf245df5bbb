import type { OrganizationKind, Role } from "../../../common/identity.ts";
import { DEMO_LIBRARY, loadLibrary } from "../modules/agreements/index.ts";
import {
  createOrganization,
  createReaderKeysIfMissing,
  enrollTotpSecret,
  grantRole,
} from "../modules/identity/index.ts";
import type { SecretBox } from "../platform/crypto/secret-box.ts";
import type { Db } from "../platform/db/database.ts";

export const DEMO_PASSWORD = "guildhall-demo-2026";
export const DEMO_EMAIL_DOMAIN = "demo.guildhall.test";
/** Demo-only TOTP secret for the officer and admin; never used outside the demo database. */
export const DEMO_TOTP_SECRET = "GUILDHALLDEMOTOTPGUILDHALLDEMOAB";

interface DemoOrganization {
  name: string;
  kind: OrganizationKind;
  country: string;
  people: { email: string; displayName: string; role: Role }[];
  /** Curates the demo agreements library. */
  curatesLibrary?: boolean;
}

const DEMO_ORGANIZATIONS: DemoOrganization[] = [
  {
    name: "Screen and Stage Union",
    kind: "union",
    country: "DE",
    curatesLibrary: true,
    people: [
      { email: "member@demo.guildhall.test", displayName: "Mara Lindqvist", role: "member" },
      { email: "officer@demo.guildhall.test", displayName: "Tomás Ferreira", role: "officer" },
      { email: "admin@demo.guildhall.test", displayName: "Aisha Okafor", role: "admin" },
    ],
  },
  {
    name: "Northlight Pictures",
    kind: "producer",
    country: "DE",
    people: [{ email: "producer@demo.guildhall.test", displayName: "Jonas Weber", role: "producer" }],
  },
  {
    name: "Synthwave Labs",
    kind: "ai_developer",
    country: "FR",
    people: [{ email: "developer@demo.guildhall.test", displayName: "Camille Durand", role: "developer" }],
  },
  {
    name: "Labour Inspectorate",
    kind: "authority",
    country: "MX",
    people: [{ email: "auditor@demo.guildhall.test", displayName: "Lucía Hernández", role: "auditor" }],
  },
];

export interface DemoSignIn {
  email: string;
  role: Role;
  organization: string;
  totp: boolean;
}

/**
 * Seeds demo organizations and one person per role into an empty database, all in one
 * transaction so that a crash halfway leaves the database empty and seedable again.
 * Returns the sign-ins to show, or null when the database already had organizations.
 */
export async function seedDemoIfEmpty(db: Db, secretBox: SecretBox): Promise<DemoSignIn[] | null> {
  return db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom("organizations").select("id").limit(1).executeTakeFirst();
    return existing ? null : seedDemo(trx, secretBox);
  });
}

async function seedDemo(db: Db, secretBox: SecretBox): Promise<DemoSignIn[]> {
  const signIns: DemoSignIn[] = [];
  for (const organization of DEMO_ORGANIZATIONS) {
    const created = await createOrganization(db, organization);
    if (organization.curatesLibrary) await loadLibrary(db, created.id, DEMO_LIBRARY);
    for (const person of organization.people) {
      const member = await grantRole(db, created.id, { ...person, password: DEMO_PASSWORD });
      const totp = person.role === "officer" || person.role === "admin";
      if (totp) await enrollTotpSecret({ db, secretBox }, member.userId, DEMO_TOTP_SECRET);
      // The demo union receives reports from the first start; its recovery code is not needed for demo data.
      if (person.role === "officer") await createReaderKeysIfMissing(db, member.userId, DEMO_PASSWORD);
      signIns.push({ email: person.email, role: person.role, organization: organization.name, totp });
    }
  }
  return signIns;
}

/** The demo sign-ins as lines for the first-start log and the CLI. */
export function describeDemoSignIns(signIns: DemoSignIn[]): string {
  const lines = signIns.map(
    (s) => `  ${s.role.padEnd(10)} ${s.email.padEnd(32)} (${s.organization})${s.totp ? "  + TOTP" : ""}`,
  );
  return [
    "Demo sign-ins (password for all: guildhall-demo-2026):",
    ...lines,
    `  TOTP secret for officer and admin (add it to an authenticator app): ${DEMO_TOTP_SECRET}`,
  ].join("\n");
}
