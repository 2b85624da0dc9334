/**
 * Seeded pseudo-random numbers for the demo traffic, so the same seed always
 * produces the same runs, tokens, timestamps and trace ids.
 *
 * The generator is SFC32 (Chris Doty-Humphrey's Small Fast Counting generator,
 * 128-bit state), seeded from a string hash. It is not cryptographic.
 */

/** A seeded source of random values; every method advances the same stream. */
export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [min, max], both inclusive. */
  integer(min: number, max: number): number;
  /** Uniform in [min, max). */
  between(min: number, max: number): number;
  /** True with probability `p`. */
  chance(p: number): boolean;
  /** Standard normal value (mean 0, standard deviation 1). */
  normal(): number;
  /** One element of a non-empty list, chosen uniformly. */
  pick<T>(items: readonly T[]): T;
  /** Lower-case hex string of `bytes` random bytes. */
  hex(bytes: number): string;
}

/** Hashes a string into four 32-bit words (FNV-1a lanes with a murmur3 finalizer). */
function hashSeed(seed: string): [number, number, number, number] {
  const lanes: [number, number, number, number] = [
    0x811c9dc5, 0x01000193, 0x9e3779b9, 0x85ebca6b,
  ];
  for (let i = 0; i < seed.length; i += 1) {
    const code = seed.charCodeAt(i);
    for (let lane = 0; lane < 4; lane += 1) {
      lanes[lane] = Math.imul((lanes[lane] as number) ^ (code + lane * 31), 0x01000193);
    }
  }
  return lanes.map((value) => {
    let h = value;
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
    return h >>> 0;
  }) as [number, number, number, number];
}

/** Creates a generator whose whole output is determined by `seed`. */
export function createRandom(seed: string): Random {
  let [a, b, c, d] = hashSeed(seed);

  const nextUint32 = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };

  // Discarding the first outputs mixes every seed word into the whole state.
  for (let i = 0; i < 15; i += 1) nextUint32();

  const next = (): number => nextUint32() / 4294967296;

  return {
    next,
    integer: (min, max) => min + Math.floor(next() * (max - min + 1)),
    between: (min, max) => min + next() * (max - min),
    chance: (p) => next() < p,
    normal: () => {
      // Box-Muller; 1 - next() keeps the logarithm's argument above 0.
      const u = 1 - next();
      const v = next();
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    },
    pick: (items) => {
      if (items.length === 0) throw new RangeError("pick() needs a non-empty list");
      return items[Math.floor(next() * items.length)] as (typeof items)[number];
    },
    hex: (bytes) => {
      let text = "";
      for (let i = 0; i < bytes; i += 4) {
        text += nextUint32().toString(16).padStart(8, "0");
      }
      return text.slice(0, bytes * 2);
    },
  };
}
