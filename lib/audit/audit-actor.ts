import { userInfo } from "node:os";

import { describeActor, type Principal } from "@/lib/auth/principal";

/** An operator running a command such as `npm run user:create` on the server. */
export interface CliActor {
  type: "cli";
  /** The operating system account that ran the command. */
  osUser: string;
}

/** The actor an audit entry names: a signed-in person, an API key or a command-line operator. */
export type AuditActor = Principal | CliActor;

/** Returns the command-line actor for the current OS account. */
export function currentCliActor(): CliActor {
  let osUser: string;
  try {
    osUser = userInfo().username;
  } catch {
    // userInfo() throws when the process's uid has no passwd entry, as in some containers.
    osUser = process.env.USER ?? process.env.LOGNAME ?? `uid ${process.getuid?.() ?? "unknown"}`;
  }
  return { type: "cli", osUser };
}

/** The actor columns of an audit entry. */
export function describeAuditActor(actor: AuditActor): {
  actorType: string;
  actorId: string;
  actorLabel: string;
} {
  if (actor.type === "cli") return { actorType: "cli", actorId: "cli", actorLabel: actor.osUser };
  return describeActor(actor);
}

/** A short label for logs and `created_by`: the email, the key name or the OS user. */
export function labelOfActor(actor: AuditActor): string {
  return describeAuditActor(actor).actorLabel;
}
