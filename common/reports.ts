import { z } from "zod";
import { SECTORS, typedCountryCodeSchema } from "./agreements.ts";
import { logReferenceSchema } from "./transparency.ts";

export const REPORT_KINDS = ["violation", "accident"] as const;

/** What a violation report is about (issue 4). */
export const VIOLATION_CATEGORIES = [
  "unpaid_pay",
  "unpaid_overtime",
  "excessive_hours",
  "no_social_security",
  "harassment_violence",
  "discrimination",
  "unsafe_conditions",
  "retaliation",
  "ai_without_consent",
  "agreement_breach",
] as const;

export const INJURY_SEVERITIES = ["none", "minor", "treated", "serious", "fatal"] as const;
export const REPORT_STATUSES = ["new", "acknowledged", "in_progress", "resolved", "closed"] as const;
export const REPORT_OUTCOMES = ["substantiated", "referred", "not_substantiated", "withdrawn"] as const;
export const REPORT_LANGUAGES = ["en", "es", "fr", "de"] as const;

const text = (max: number) => z.string().trim().min(1).max(max);

/**
 * Where it happened, precisely enough to act on: most unusable reports in Mexico's system had an
 * imprecise workplace address (research/reporting.md).
 */
export const workplaceSchema = z
  .object({
    /** The production, venue or employer as known on site. */
    name: text(200).min(2),
    /** Street and number, or a landmark a visitor could find. */
    address: text(300).min(5),
    city: text(120).min(2),
    country: typedCountryCodeSchema,
    /** Stage, set, floor, room… */
    detail: text(300).optional(),
  })
  .superRefine((place, context) => {
    if (place.address.split(/\s+/).length < 2) {
      context.addIssue({
        code: "custom",
        path: ["address"],
        message: "Give the street and number, or a landmark (at least two words)",
      });
    }
    if (place.address.toLowerCase() === place.city.toLowerCase()) {
      context.addIssue({ code: "custom", path: ["address"], message: "The address must say more than the city" });
    }
  });

export const contactSchema = z
  .object({
    name: text(120).optional(),
    email: z.email().max(254).optional(),
    phone: z
      .string()
      .trim()
      .regex(/^\+?[0-9 ().-]{6,25}$/, "A phone number")
      .optional(),
  })
  .refine((contact) => contact.email !== undefined || contact.phone !== undefined, {
    message: "Give an e-mail address or a phone number, or stay anonymous",
  });

const submissionBase = z.object({
  organizationId: z.uuid(),
  sector: z.enum(SECTORS).optional(),
  workplace: workplaceSchema,
  /** What happened, in the reporter's words. */
  description: text(10_000).min(10),
  happenedOn: z.iso.date().optional(),
  /** null: anonymous. */
  contact: contactSchema.nullable(),
  language: z.enum(REPORT_LANGUAGES),
});

export const violationSubmissionSchema = submissionBase.extend({
  kind: z.literal("violation"),
  category: z.enum(VIOLATION_CATEGORIES),
  /** The agreement (and clause) the reporter says was breached. */
  agreement: z.object({ agreementId: text(200), clauseId: text(200).optional() }).optional(),
});

export const accidentSubmissionSchema = submissionBase.extend({
  kind: z.literal("accident"),
  accident: z.object({
    occurredAt: z.iso.datetime({ offset: true, local: true }),
    severity: z.enum(INJURY_SEVERITIES),
    medicalCare: z.boolean(),
    employerReported: z.enum(["yes", "no", "unknown"]),
  }),
});

export const reportSubmissionSchema = z.discriminatedUnion("kind", [
  violationSubmissionSchema,
  accidentSubmissionSchema,
]);
export type ReportSubmission = z.infer<typeof reportSubmissionSchema>;

/** What only the readers see: everything the reporter wrote, kept encrypted. */
export const reportContentSchema = z.discriminatedUnion("kind", [
  violationSubmissionSchema.omit({ organizationId: true, sector: true }),
  accidentSubmissionSchema.omit({ organizationId: true, sector: true }),
]);
export type ReportContent = z.infer<typeof reportContentSchema>;

export const reportMessageSchema = z.object({
  author: z.enum(["reporter", "officer"]),
  at: z.string(),
  text: z.string(),
});

/** Files a report may carry: photos, PDFs and audio, recognized by their bytes. */
export const ATTACHMENT_LIMITS = { maxFiles: 5, maxFileBytes: 10 * 1024 * 1024 } as const;

/**
 * What happened to a file's identifying details (location, camera, author): removed, none found,
 * kept because the reporter asked, or left because the file type cannot be cleaned.
 */
export const ATTACHMENT_METADATA = ["removed", "none_found", "kept", "not_supported"] as const;

export const attachmentSchema = z.object({
  id: z.string(),
  name: z.string(),
  mediaType: z.string(),
  size: z.number().int(),
  metadata: z.enum(ATTACHMENT_METADATA),
  addedAt: z.string(),
});
export type Attachment = z.infer<typeof attachmentSchema>;

/** Where a report stands: status, outcome, and its dates and deadlines. */
export const reportTimelineSchema = z.object({
  status: z.enum(REPORT_STATUSES),
  outcome: z.enum(REPORT_OUTCOMES).nullable(),
  receivedAt: z.string(),
  acknowledgeBy: z.string(),
  feedbackBy: z.string(),
  acknowledgedAt: z.string().nullable(),
  /**
   * The transparency log's entry for the current status (the change or referral that set it); null
   * for a status set before the log's indexes were kept.
   */
  log: logReferenceSchema.nullable(),
});
export type ReportTimeline = z.infer<typeof reportTimelineSchema>;

/** What the reporter sees with the receipt. */
export const reporterViewSchema = reportTimelineSchema.extend({
  organizationName: z.string(),
  content: reportContentSchema,
  messages: z.array(reportMessageSchema),
  attachments: z.array(attachmentSchema),
});
export type ReporterView = z.infer<typeof reporterViewSchema>;

/** The receipt, typed by the reporter: digits, with any spaces or dashes. */
export const receiptInputSchema = z.string().trim().min(1).max(80);

export const followUpRequestSchema = z.object({ receipt: receiptInputSchema });
export const reporterMessageRequestSchema = z.object({ receipt: receiptInputSchema, text: text(10_000) });
export const receiptResponseSchema = z.object({ receipt: z.string(), attachments: z.array(attachmentSchema) });

export const reportReceiverSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(["union", "authority"]),
  country: z.string().nullable(),
});
export const receiversQuerySchema = z.object({
  country: typedCountryCodeSchema.optional(),
  /** Authorities, unions with an agreement in the sector, and unions whose sectors are unknown. */
  sector: z.enum(SECTORS).optional(),
});

/** A case in an organization's queue: what is kept in clear, and which deadline it has passed. */
export const caseSummarySchema = reportTimelineSchema.extend({
  id: z.string(),
  kind: z.enum(REPORT_KINDS),
  category: z.string(),
  country: z.string(),
  sector: z.string().nullable(),
  /** The deadline passed without the step it asks for, if any. */
  overdue: z.enum(["acknowledge", "feedback"]).nullable(),
  /** The next deadline falls within DUE_SOON_DAYS, if it does. */
  dueSoon: z.enum(["acknowledge", "feedback"]).nullable(),
  /** The officer in charge (user id), if any. */
  assignedTo: z.string().nullable(),
  labels: z.array(z.string()),
});
export type CaseSummary = z.infer<typeof caseSummarySchema>;

/** An officer's internal note; the reporter never sees notes. */
export const caseNoteSchema = z.object({
  authorUserId: z.string().nullable(),
  authorName: z.string().nullable(),
  at: z.string(),
  text: z.string(),
});

export const caseViewSchema = caseSummarySchema.extend({
  content: reportContentSchema,
  messages: z.array(reportMessageSchema),
  attachments: z.array(attachmentSchema),
  notes: z.array(caseNoteSchema),
});
export type CaseView = z.infer<typeof caseViewSchema>;

export const officerMessageRequestSchema = z.object({ text: text(10_000) });

export const caseStatusRequestSchema = z
  .object({ status: z.enum(["in_progress", "resolved", "closed"]), outcome: z.enum(REPORT_OUTCOMES).optional() })
  .refine((change) => change.status === "in_progress" || change.outcome !== undefined, {
    path: ["outcome"],
    message: "Resolving or closing a case needs an outcome",
  });

/** A deadline this close counts as due soon: shown in the queue and in reminders. */
export const DUE_SOON_DAYS = 2;

/** Officers' short tags for a case: letters, digits, spaces, _ and -. Kept in clear: never personal data. */
export const caseLabelSchema = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[\p{L}\p{N}][\p{L}\p{N} _-]*$/u, "Letters, digits, spaces, _ and - only");
export const caseLabelsRequestSchema = z.object({ labels: z.array(caseLabelSchema).max(10) });
export const assignCaseRequestSchema = z.object({ userId: z.uuid().nullable() });
export const caseNoteRequestSchema = z.object({ text: text(10_000) });

export const queueQuerySchema = z.object({
  status: z.enum(REPORT_STATUSES).optional(),
  label: caseLabelSchema.optional(),
  /** "me", "nobody", or an officer's user id. */
  assigned: z.union([z.enum(["me", "nobody"]), z.uuid()]).optional(),
});

export const caseOfficerSchema = z.object({
  userId: z.string(),
  displayName: z.string(),
  /** Has a key: can open the cases sealed to them. */
  hasKey: z.boolean(),
});

/** An organization's deadlines for new cases (defaults: EU directive 2019/1937) and retention of closed ones. */
export const caseSettingsSchema = z.object({
  acknowledgeDays: z.number().int().min(1).max(90),
  feedbackMonths: z.number().int().min(1).max(24),
  /** Days a closed case is kept, then deleted with its keys; null keeps closed cases. */
  retentionDays: z.number().int().min(30).max(3650).nullable(),
});
export type CaseSettings = z.infer<typeof caseSettingsSchema>;

/** What needs doing soon, for the in-app reminder and the reminder e-mail. Counts only. */
export const caseRemindersSchema = z.object({
  overdueAcknowledge: z.number().int(),
  overdueFeedback: z.number().int(),
  dueSoon: z.number().int(),
});
export type CaseReminders = z.infer<typeof caseRemindersSchema>;

export const shareCasesRequestSchema = z.object({ userId: z.uuid() });
export const shareCasesResponseSchema = z.object({ shared: z.number().int() });
export const referCaseRequestSchema = z.object({ organizationId: z.uuid() });

/** Figures are shown only for groups of at least this many reports, so no figure points at a reporter. */
export const SMALL_CELL = 5;

export const figuresQuerySchema = z.object({
  organizationId: z.uuid().optional(),
  country: typedCountryCodeSchema.optional(),
});

/** A count, or null when it is suppressed (under SMALL_CELL, or needed to hide another one). */
const cellSchema = z.number().int().nullable();

export const reportFiguresSchema = z.object({
  organizationId: z.string().nullable(),
  country: z.string().nullable(),
  total: cellSchema,
  received: z.array(z.object({ month: z.string(), category: z.string(), count: cellSchema })),
  outcomes: z.array(z.object({ outcome: z.enum(REPORT_OUTCOMES), count: cellSchema })),
  /** Median days from receipt to acknowledgement, over acknowledged reports; null under SMALL_CELL. */
  medianDaysToAcknowledge: z.number().nullable(),
  medianDaysToResolve: z.number().nullable(),
  /** Open reports past a deadline, as a share of open reports; null under SMALL_CELL open reports. */
  overdueShare: z.number().nullable(),
});
export type ReportFigures = z.infer<typeof reportFiguresSchema>;
