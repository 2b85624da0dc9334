import { NextResponse, type NextRequest } from "next/server";

import {
  buildContentSecurityPolicy,
  generateNonce,
  strictTransportSecurityFor,
} from "@/lib/http/content-security-policy";

/**
 * Gives every page request a fresh nonce and its content security policy.
 * Next.js reads the nonce from the policy on the request and adds it to its
 * own scripts, so the policy goes on the request as well as the response.
 * The JSON API and OTLP ingest are left out to keep those paths lean; they
 * get the static headers from next.config.ts.
 */
export function proxy(request: NextRequest): NextResponse {
  const nonce = generateNonce();
  const policy = buildContentSecurityPolicy({
    nonce,
    development: process.env.NODE_ENV === "development",
  });

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", policy);

  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", policy);
  // Read at run time, unlike next.config.ts headers, which are fixed at build time.
  const transportSecurity = strictTransportSecurityFor(process.env.NEXTAUTH_URL);
  if (transportSecurity) response.headers.set("strict-transport-security", transportSecurity);
  return response;
}

export const config = {
  matcher: [
    {
      // Everything except the JSON API, OTLP ingest, static files and icons.
      source: "/((?!api/v1/|v1/|_next/static|_next/image|favicon\\.ico|icon\\.svg).*)",
      // Link prefetches fetch RSC payloads, which run no scripts of their own.
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
