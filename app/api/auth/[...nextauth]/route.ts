import NextAuth from "next-auth";

import { buildAuthOptions } from "@/lib/auth/auth-options";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type RouteContext = { params: Promise<{ nextauth: string[] }> };

async function handle(request: Request, context: RouteContext): Promise<Response> {
  const handler = NextAuth(buildAuthOptions()) as (request: Request, context: RouteContext) => Promise<Response>;
  return handler(request, context);
}

export { handle as GET, handle as POST };
