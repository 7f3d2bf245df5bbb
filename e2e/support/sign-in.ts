import { type Cookie, expect, type Page, request, test } from "@playwright/test";
import { DEMO_PASSWORD, type DemoUser } from "./demo-users.ts";
import { fill, type Messages } from "./locales.ts";
import { nextTotpCode } from "./totp.ts";

export interface Credentials {
  email: string;
  password: string;
  totpSecret?: string | undefined;
}

export function demoCredentials(user: DemoUser): Credentials {
  return { email: user.email, password: DEMO_PASSWORD, totpSecret: user.totpSecret };
}

/**
 * Signs in through the form, as a person would, including the TOTP step when the account has one.
 * With `stayOnPage`, the form already on screen is used (e.g. after a redirect to sign in).
 */
export async function signInThroughForm(
  page: Page,
  credentials: Credentials,
  messages: Messages,
  { stayOnPage = false } = {},
): Promise<void> {
  if (!stayOnPage) {
    await page.goto("/sign-in");
  }
  await page.getByLabel(messages.signIn.email).fill(credentials.email);
  await page.getByLabel(messages.signIn.password).fill(credentials.password);
  await page.getByRole("button", { name: messages.signIn.submit, exact: true }).click();
  if (credentials.totpSecret) {
    await expect(page.getByRole("heading", { level: 1, name: messages.signIn.totpTitle })).toBeVisible();
    await page.getByLabel(messages.signIn.totpCode).fill(await nextTotpCode(credentials.email, credentials.totpSecret));
    await page.getByRole("button", { name: messages.signIn.verify }).click();
  }
}

/**
 * Session cookies per account, kept for the whole worker: a TOTP code can be used only once, so
 * signing the same officer in for every test would mean waiting for fresh codes again and again.
 */
const sessionCookies = new Map<string, Cookie[]>();

/** Gives the page's browser context a session of that account, signing in through the API once. */
export async function signInThroughApi(page: Page, credentials: Credentials): Promise<void> {
  let cookies = sessionCookies.get(credentials.email);
  if (!cookies) {
    cookies = await createSession(credentials);
    sessionCookies.set(credentials.email, cookies);
  }
  await page.context().clearCookies();
  await page.context().addCookies(cookies);
}

async function createSession(credentials: Credentials): Promise<Cookie[]> {
  const api = await request.newContext({ baseURL: test.info().project.use.baseURL });
  try {
    const totpCode = credentials.totpSecret ? await nextTotpCode(credentials.email, credentials.totpSecret) : undefined;
    const response = await api.post("/api/v1/auth/sign-in", {
      data: { email: credentials.email, password: credentials.password, ...(totpCode ? { totpCode } : {}) },
    });
    expect(response.status(), await response.text()).toBe(200);
    return (await api.storageState()).cookies;
  } finally {
    await api.dispose();
  }
}

export async function expectHome(page: Page, user: DemoUser, messages: Messages): Promise<void> {
  await expect(
    page.getByRole("heading", { level: 1, name: fill(messages.home.greeting, { name: user.displayName }) }),
  ).toBeVisible();
  await expect(page.getByRole("region", { name: roleCardName(user, messages) })).toBeVisible();
}

export function roleCardName(user: DemoUser, messages: Messages): string {
  return fill(messages.home.roleAt, { role: messages.roles[user.role], organization: user.organization });
}
