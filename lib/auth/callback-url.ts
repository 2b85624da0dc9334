/** Path a person lands on after signing in when no valid return address is given. */
export const DEFAULT_CALLBACK_URL = "/";

/** Any origin works: it only anchors relative paths so the result can be compared. */
const ANCHOR_ORIGIN = "http://callback.invalid";

/** Browsers read a backslash as "/" and drop tabs and newlines, so "/\evil.example" leaves the site. */
function hasAmbiguousCharacter(value: string): boolean {
  for (const character of value) {
    const code = character.charCodeAt(0);
    if (character === "\\" || code < 0x20 || code === 0x7f) return true;
  }
  return false;
}

/**
 * Returns `value` when it is a path on this site, else "/". Absolute URLs,
 * protocol-relative URLs ("//evil.example") and backslash tricks ("/\evil")
 * are rejected, so a crafted sign-in link cannot send a person elsewhere.
 */
export function resolveCallbackUrl(value: string | null | undefined): string {
  if (!value || !value.startsWith("/") || value.startsWith("//")) return DEFAULT_CALLBACK_URL;
  if (hasAmbiguousCharacter(value)) return DEFAULT_CALLBACK_URL;
  let parsed: URL;
  try {
    parsed = new URL(value, ANCHOR_ORIGIN);
  } catch {
    return DEFAULT_CALLBACK_URL;
  }
  if (parsed.origin !== ANCHOR_ORIGIN) return DEFAULT_CALLBACK_URL;
  // The sign-in page itself is no destination: it would show the form again.
  if (parsed.pathname === "/sign-in") return DEFAULT_CALLBACK_URL;
  return `${parsed.pathname}${parsed.search}${parsed.hash}`;
}
