import type { NextConfig } from "next";

/**
 * Headers on every response, pages and API alike. These are fixed when
 * `next build` runs, so proxy.ts adds the headers that need request-time
 * values to pages: the per-request content security policy and, behind HTTPS,
 * Strict-Transport-Security.
 */
const SECURITY_HEADERS = [
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Referrer-Policy", value: "no-referrer" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

/** JSON and OTLP responses load nothing, so their policy allows nothing. */
const API_CONTENT_SECURITY_POLICY = [
  { key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'" },
];

const nextConfig: NextConfig = {
  // PGlite loads its WebAssembly and data files from its own package folder,
  // so it must not be bundled.
  serverExternalPackages: ["@electric-sql/pglite", "pino"],
  poweredByHeader: false,
  reactStrictMode: true,
  async headers() {
    return [
      { source: "/:path*", headers: SECURITY_HEADERS },
      { source: "/api/v1/:path*", headers: API_CONTENT_SECURITY_POLICY },
      { source: "/v1/:path*", headers: API_CONTENT_SECURITY_POLICY },
    ];
  },
};

export default nextConfig;
