/**
 * Creates a user, records it in the audit log as done by the OS user on the
 * command line, and prints the new user's id.
 *
 *   npm run user:create -- --email ada@example.com --name "Ada Lovelace" --role admin
 *
 * The password comes from the PASSWORD environment variable or, when it is
 * unset, from a prompt on the terminal that does not echo. It needs at least
 * 12 characters. --no-password creates a single sign-on only user.
 *
 * Uses DATABASE_URL when set, else the PGlite folder in PGLITE_DIR. With
 * PGlite, stop the server first: two processes on one folder lose writes.
 */
import { createInterface } from "node:readline";
import { Writable } from "node:stream";
import { parseArgs } from "node:util";

import { openDatabase } from "@/db/client";
import { currentCliActor } from "@/lib/audit/audit-actor";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/password";
import { ROLES } from "@/lib/auth/roles";
import { getEnv } from "@/lib/env";
import { createUserAccount, createUserSchema } from "@/lib/users/manage-users";
import { parseInput } from "@/lib/validation/parse-input";

/**
 * Asks one question on the terminal without echoing the answer: readline
 * writes what is typed to `output`, which drops it.
 */
function askHidden(question: string): Promise<string> {
  const silent = new Writable({ write: (_chunk, _encoding, done) => done() });
  const reader = createInterface({ input: process.stdin, output: silent, terminal: true });
  process.stderr.write(question);
  return new Promise((resolve, reject) => {
    let answer: string | null = null;
    reader.once("line", (line) => {
      answer = line;
      reader.close();
    });
    // Closing follows every answer; without one, Ctrl-C or Ctrl-D closed the prompt.
    reader.once("close", () => {
      process.stderr.write("\n");
      if (answer === null) reject(new Error("password prompt cancelled"));
      else resolve(answer);
    });
  });
}

async function readPassword(): Promise<string> {
  const fromEnvironment = process.env.PASSWORD;
  if (fromEnvironment !== undefined) return fromEnvironment;
  if (!process.stdin.isTTY) {
    throw new Error("missing password: set PASSWORD, or run the command in a terminal to be asked for it");
  }
  const password = await askHidden("Password: ");
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw new Error(`invalid password: must be at least ${MIN_PASSWORD_LENGTH} characters`);
  }
  const repeated = await askHidden("Repeat the password: ");
  if (repeated !== password) throw new Error("the two passwords differ; run the command again");
  return password;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      email: { type: "string" },
      name: { type: "string" },
      role: { type: "string" },
      "no-password": { type: "boolean", default: false },
    },
  });
  if (!values.email) throw new Error("missing --email, such as --email ada@example.com");
  if (!values.name) throw new Error('missing --name, such as --name "Ada Lovelace"');
  if (!values.role) throw new Error(`missing --role: use one of ${ROLES.join(", ")}`);

  const fields = { email: values.email, name: values.name, role: values.role };
  // Checked before the password prompt and the database, so a typo fails fast.
  parseInput(createUserSchema, { ...fields, password: null });
  const password = values["no-password"] ? null : await readPassword();
  if (password !== null && password.length < MIN_PASSWORD_LENGTH) {
    throw new Error(`invalid PASSWORD: must be at least ${MIN_PASSWORD_LENGTH} characters`);
  }

  const env = getEnv();
  const db = await openDatabase({ url: env.DATABASE_URL, pgliteDir: env.PGLITE_DIR });
  try {
    const user = await createUserAccount(currentCliActor(), { ...fields, password }, db);
    process.stderr.write(`created ${user.role} user ${user.email}\n`);
    process.stdout.write(`${user.id}\n`);
  } finally {
    await db.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
