import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";

import { getDatabase } from "@/db/client";
import {
  bumpSessionVersion,
  findUserByEmail,
  findUserById,
  findUserByOidcSubject,
  insertUser,
  linkOidcSubject,
} from "@/db/queries/users";
import { getEnv, requireAuthSecret } from "@/lib/env";
import { logFor } from "@/lib/log";

import { checkCredentials } from "./users";

const logger = logFor("auth");

/** Reads the client address next-auth passes to `authorize`, for rate limiting. */
function clientAddressOf(headers: Record<string, unknown> | undefined): string {
  const forwarded = headers?.["x-forwarded-for"];
  if (typeof forwarded === "string" && forwarded) return forwarded.split(",")[0]!.trim();
  const real = headers?.["x-real-ip"];
  return typeof real === "string" && real ? real : "unknown";
}

function oidcProvider(): NextAuthOptions["providers"][number] | null {
  const env = getEnv();
  if (!env.OIDC_ISSUER || !env.OIDC_CLIENT_ID || !env.OIDC_CLIENT_SECRET) return null;
  return {
    id: "oidc",
    name: env.OIDC_NAME,
    type: "oauth",
    wellKnown: `${env.OIDC_ISSUER.replace(/\/$/, "")}/.well-known/openid-configuration`,
    clientId: env.OIDC_CLIENT_ID,
    clientSecret: env.OIDC_CLIENT_SECRET,
    authorization: { params: { scope: "openid email profile" } },
    idToken: true,
    checks: ["pkce", "state"],
    profile(profile: { sub: string; email?: string; name?: string }) {
      return { id: profile.sub, email: profile.email ?? null, name: profile.name ?? profile.email ?? profile.sub };
    },
  };
}

/**
 * Maps a single sign-on identity to a user: by subject, else by email (and
 * links the subject), else creates one when OIDC_CREATE_USERS is true.
 */
async function resolveOidcUser(subject: string, email: string | null, name: string | null) {
  const db = await getDatabase();
  const bySubject = await findUserByOidcSubject(db, subject);
  if (bySubject) return bySubject;
  if (!email) return null;
  const byEmail = await findUserByEmail(db, email.toLowerCase());
  if (byEmail) {
    await linkOidcSubject(db, byEmail.id, subject);
    return byEmail;
  }
  const env = getEnv();
  if (!env.OIDC_CREATE_USERS) return null;
  return insertUser(db, {
    email: email.toLowerCase(),
    name: name ?? email,
    role: env.OIDC_DEFAULT_ROLE,
    passwordHash: null,
    oidcSubject: subject,
  });
}

/** Builds the next-auth configuration from the environment. */
export function buildAuthOptions(): NextAuthOptions {
  const env = getEnv();
  const providers: NextAuthOptions["providers"] = [
    CredentialsProvider({
      id: "credentials",
      name: "Email and password",
      credentials: {
        email: { label: "Email", type: "email" },
        password: { label: "Password", type: "password" },
      },
      async authorize(credentials, request) {
        if (!credentials?.email || !credentials.password) return null;
        const result = await checkCredentials(await getDatabase(), {
          email: credentials.email,
          password: credentials.password,
          clientAddress: clientAddressOf(request?.headers as Record<string, unknown> | undefined),
        });
        if (!result.ok) return null;
        return { id: result.user.id, email: result.user.email, name: result.user.name };
      },
    }),
  ];
  const oidc = oidcProvider();
  if (oidc) providers.push(oidc);

  return {
    secret: requireAuthSecret(),
    session: { strategy: "jwt", maxAge: env.SESSION_MAX_AGE_SECONDS },
    jwt: { maxAge: env.SESSION_MAX_AGE_SECONDS },
    pages: { signIn: "/sign-in", error: "/sign-in" },
    providers,
    callbacks: {
      async signIn({ user, account, profile }) {
        if (account?.provider !== "oidc") return true;
        const resolved = await resolveOidcUser(
          account.providerAccountId,
          (profile?.email as string | undefined) ?? user.email ?? null,
          user.name ?? null,
        );
        if (!resolved || resolved.disabledAt) {
          logger.info({ provider: "oidc" }, "single sign-on rejected: no matching enabled user");
          return false;
        }
        user.id = resolved.id;
        return true;
      },
      async jwt({ token, user }) {
        // On sign-in, bind the token to the user id and the current session version.
        if (user) {
          const record = await findUserById(await getDatabase(), user.id);
          if (record) {
            token.sub = record.id;
            token.sv = record.sessionVersion;
          }
        }
        return token;
      },
      async session({ session, token }) {
        const record = token.sub ? await findUserById(await getDatabase(), token.sub) : null;
        if (record && session.user) {
          session.user.email = record.email;
          session.user.name = record.name;
          (session.user as { role?: string }).role = record.role;
        }
        return session;
      },
    },
    events: {
      // Signing out ends the user's sessions in every browser, not just this one.
      async signOut({ token }) {
        if (token?.sub) await bumpSessionVersion(await getDatabase(), token.sub);
      },
    },
    logger: {
      error: (code, metadata) => logger.error({ code, metadata }, "next-auth error"),
      warn: (code) => logger.warn({ code }, "next-auth warning"),
      debug: () => {},
    },
  };
}
