import { describe, expect, it } from "vitest";

import { resolveCallbackUrl } from "@/lib/auth/callback-url";

describe("resolveCallbackUrl", () => {
  it.each([
    ["/", "/"],
    ["/workflows/support-triage", "/workflows/support-triage"],
    ["/?from=2026-01-01&to=2026-02-01", "/?from=2026-01-01&to=2026-02-01"],
    ["/admin/audit#latest", "/admin/audit#latest"],
    ["/workflows/a%2Fb", "/workflows/a%2Fb"],
  ])("keeps same-site path %s", (value, expected) => {
    expect(resolveCallbackUrl(value)).toBe(expected);
  });

  it.each([
    ["missing", undefined],
    ["null", null],
    ["empty", ""],
    ["absolute URL", "https://evil.example/"],
    ["same-looking absolute URL", "http://127.0.0.1:3000/"],
    ["protocol-relative", "//evil.example/path"],
    ["backslash", "/\\evil.example"],
    ["leading backslash", "\\\\evil.example"],
    ["tab inside", "/\t/evil.example"],
    ["newline inside", "/\n/evil.example"],
    ["javascript scheme", "javascript:alert(1)"],
    ["relative without slash", "workflows/a"],
    ["sign-in page", "/sign-in?callbackUrl=/"],
  ])("rejects %s", (_name, value) => {
    expect(resolveCallbackUrl(value)).toBe("/");
  });

  it("normalizes dot segments inside the site", () => {
    expect(resolveCallbackUrl("/a/../workflows/x")).toBe("/workflows/x");
  });

  it("keeps dot segments from leaving the site", () => {
    expect(resolveCallbackUrl("/../../evil.example")).toBe("/evil.example");
  });
});
