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
  /** Seconds a client is told to wait (Retry-After) when the database is unavailable. */
  OTLP_RETRY_AFTER_SECONDS: z.coerce.number().int().positive().default(5),
  /** IANA zone whose calendar days bucket runs into KPI periods. */
  ORG_TIME_ZONE: z
    .string()
    .default("UTC")
    .refine(isTimeZone, { message: "must be an IANA time zone such as Europe/Berlin" }),
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

/** Forgets the cached environment, so tests can change variables between cases. */
export function resetEnvForTests(): void {
  cached = undefined;
}
