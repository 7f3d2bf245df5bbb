import type { Role } from "../../common/identity.ts";

export const DEMO_PASSWORD = "guildhall-demo-2026";
export const DEMO_TOTP_SECRET = "GUILDHALLDEMOTOTPGUILDHALLDEMOAB";

export interface DemoUser {
  role: Role;
  email: string;
  displayName: string;
  organization: string;
  /** Officers and admins sign in with a TOTP code. */
  totpSecret?: string;
}

export const DEMO_USERS: Record<Role, DemoUser> = {
  member: {
    role: "member",
    email: "member@demo.guildhall.test",
    displayName: "Mara Lindqvist",
    organization: "Screen and Stage Union",
  },
  officer: {
    role: "officer",
    email: "officer@demo.guildhall.test",
    displayName: "Tomás Ferreira",
    organization: "Screen and Stage Union",
    totpSecret: DEMO_TOTP_SECRET,
  },
  admin: {
    role: "admin",
    email: "admin@demo.guildhall.test",
    displayName: "Aisha Okafor",
    organization: "Screen and Stage Union",
    totpSecret: DEMO_TOTP_SECRET,
  },
  producer: {
    role: "producer",
    email: "producer@demo.guildhall.test",
    displayName: "Jonas Weber",
    organization: "Northlight Pictures",
  },
  developer: {
    role: "developer",
    email: "developer@demo.guildhall.test",
    displayName: "Camille Durand",
    organization: "Synthwave Labs",
  },
  auditor: {
    role: "auditor",
    email: "auditor@demo.guildhall.test",
    displayName: "Lucía Hernández",
    organization: "Labour Inspectorate",
  },
};
