import { expect, test, type Page } from "@playwright/test";

import { demoUser, signInThroughForm, watchCspViolations } from "./demo-users";
import { E2E_BASE_URL } from "./e2e-settings";

const SIGN_IN_FAILED = "Email or password is incorrect, or too many attempts; try again later.";

const STATIC_HEADERS: Record<string, string> = {
  "x-frame-options": "DENY",
  "referrer-policy": "no-referrer",
  "x-content-type-options": "nosniff",
  "permissions-policy": "camera=(), microphone=(), geolocation=()",
  "cross-origin-opener-policy": "same-origin",
};

function readNonce(policy: string | undefined): string | undefined {
  return /'nonce-([^']+)'/.exec(policy ?? "")?.[1];
}

test("pages carry a fresh nonce policy", async ({ request }) => {
  const first = await request.get("/sign-in");
  const second = await request.get("/sign-in");
  expect(first.status()).toBe(200);
  const policy = first.headers()["content-security-policy"];
  expect(policy).toContain("script-src 'self' 'nonce-");
  expect(policy).toContain("'strict-dynamic'");
  expect(policy).toContain("frame-ancestors 'none'");
  expect(policy).not.toContain("unsafe-eval");
  const nonce = readNonce(policy);
  expect(nonce).toBeTruthy();
  expect(readNonce(second.headers()["content-security-policy"])).not.toBe(nonce);

  // Every script Next.js renders carries the request's nonce.
  const html = await first.text();
  const scripts = html.match(/<script\b[^>]*>/g) ?? [];
  expect(scripts.length).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
  for (const [name, value] of Object.entries(STATIC_HEADERS)) expect(first.headers()[name], name).toBe(value);
  // The test server runs on plain HTTP, where Strict-Transport-Security is not sent.
  expect(first.headers()["strict-transport-security"]).toBeUndefined();
});

test("API responses carry the static headers", async ({ request }) => {
  for (const response of [
    await request.get("/api/v1/kpis"),
    await request.post("/v1/traces", { headers: { "content-type": "application/json" }, data: {} }),
  ]) {
    expect(response.status()).toBe(401);
    for (const [name, value] of Object.entries(STATIC_HEADERS)) expect(response.headers()[name], name).toBe(value);
    expect(response.headers()["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'");
  }
});

/** Submits the sign-in form and returns the status of next-auth's response. */
async function submitSignIn(page: Page, email: string, password: string): Promise<number> {
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  const answer = page.waitForResponse((response) => response.url().includes("/api/auth/callback/credentials"));
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  return (await answer).status();
}

test("sign-in rejects a wrong password generically", async ({ page }) => {
  const violations = watchCspViolations(page);
  const message = page.locator("form").getByRole("alert");
  await page.goto("/sign-in");
  expect(await submitSignIn(page, "nobody@demo.local", "not-the-password-0")).toBe(401);
  await expect(message).toHaveText(SIGN_IN_FAILED);

  // A known account with a wrong password reads the same, so accounts cannot be probed.
  expect(await submitSignIn(page, demoUser("viewer").email, "not-the-password-1")).toBe(401);
  await expect(message).toHaveText(SIGN_IN_FAILED);
  await expect(page).toHaveURL(/\/sign-in$/);
  expect(violations).toEqual([]);
});

test("sign-in ignores a foreign callback URL", async ({ page }) => {
  await signInThroughForm(page, demoUser("viewer"), "/sign-in?callbackUrl=https%3A%2F%2Fevil.example%2F");
  await expect(page).toHaveURL(`${E2E_BASE_URL}/`);
  await page.context().clearCookies();

  await signInThroughForm(page, demoUser("viewer"), "/sign-in?callbackUrl=%2F%2Fevil.example%2F");
  await expect(page).toHaveURL(`${E2E_BASE_URL}/`);
});

test("next-auth rejects a sign-in without its CSRF token", async ({ request }) => {
  const user = demoUser("viewer");
  const response = await request.post("/api/auth/callback/credentials", {
    form: { email: user.email, password: user.password, json: "true" },
  });
  const body = (await response.json()) as { url: string };
  expect(new URL(body.url).searchParams.get("csrf")).toBe("true");
  const cookies = (await request.storageState()).cookies.map((cookie) => cookie.name);
  expect(cookies).not.toContain("next-auth.session-token");

  const session = await request.get("/api/v1/kpis");
  expect(session.status()).toBe(401);
});

test("state change from another origin is rejected", async ({ page }) => {
  await signInThroughForm(page, demoUser("admin"));
  const body = { name: "cross-site", kind: "ingest" };
  const foreign = await page.request.post("/api/v1/keys", { headers: { origin: "https://evil.example" }, data: body });
  expect(foreign.status()).toBe(403);
  expect(await foreign.json()).toMatchObject({ error: { code: "csrf_rejected" } });

  const keys = await page.request.get("/api/v1/keys");
  const names = ((await keys.json()) as { keys: Array<{ name: string }> }).keys.map((key) => key.name);
  expect(names).not.toContain("cross-site");
});
