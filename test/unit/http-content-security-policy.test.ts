import { describe, expect, it } from "vitest";

import {
  buildContentSecurityPolicy,
  generateNonce,
  strictTransportSecurityFor,
} from "@/lib/http/content-security-policy";

/** Splits a policy into a map of directive name to its sources. */
function parsePolicy(policy: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of policy.split(";")) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) directives.set(name, sources);
  }
  return directives;
}

describe("buildContentSecurityPolicy", () => {
  it("allows scripts only with the nonce", () => {
    const policy = parsePolicy(buildContentSecurityPolicy({ nonce: "abc123==", development: false }));
    expect(policy.get("script-src")).toEqual(["'self'", "'nonce-abc123=='", "'strict-dynamic'"]);
  });

  it("denies framing, plugins and foreign bases", () => {
    const policy = parsePolicy(buildContentSecurityPolicy({ nonce: "n", development: false }));
    expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
    expect(policy.get("object-src")).toEqual(["'none'"]);
    expect(policy.get("base-uri")).toEqual(["'self'"]);
    expect(policy.get("form-action")).toEqual(["'self'"]);
    expect(policy.get("default-src")).toEqual(["'self'"]);
    expect(policy.get("connect-src")).toEqual(["'self'"]);
  });

  it("allows eval only in development", () => {
    const production = buildContentSecurityPolicy({ nonce: "n", development: false });
    const development = buildContentSecurityPolicy({ nonce: "n", development: true });
    expect(production).not.toContain("unsafe-eval");
    expect(parsePolicy(development).get("script-src")).toContain("'unsafe-eval'");
  });
});

describe("generateNonce", () => {
  it("returns 16 random bytes in base64", () => {
    const nonce = generateNonce();
    expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(Buffer.from(nonce, "base64")).toHaveLength(16);
  });

  it("differs between calls", () => {
    const nonces = new Set(Array.from({ length: 100 }, generateNonce));
    expect(nonces.size).toBe(100);
  });
});

describe("strictTransportSecurityFor", () => {
  it("is set for an HTTPS public URL", () => {
    expect(strictTransportSecurityFor("https://ledger.example.com")).toBe("max-age=31536000");
  });

  it("is absent for HTTP or no URL", () => {
    expect(strictTransportSecurityFor("http://127.0.0.1:3000")).toBeNull();
    expect(strictTransportSecurityFor(undefined)).toBeNull();
  });
});
