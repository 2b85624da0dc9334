import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { getDatabase } from "@/db/client";
import { checkCredentials } from "@/lib/auth/users";

import { createApiClient } from "../support/api-client";
import { countAuditRows, readAuditRows } from "../support/audit-rows";
import { serveRoutes } from "../support/serve-routes";
import { sessionCookieFor } from "../support/sessions";

let server: { url: string; close: () => Promise<void> };
let callApi: ReturnType<typeof createApiClient>;
let admin: { cookie: string; userId: string; email: string };

beforeAll(async () => {
  server = await serveRoutes();
  callApi = createApiClient(server.url);
  admin = await sessionCookieFor("admin");
});

afterAll(async () => {
  await server.close();
});

describe("user creation", () => {
  const password = "correct horse battery staple";

  it("creates a user and audits it without credentials", async () => {
    const created = await callApi("POST", "/api/v1/users", {
      cookie: admin.cookie,
      body: { email: "Grace@Example.test", name: "Grace Hopper", role: "finance", password },
    });
    expect(created.status).toBe(201);
    expect(created.json.user).toMatchObject({
      email: "grace@example.test",
      name: "Grace Hopper",
      role: "finance",
      hasPassword: true,
      disabledAt: null,
    });
    expect(Object.keys(created.json.user)).not.toContain("sessionVersion");
    expect(JSON.stringify(created.json)).not.toMatch(/scrypt|passwordHash/);

    const entries = await readAuditRows("user", created.json.user.id);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ action: "user.create", actorId: admin.userId });
    expect(entries[0]!.after).toMatchObject({ email: "grace@example.test", role: "finance" });
    const stored = JSON.stringify(entries[0]);
    expect(stored).not.toContain(password);
    expect(stored).not.toMatch(/scrypt|password/i);

    const check = await checkCredentials(await getDatabase(), {
      email: "grace@example.test",
      password,
      clientAddress: "203.0.113.9",
    });
    expect(check.ok).toBe(true);
  });

  it("creates a single sign-on user without a password", async () => {
    const created = await callApi("POST", "/api/v1/users", {
      cookie: admin.cookie,
      body: { email: "sso@example.test", name: "SSO User", role: "viewer" },
    });
    expect(created.status).toBe(201);
    expect(created.json.user.hasPassword).toBe(false);
  });

  it("rejects a taken email with 409", async () => {
    const before = await countAuditRows();
    const duplicate = await callApi("POST", "/api/v1/users", {
      cookie: admin.cookie,
      body: { email: "grace@example.test", name: "Other", role: "viewer", password },
    });
    expect(duplicate.status).toBe(409);
    expect(duplicate.json.error.message).toContain("grace@example.test already exists");
    expect(await countAuditRows()).toBe(before);
  });

  it("rejects a short password without echoing it", async () => {
    const response = await callApi("POST", "/api/v1/users", {
      cookie: admin.cookie,
      body: { email: "short@example.test", name: "Short", role: "viewer", password: "tooShort123" },
    });
    expect(response.status).toBe(400);
    expect(response.json.error.message).toContain("invalid password");
    expect(response.json.error.message).toContain("at least 12 characters");
    expect(response.json.error.message).not.toContain("tooShort123");
  });

  it("lists users without credentials", async () => {
    const listed = await callApi("GET", "/api/v1/users", { cookie: admin.cookie });
    expect(listed.status).toBe(200);
    expect(listed.json.users.map((user: { email: string }) => user.email)).toContain("grace@example.test");
    expect(JSON.stringify(listed.json)).not.toMatch(/scrypt|passwordHash|sessionVersion/);
  });
});

describe("role changes", () => {
  it("applies on the next request and is audited", async () => {
    const analyst = await sessionCookieFor("analyst");
    const drillDown = "/api/v1/workflows/no-such-workflow/kpis";
    expect((await callApi("GET", drillDown, { cookie: analyst.cookie })).status).toBe(404);

    const changed = await callApi("PATCH", `/api/v1/users/${analyst.userId}`, {
      cookie: admin.cookie,
      body: { role: "viewer" },
    });
    expect(changed.status).toBe(200);
    expect(changed.json.user.role).toBe("viewer");

    // Same cookie: still signed in, but with the new role's rights.
    expect((await callApi("GET", drillDown, { cookie: analyst.cookie })).status).toBe(403);
    expect((await callApi("GET", "/api/v1/kpis", { cookie: analyst.cookie })).status).toBe(200);

    const entries = await readAuditRows("user", analyst.userId);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ action: "user.update_role", actorId: admin.userId });
    expect(entries[0]!.before.role).toBe("analyst");
    expect(entries[0]!.after.role).toBe("viewer");
  });

  it("stops an admin demoting themselves", async () => {
    const before = await countAuditRows();
    const response = await callApi("PATCH", `/api/v1/users/${admin.userId}`, {
      cookie: admin.cookie,
      body: { role: "finance" },
    });
    expect(response.status).toBe(409);
    expect(response.json.error.message).toContain("cannot lower your own role from admin to finance");
    expect(await countAuditRows()).toBe(before);
    expect((await callApi("GET", "/api/v1/users", { cookie: admin.cookie })).status).toBe(200);
  });

  it("stops an admin disabling themselves", async () => {
    const response = await callApi("PATCH", `/api/v1/users/${admin.userId}`, {
      cookie: admin.cookie,
      body: { disabled: true },
    });
    expect(response.status).toBe(409);
    expect(response.json.error.message).toContain("cannot disable your own account");
  });

  it("rejects an empty change and an unknown user", async () => {
    const empty = await callApi("PATCH", `/api/v1/users/${admin.userId}`, { cookie: admin.cookie, body: {} });
    expect(empty.status).toBe(400);
    const unknown = await callApi("PATCH", "/api/v1/users/00000000-0000-4000-8000-000000000000", {
      cookie: admin.cookie,
      body: { role: "viewer" },
    });
    expect(unknown.status).toBe(404);
  });

  it("rejects an unknown role", async () => {
    const response = await callApi("PATCH", `/api/v1/users/${admin.userId}`, {
      cookie: admin.cookie,
      body: { role: "owner" },
    });
    expect(response.status).toBe(400);
    expect(response.json.error.message).toContain('invalid role ("owner")');
  });
});

describe("disabling users", () => {
  it("ends sessions and survives re-enabling", async () => {
    const finance = await sessionCookieFor("finance");
    const disabled = await callApi("PATCH", `/api/v1/users/${finance.userId}`, {
      cookie: admin.cookie,
      body: { disabled: true },
    });
    expect(disabled.status).toBe(200);
    expect(disabled.json.user.disabledAt).not.toBeNull();
    expect((await callApi("GET", "/api/v1/kpis", { cookie: finance.cookie })).status).toBe(401);

    const enabled = await callApi("PATCH", `/api/v1/users/${finance.userId}`, {
      cookie: admin.cookie,
      body: { disabled: false },
    });
    expect(enabled.json.user.disabledAt).toBeNull();
    // The cookie issued before the account was disabled stays invalid.
    expect((await callApi("GET", "/api/v1/kpis", { cookie: finance.cookie })).status).toBe(401);

    const actions = (await readAuditRows("user", finance.userId)).map((entry) => entry.action);
    expect(actions).toEqual(["user.disable", "user.enable"]);
  });
});

describe("sign out everywhere", () => {
  it("lets users end their own sessions", async () => {
    const finance = await sessionCookieFor("finance");
    expect((await callApi("GET", "/api/v1/kpis", { cookie: finance.cookie })).status).toBe(200);

    const response = await callApi("DELETE", `/api/v1/users/${finance.userId}/sessions`, { cookie: finance.cookie });
    expect(response.status).toBe(200);
    expect((await callApi("GET", "/api/v1/kpis", { cookie: finance.cookie })).status).toBe(401);

    const entries = await readAuditRows("user", finance.userId);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ action: "user.sign_out_everywhere", actorId: finance.userId });
    expect(entries[0]!.after.sessionVersion).toBe(entries[0]!.before.sessionVersion + 1);
  });

  it("lets admins end another user's sessions", async () => {
    const viewer = await sessionCookieFor("viewer");
    const response = await callApi("DELETE", `/api/v1/users/${viewer.userId}/sessions`, { cookie: admin.cookie });
    expect(response.status).toBe(200);
    expect((await callApi("GET", "/api/v1/kpis", { cookie: viewer.cookie })).status).toBe(401);
    expect((await callApi("GET", "/api/v1/kpis", { cookie: admin.cookie })).status).toBe(200);
  });

  it("stops non-admins ending another user's sessions", async () => {
    const viewer = await sessionCookieFor("viewer");
    const target = await sessionCookieFor("finance");
    const before = await countAuditRows();
    const response = await callApi("DELETE", `/api/v1/users/${target.userId}/sessions`, { cookie: viewer.cookie });
    expect(response.status).toBe(403);
    expect((await callApi("GET", "/api/v1/kpis", { cookie: target.cookie })).status).toBe(200);
    expect(await countAuditRows()).toBe(before);
  });
});
