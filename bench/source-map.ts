/**
 * A minimal reader of source map v3 files, including the sectioned (index)
 * maps that Turbopack writes next to its server chunks: maps a generated
 * line and column back to the original file and, when recorded, the name.
 */
import { readFileSync } from "node:fs";

interface Segment {
  column: number;
  source: number;
  /** 0-based line and column in the original source. */
  originalLine: number;
  originalColumn: number;
  /** Index into `names`, or -1 when the segment carries no name. */
  name: number;
}

interface DecodedMap {
  sources: string[];
  sourcesContent: Array<string | null>;
  names: string[];
  /** Segments of each generated line, sorted by column. */
  lines: Segment[][];
}

interface RawMap {
  sources?: string[];
  sourcesContent?: Array<string | null>;
  names?: string[];
  mappings?: string;
  sections?: Array<{ offset: { line: number; column: number }; map: RawMap }>;
}

export interface OriginalPosition {
  source: string;
  name: string | null;
  /** The text of the original line, when the map embeds its sources. */
  lineText: string | null;
  column: number;
}

const BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const BASE64_VALUE = new Map([...BASE64].map((character, index) => [character, index]));

/** Decodes the base64 VLQ fields of one mappings segment. */
function decodeVlq(segment: string): number[] {
  const values: number[] = [];
  let value = 0;
  let shift = 0;
  for (const character of segment) {
    const digit = BASE64_VALUE.get(character);
    if (digit === undefined) throw new Error(`invalid base64 digit "${character}" in a source map`);
    value += (digit & 31) * 2 ** shift;
    if (digit & 32) {
      shift += 5;
      continue;
    }
    values.push(value & 1 ? -Math.floor(value / 2) : Math.floor(value / 2));
    value = 0;
    shift = 0;
  }
  return values;
}

function decodeMappings(raw: RawMap): DecodedMap {
  const lines: Segment[][] = [];
  let source = 0;
  let name = 0;
  let originalLine = 0;
  let originalColumn = 0;
  for (const lineText of (raw.mappings ?? "").split(";")) {
    const segments: Segment[] = [];
    let column = 0;
    for (const text of lineText.split(",")) {
      if (text === "") continue;
      const fields = decodeVlq(text);
      column += fields[0] ?? 0;
      if (fields.length < 4) continue;
      source += fields[1]!;
      originalLine += fields[2]!;
      originalColumn += fields[3]!;
      let nameIndex = -1;
      if (fields.length >= 5) {
        name += fields[4]!;
        nameIndex = name;
      }
      segments.push({ column, source, originalLine, originalColumn, name: nameIndex });
    }
    lines.push(segments);
  }
  return {
    sources: raw.sources ?? [],
    sourcesContent: raw.sourcesContent ?? [],
    names: raw.names ?? [],
    lines,
  };
}

/** Finds the last segment of the line that starts at or before `column`. */
function findSegment(segments: readonly Segment[], column: number): Segment | null {
  let low = 0;
  let high = segments.length - 1;
  let found: Segment | null = null;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (segments[middle]!.column <= column) {
      found = segments[middle]!;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return found;
}

const splitSources = new WeakMap<DecodedMap, Map<number, string[]>>();

function readSourceLine(map: DecodedMap, source: number, line: number): string | null {
  let cache = splitSources.get(map);
  if (!cache) {
    cache = new Map();
    splitSources.set(map, cache);
  }
  let lines = cache.get(source);
  if (!lines) {
    lines = (map.sourcesContent[source] ?? "").split("\n");
    cache.set(source, lines);
  }
  return lines[line] ?? null;
}

/** A loaded source map that resolves 0-based generated positions. */
export class SourceMap {
  private readonly sections: Array<{ line: number; column: number; map: DecodedMap }>;

  constructor(raw: RawMap) {
    const sections = raw.sections ?? [{ offset: { line: 0, column: 0 }, map: raw }];
    this.sections = sections.map((section) => ({
      line: section.offset.line,
      column: section.offset.column,
      map: decodeMappings(section.map),
    }));
  }

  static load(file: string): SourceMap {
    return new SourceMap(JSON.parse(readFileSync(file, "utf8")) as RawMap);
  }

  resolve(line: number, column: number): OriginalPosition | null {
    let section: (typeof this.sections)[number] | undefined;
    for (const candidate of this.sections) {
      const before =
        candidate.line < line || (candidate.line === line && candidate.column <= column);
      if (before) section = candidate;
      else break;
    }
    if (!section) return null;
    const relativeLine = line - section.line;
    const relativeColumn = relativeLine === 0 ? column - section.column : column;
    const segment = findSegment(section.map.lines[relativeLine] ?? [], relativeColumn);
    if (!segment) return null;
    return {
      source: section.map.sources[segment.source] ?? "(unknown)",
      name: segment.name >= 0 ? (section.map.names[segment.name] ?? null) : null,
      lineText: readSourceLine(section.map, segment.source, segment.originalLine),
      column: segment.originalColumn,
    };
  }
}
