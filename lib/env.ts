import { z } from "zod";

const MIB = 1024 * 1024;

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

const envSchema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL")
    .optional(),
  PGLITE_DIR: z.string().min(1).default(".data/pglite"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  LOG_LEVEL: z
    .enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"])
    .default("info"),
  /** Largest request body accepted on the wire, before decompression, in bytes. */
  OTLP_MAX_REQUEST_BYTES: z.coerce.number().int().positive().default(16 * MIB),
  /** Largest request body after decompression, in bytes; inflation stops there. */
  OTLP_MAX_DECODED_BYTES: z.coerce.number().int().positive().default(16 * MIB),
  /** Seconds a client is asked to wait (Retry-After) when the database is unavailable. */
  OTLP_RETRY_AFTER_SECONDS: z.coerce.number().int().positive().default(5),
  /** IANA zone whose calendar days bucket runs into KPI periods. */
  ORG_TIME_ZONE: z
    .string()
    .default("UTC")
    .refine(isTimeZone, { message: "must be an IANA time zone such as Europe/Berlin" }),
  /** Signs session cookies; required by the server, at least 32 characters. */
  NEXTAUTH_SECRET: z.string().min(32, "must be at least 32 characters (openssl rand -base64 32)").optional(),
  /** Public URL of the app, such as https://ledger.example.com; used in sign-in redirects. */
  NEXTAUTH_URL: z.url().optional(),
  /** Lifetime of a session, in seconds. */
  SESSION_MAX_AGE_SECONDS: z.coerce.number().int().min(300).default(8 * 3600),
  /** OpenID Connect single sign-on: all three set enables it. */
  OIDC_ISSUER: z.url().optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  /** Label of the single sign-on button. */
  OIDC_NAME: z.string().min(1).default("Single sign-on"),
  /** Whether a first single sign-on creates the user; otherwise an admin creates users first. */
  OIDC_CREATE_USERS: z.enum(["true", "false"]).default("false").transform((value) => value === "true"),
  /** Role of users created by single sign-on. */
  OIDC_DEFAULT_ROLE: z.enum(["viewer", "analyst", "finance", "admin"]).default("viewer"),
  /** Longest time, in seconds, budget state is reused before spend is summed again (0: never reused). */
  POLICY_STATE_MAX_AGE_SECONDS: z.coerce.number().int().min(0).max(3600).default(30),
  /** Largest JSON request body on the API, in bytes. */
  API_MAX_BODY_BYTES: z.coerce.number().int().positive().default(256 * 1024),
  /** Largest billing file accepted by POST /api/v1/billing/imports, in bytes as sent. */
  BILLING_MAX_UPLOAD_BYTES: z.coerce.number().int().positive().default(2 * 1024 * MIB),
});

export type Env = z.infer<typeof envSchema>;

let cached: Env | undefined;

/** Reads and validates the environment once; an invalid value stops start-up with its name. */
export function getEnv(): Env {
  if (cached) return cached;
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .map((issue) => `${issue.path.join(".")}: ${issue.message}`)
      .join("; ");
    throw new Error(`invalid environment: ${problems}`);
  }
  cached = parsed.data;
  return cached;
}

/** Returns the session signing secret, or throws naming the missing setting. */
export function requireAuthSecret(): string {
  const secret = getEnv().NEXTAUTH_SECRET;
  if (!secret) {
    throw new Error("missing NEXTAUTH_SECRET: set it to a random string of 32+ characters (openssl rand -base64 32)");
  }
  return secret;
}

/** Forgets the cached environment, so tests can change variables between cases. */
export function resetEnvForTests(): void {
  cached = undefined;
}
