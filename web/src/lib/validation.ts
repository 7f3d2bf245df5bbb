/** What is wrong with an e-mail address typed into a form, as a translation key, if anything. */
export function emailProblem(email: string): "validation.emailRequired" | "validation.emailInvalid" | undefined {
  const trimmed = email.trim();
  if (trimmed === "") {
    return "validation.emailRequired";
  }
  return /^[^\s@]+@[^\s@]+$/.test(trimmed) ? undefined : "validation.emailInvalid";
}

/** Authenticator apps often show "123 456"; people type it that way. */
export function normalizedCode(code: string): string {
  return code.replace(/\s+/g, "");
}

export function isSixDigitCode(code: string): boolean {
  return /^\d{6}$/.test(normalizedCode(code));
}
