import { readFile, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { IndexCorruptError } from "../errors/index-errors.ts";

/** A quotable unit of a chunk (sentence, list item, table row) with its embedding. */
export type EmbeddedUnit = { text: string; vector: Float32Array };

/** Embedded units by chunk id, in each chunk's reading order. */
export type UnitVectors = Map<string, EmbeddedUnit[]>;

/**
 * Files of a version: `units.json` lists each chunk's unit texts (so a change in how chunks are
 * split into units is noticed, never misaligned), `unit-vectors.bin` holds their vectors as
 * little-endian float32, in the same order.
 */
const UNITS_FILE = "units.json";
const VECTORS_FILE = "unit-vectors.bin";

const unitsSchema = z.object({
  dimensions: z.number().int().positive(),
  chunks: z.array(z.object({ chunkId: z.string().min(1), units: z.array(z.string()) })),
});

export async function writeUnitVectors(
  directory: string,
  units: UnitVectors,
  dimensions: number,
): Promise<void> {
  const chunks = [...units].map(([chunkId, list]) => ({
    chunkId,
    units: list.map((unit) => unit.text),
  }));
  const count = chunks.reduce((sum, chunk) => sum + chunk.units.length, 0);
  const vectors = new Float32Array(count * dimensions);
  let offset = 0;
  for (const list of units.values()) {
    for (const unit of list) {
      vectors.set(unit.vector, offset);
      offset += dimensions;
    }
  }
  await writeFile(path.join(directory, UNITS_FILE), JSON.stringify({ dimensions, chunks }));
  await writeFile(path.join(directory, VECTORS_FILE), new Uint8Array(vectors.buffer));
}

/** Whether a version folder holds embedded units (versions built before them do not). */
export async function hasUnitVectors(directory: string): Promise<boolean> {
  return stat(path.join(directory, UNITS_FILE)).then(
    () => true,
    () => false,
  );
}

/**
 * Reads a version's unit vectors; an empty map for a version built before units were embedded
 * (the answer writer then ranks units by words alone). Damaged files are an IndexCorruptError.
 */
export async function readUnitVectors(
  indexDir: string,
  directory: string,
  dimensions: number,
): Promise<UnitVectors> {
  let listing: string;
  try {
    listing = await readFile(path.join(directory, UNITS_FILE), "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return new Map();
    throw new IndexCorruptError(indexDir, `${UNITS_FILE} is unreadable`, { cause: error });
  }
  let parsed: z.infer<typeof unitsSchema>;
  let bytes: Buffer;
  try {
    parsed = unitsSchema.parse(JSON.parse(listing));
    bytes = await readFile(path.join(directory, VECTORS_FILE));
  } catch (error) {
    throw new IndexCorruptError(indexDir, `${UNITS_FILE} or ${VECTORS_FILE} cannot be read`, {
      cause: error,
    });
  }
  const count = parsed.chunks.reduce((sum, chunk) => sum + chunk.units.length, 0);
  if (parsed.dimensions !== dimensions || bytes.byteLength !== count * dimensions * 4) {
    throw new IndexCorruptError(indexDir, `${VECTORS_FILE} does not match ${UNITS_FILE}`);
  }
  // Copy into an aligned buffer: a Buffer from the pool may start at any byte offset.
  const all = new Float32Array(new Uint8Array(bytes).buffer);
  const units: UnitVectors = new Map();
  let offset = 0;
  for (const chunk of parsed.chunks) {
    units.set(
      chunk.chunkId,
      chunk.units.map((text) => {
        const vector = all.subarray(offset, offset + dimensions);
        offset += dimensions;
        return { text, vector };
      }),
    );
  }
  return units;
}
