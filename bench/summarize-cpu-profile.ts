/**
 * Summarizes a V8 .cpuprofile of the benchmark's server (written with
 * `npm run bench:ingest -- --cpu-prof DIR`): self time by original source
 * file, through the source maps of the Turbopack server chunks, and inclusive
 * time of the ingest path's main functions.
 *
 *   npx tsx bench/summarize-cpu-profile.ts DIR/CPU.*.cpuprofile [--top 25]
 *
 * Only synchronous time counts as inclusive: work after an `await` is in a
 * different stack. Run it from the repository root, next to `.next/`.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

import { SourceMap } from "./source-map";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Functions whose inclusive time shows which ingest stage the CPU went to. */
const INGEST_FUNCTIONS = [
  "receiveTraces",
  "readRequestBody",
  "decodeProtobufRequest",
  "normalizeSpan",
  "formatAttributesJson",
  "priceSpan",
  "insertSpans",
  "recomputeRuns",
  "summarizeRun",
  "loadRunSpans",
];

const maps = new Map<string, SourceMap | null>();

function loadMap(file: string): SourceMap | null {
  if (!maps.has(file)) {
    maps.set(file, existsSync(`${file}.map`) ? SourceMap.load(`${file}.map`) : null);
  }
  return maps.get(file)!;
}

/**
 * Reads the name of the function that starts at `column` of an original source
 * line: `function name(`, `name(` of a method, or `name = (` of an arrow.
 */
function readFunctionName(lineText: string | null, column: number): string | null {
  if (lineText === null) return null;
  const before = lineText.slice(0, column + 1);
  const after = lineText.slice(column);
  const declared =
    /^(?:async\s+)?function\*?\s+([\w$]+)/.exec(after) ??
    /function\*?\s+([\w$]+)\s*$/.exec(before);
  if (declared) return declared[1]!;
  const method = /^(?:async\s+)?([\w$]+)\s*\(/.exec(after);
  if (method && method[1] !== "function") return method[1]!;
  const arrow = /(?:const|let|var)\s+([\w$]+)\s*=\s*(?:async\s*)?$/.exec(lineText.slice(0, column));
  return arrow ? arrow[1]! : null;
}

/** Names the original file of a frame: a repository path, a package, or a Node.js internal. */
function locateFrame(frame: ProfileNode["callFrame"]): { file: string; name: string } {
  const name = frame.functionName || "(anonymous)";
  if (frame.url === "") return { file: name.startsWith("(") ? name : "(native)", name };
  if (frame.url.startsWith("node:")) return { file: "node: internals", name };
  const file = frame.url.startsWith("file://") ? fileURLToPath(frame.url) : frame.url;
  const original = file.includes("/.next/")
    ? loadMap(file)?.resolve(frame.lineNumber, frame.columnNumber)
    : null;
  // Map sources are relative to their chunk, and paths are shown relative to the app folder.
  const appRoot = /^(.*)\/\.next\//.exec(file)?.[1] ?? process.cwd();
  const absolute = original ? path.resolve(path.dirname(file), original.source) : file;
  const source = path.relative(appRoot, absolute);
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(source);
  const originalName = original ? readFunctionName(original.lineText, original.column) : null;
  return { file: pkg ? `node_modules/${pkg[1]}` : source, name: originalName ?? name };
}

function main(): void {
  const { values, positionals } = parseArgs({
    options: { top: { type: "string", default: "25" } },
    allowPositionals: true,
  });
  const [profilePath] = positionals;
  if (!profilePath) throw new Error("missing profile: pass the path of a .cpuprofile file");
  const profile = JSON.parse(readFileSync(profilePath, "utf8")) as CpuProfile;

  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parentOf = new Map<number, number>();
  for (const node of profile.nodes) {
    for (const child of node.children ?? []) parentOf.set(child, node.id);
  }
  const located = new Map(profile.nodes.map((node) => [node.id, locateFrame(node.callFrame)]));

  const stackNames = (id: number): Set<string> => {
    const names = new Set<string>();
    for (let current: number | undefined = id; current !== undefined; ) {
      names.add(located.get(current)!.name);
      names.add(byId.get(current)!.callFrame.functionName);
      current = parentOf.get(current);
    }
    return names;
  };
  // Server start-up (module loading, first compilation) comes before the first request.
  const firstRequest = profile.samples.findIndex((id) => stackNames(id).has("receiveTraces"));
  if (firstRequest === -1) {
    throw new Error("no sample contains receiveTraces: the profile has no ingest requests");
  }

  const selfByFile = new Map<string, number>();
  const selfByFunction = new Map<string, number>();
  const inclusive = new Map<string, number>();
  let totalUs = 0;
  let idleUs = 0;
  for (let index = firstRequest; index < profile.samples.length; index += 1) {
    const id = profile.samples[index]!;
    const delta = profile.timeDeltas[index] ?? 0;
    totalUs += delta;
    const leaf = located.get(id)!;
    if (leaf.file === "(idle)") idleUs += delta;
    selfByFile.set(leaf.file, (selfByFile.get(leaf.file) ?? 0) + delta);
    const functionKey = `${leaf.name} (${leaf.file})`;
    selfByFunction.set(functionKey, (selfByFunction.get(functionKey) ?? 0) + delta);
    for (const name of stackNames(id)) {
      if (INGEST_FUNCTIONS.includes(name)) inclusive.set(name, (inclusive.get(name) ?? 0) + delta);
    }
  }

  const busyUs = totalUs - idleUs;
  const percent = (us: number) => `${((100 * us) / busyUs).toFixed(1)} %`;
  const seconds = (us: number) => (us / 1e6).toFixed(2);
  const top = (totals: Map<string, number>) =>
    [...totals]
      .filter(([key]) => !key.startsWith("(idle)"))
      .sort((a, b) => b[1] - a[1])
      .slice(0, Number(values.top))
      .map(([key, us]) => `| ${key} | ${seconds(us)} | ${percent(us)} |`);
  const lines = [
    `from the first request on: ${seconds(totalUs)} s, of which idle ${seconds(idleUs)} s;` +
      ` shares are of the ${seconds(busyUs)} s busy`,
    "",
    "| Self time by source | Seconds | Share of busy |",
    "|---|---|---|",
    ...top(selfByFile),
    "",
    "| Self time by function | Seconds | Share of busy |",
    "|---|---|---|",
    ...top(selfByFunction),
    "",
    "| Inclusive synchronous time | Seconds | Share of busy |",
    "|---|---|---|",
    ...INGEST_FUNCTIONS.filter((name) => inclusive.has(name)).map(
      (name) => `| ${name} | ${seconds(inclusive.get(name)!)} | ${percent(inclusive.get(name)!)} |`,
    ),
  ];
  process.stdout.write(`${lines.join("\n")}\n`);
}

main();
