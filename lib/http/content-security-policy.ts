/**
 * Builds the content security policy of every page. Scripts run only with the
 * request's nonce, or when loaded by a script that has it ('strict-dynamic'),
 * which is how Next.js loads its chunks. Inline styles stay allowed because
 * chart and layout libraries set style attributes.
 */
export function buildContentSecurityPolicy(params: { nonce: string; development: boolean }): string {
  // React rebuilds server error stacks with eval() in `next dev` only.
  const evalSource = params.development ? " 'unsafe-eval'" : "";
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${params.nonce}' 'strict-dynamic'${evalSource}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "object-src 'none'",
  ].join("; ");
}

/** Returns a fresh nonce: 16 random bytes in base64, as CSP nonce-source expects. */
export function generateNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Buffer.from(bytes).toString("base64");
}

/**
 * Returns the Strict-Transport-Security value (one year) when the app's
 * public URL is HTTPS, else null, because a plain-HTTP deployment has no
 * secure transport to keep browsers on and browsers ignore it there anyway.
 */
export function strictTransportSecurityFor(publicUrl: string | undefined): string | null {
  return publicUrl?.startsWith("https://") ? "max-age=31536000" : null;
}
