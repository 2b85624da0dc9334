import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

/** The repository root, two folders above this file. */
export const REPO_ROOT = path.resolve(__dirname, "../..");

export const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

/** A route handler file under app/ and the URL pattern Next.js serves it at. */
export interface DiscoveredRoute {
  /** Path of the file relative to the repository root, such as `app/api/v1/kpis/route.ts`. */
  file: string;
  /** URL pattern with Next.js segment syntax, such as `/api/v1/keys/[id]`. */
  pattern: string;
  /** Matches a pathname. Capture group i contains the value of `paramNames[i]`. */
  regex: RegExp;
  paramNames: string[];
  /** Catch-all parameters (`[...name]`), whose value is an array of segments. */
  catchAllNames: string[];
}

function listFiles(folder: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) files.push(...listFiles(full));
    else files.push(full);
  }
  return files;
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * Turns a route file's folder path into its URL pattern and regex. Route
 * groups `(name)` add no segment; private folders `_name` and parallel slots
 * `@name` are not routable and yield null.
 */
function toRoute(file: string): DiscoveredRoute | null {
  const segments = path.dirname(path.relative(path.join(REPO_ROOT, "app"), file)).split(path.sep);
  const patternParts: string[] = [];
  const regexParts: string[] = [];
  const paramNames: string[] = [];
  const catchAllNames: string[] = [];
  for (const segment of segments) {
    if (segment === "." || /^\(.*\)$/.test(segment)) continue;
    if (segment.startsWith("_") || segment.startsWith("@")) return null;
    patternParts.push(segment);
    const optionalCatchAll = /^\[\[\.\.\.(\w+)\]\]$/.exec(segment);
    const catchAll = /^\[\.\.\.(\w+)\]$/.exec(segment);
    const dynamic = /^\[(\w+)\]$/.exec(segment);
    if (optionalCatchAll) {
      paramNames.push(optionalCatchAll[1]!);
      catchAllNames.push(optionalCatchAll[1]!);
      regexParts.push("(?:/(.+))?");
    } else if (catchAll) {
      paramNames.push(catchAll[1]!);
      catchAllNames.push(catchAll[1]!);
      regexParts.push("/(.+)");
    } else if (dynamic) {
      paramNames.push(dynamic[1]!);
      regexParts.push("/([^/]+)");
    } else {
      regexParts.push(`/${escapeRegex(segment)}`);
    }
  }
  return {
    file: path.relative(REPO_ROOT, file),
    pattern: `/${patternParts.join("/")}`,
    regex: new RegExp(`^${regexParts.join("") || "/"}$`),
    paramNames,
    catchAllNames,
  };
}

/** Counts dynamic segments, so static routes win over dynamic ones, as in Next.js. */
function dynamicWeight(route: DiscoveredRoute): number {
  return route.paramNames.length * 2 + route.catchAllNames.length;
}

/** Finds every `route.ts` or `route.js` under app/, static routes first. */
export function discoverRoutes(): DiscoveredRoute[] {
  return listFiles(path.join(REPO_ROOT, "app"))
    .filter((file) => /^route\.(ts|js|tsx|jsx|mjs)$/.test(path.basename(file)))
    .map(toRoute)
    .filter((route): route is DiscoveredRoute => route !== null)
    .sort((a, b) => dynamicWeight(a) - dynamicWeight(b) || a.pattern.localeCompare(b.pattern));
}

/** Imports a route file and returns the HTTP methods it exports as handlers. */
export async function loadRouteHandlers(
  route: DiscoveredRoute,
): Promise<Partial<Record<HttpMethod, (request: Request, context: unknown) => Promise<Response>>>> {
  const exports = (await import(path.join(REPO_ROOT, route.file))) as Record<string, unknown>;
  const handlers: Partial<Record<HttpMethod, (request: Request, context: unknown) => Promise<Response>>> = {};
  for (const method of HTTP_METHODS) {
    const handler = exports[method];
    if (typeof handler === "function") handlers[method] = handler as never;
  }
  return handlers;
}

/** Finds files under the given folders that contain a "use server" directive. */
export function findServerActionFiles(folders: string[]): string[] {
  const directive = /^\s*["']use server["'];?\s*$/m;
  return folders
    .flatMap((folder) => listFiles(path.join(REPO_ROOT, folder)))
    .filter((file) => /\.(ts|tsx|js|jsx|mjs)$/.test(file))
    .filter((file) => directive.test(readFileSync(file, "utf8")))
    .map((file) => path.relative(REPO_ROOT, file));
}
