import { z } from "zod";

export const ORGANIZATION_KINDS = ["union", "producer", "ai_developer", "authority"] as const;
export const organizationKindSchema = z.enum(ORGANIZATION_KINDS);
export type OrganizationKind = z.infer<typeof organizationKindSchema>;

export const ROLES = ["member", "officer", "admin", "producer", "developer", "auditor"] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

/** Roles that hold other people's data or the organization's keys must sign in with a second factor. */
export const ROLES_REQUIRING_TOTP: readonly Role[] = ["officer", "admin"];

export const LOCALES = ["en", "es", "fr", "de"] as const;
export const localeSchema = z.enum(LOCALES);
export type Locale = z.infer<typeof localeSchema>;

export const emailSchema = z.string().trim().toLowerCase().max(254).email();
export const passwordSchema = z.string().min(12, "at least 12 characters").max(256);
export const totpCodeSchema = z
  .string()
  .trim()
  .regex(/^\d{6}$/, "six digits");

export const signInRequestSchema = z.object({
  email: emailSchema,
  password: z.string().min(1).max(256),
  totpCode: totpCodeSchema.optional(),
});
export type SignInRequest = z.infer<typeof signInRequestSchema>;

export const membershipSchema = z.object({
  organizationId: z.string().uuid(),
  organizationName: z.string(),
  organizationKind: organizationKindSchema,
  role: roleSchema,
});
export type Membership = z.infer<typeof membershipSchema>;

export const sessionUserSchema = z.object({
  id: z.string().uuid(),
  email: z.string(),
  displayName: z.string(),
  totpEnabled: z.boolean(),
  memberships: z.array(membershipSchema),
});
export type SessionUser = z.infer<typeof sessionUserSchema>;

/**
 * Answer to sign-in and to `GET /api/v1/auth/session`.
 * `totp_enrollment_required`: the password was right but the user's role needs a second factor
 * they have not set up yet; the session may only enroll TOTP until they do.
 */
export const sessionResponseSchema = z.object({
  status: z.enum(["signed_in", "totp_enrollment_required"]),
  user: sessionUserSchema,
  csrfToken: z.string(),
  expiresAt: z.string().datetime(),
  /**
   * Only in the answer to the sign-in that created the person's reader keys: the code that recovers
   * them if the password is lost. Shown once; Guildhall does not keep it.
   */
  recoveryCode: z.string().optional(),
});
export type SessionResponse = z.infer<typeof sessionResponseSchema>;

export const totpSetupResponseSchema = z.object({
  secret: z.string(),
  otpauthUri: z.string(),
});
export const totpSetupRequestSchema = z
  .object({ password: z.string().min(1).max(256).optional() })
  .strict()
  .optional();
export const totpConfirmRequestSchema = z.object({ code: totpCodeSchema });

export const organizationSchema = z.object({
  id: z.string().uuid(),
  name: z.string(),
  kind: organizationKindSchema,
  country: z.string().length(2).nullable(),
  createdAt: z.string().datetime(),
});
export type Organization = z.infer<typeof organizationSchema>;

export const createOrganizationRequestSchema = z.object({
  name: z.string().trim().min(2).max(200),
  kind: organizationKindSchema,
  country: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, "ISO 3166-1 alpha-2 code")
    .nullable()
    .optional(),
});

export const organizationMemberSchema = z.object({
  userId: z.string().uuid(),
  email: z.string(),
  displayName: z.string(),
  role: roleSchema,
  totpEnabled: z.boolean(),
});
export type OrganizationMember = z.infer<typeof organizationMemberSchema>;

export const addMemberRequestSchema = z.object({
  email: emailSchema,
  displayName: z.string().trim().min(1).max(200),
  role: roleSchema,
  /** Required when the e-mail is not yet a user; ignored otherwise. */
  password: passwordSchema.optional(),
});

export const apiKeySchema = z.object({
  id: z.string().uuid(),
  name: z.string(),
  prefix: z.string(),
  createdAt: z.string().datetime(),
  revokedAt: z.string().datetime().nullable(),
});
export type ApiKey = z.infer<typeof apiKeySchema>;

export const createApiKeyRequestSchema = z.object({
  name: z.string().trim().min(1).max(100),
});
/** The only answer that ever carries the secret: it is shown once and stored hashed. */
export const createdApiKeySchema = apiKeySchema.extend({ secret: z.string() });
