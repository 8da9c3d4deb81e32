import { createHash } from "node:crypto";
import path from "node:path";
import { quotableUnits } from "../answer/quotable-units.ts";
import type { Chunk, ChunkerSettings } from "../chunking/chunk.ts";
import { indexText } from "../chunking/chunk.ts";
import { chunkMarkdown } from "../chunking/chunk-markdown.ts";
import { type FlaggedLine, screenDocument } from "../chunking/screen-document.ts";
import type { CorpusDocument } from "../corpus/corpus-document.ts";
import { loadSources, type SourceLoadError } from "../corpus/load-sources.ts";
import type { Embedder, EmbedProgress } from "../embedders/embedder.ts";
import { AppError } from "../errors/app-error.ts";
import { EmptyCorpusError } from "../errors/corpus-errors.ts";
import { IndexOutdatedError } from "../errors/index-errors.ts";
import { type HnswSettings, HnswVectorIndex } from "../index/hnsw-vector-index.ts";
import { removeStaleTemporaryFiles } from "../index/index-files.ts";
import { acquireIndexLock } from "../index/index-lock.ts";
import {
  type LoadedIndex,
  loadIndex,
  loadManifest,
  prune,
  writeIndex,
} from "../index/index-store.ts";
import { INDEX_FORMAT_VERSION, type Manifest } from "../index/manifest.ts";
import { MiniSearchLexicalIndex } from "../index/minisearch-lexical-index.ts";
import { hasUnitVectors, type UnitVectors } from "../index/unit-vectors.ts";

export type IngestOptions = {
  corpusDir: string;
  indexDir: string;
  embedder: Embedder;
  chunker: ChunkerSettings;
  hnsw: HnswSettings;
  /** Older versions kept besides the new one. @default 2 */
  keepPrevious?: number;
  /** Work out and report the plan without embedding or writing anything. @default false */
  dryRun?: boolean;
  onEmbedProgress?: EmbedProgress;
};

/**
 * What a build did, in chunks. A chunk is `reused` when the same passage already had a vector,
 * `updated` when it replaces a different passage at the same place (same document, section and
 * position within the section), `added` when the place is new, `removed` when a place is gone.
 */
export type IngestSummary = {
  added: number;
  updated: number;
  removed: number;
  reused: number;
  embedded: number;
  /** Quotable units (sentences, list items, rows) embedded for this build; the rest were reused. */
  embeddedUnits: number;
  chunkCount: number;
  documentCount: number;
  durationMs: number;
  version: string;
  /** Why no vector could be reused, when that was the case. */
  fullRebuildReason?: string;
  /** True when nothing was embedded or written (`--dry-run`); `version` is then the current one. */
  dryRun?: boolean;
  /**
   * True when the current version already matches the corpus and settings: nothing was written
   * (so a committed index does not change), and `version` is the current one.
   */
  upToDate?: boolean;
  /** Sources that could not be loaded (e.g. a URL that failed); the rest was indexed. */
  sourceErrors?: SourceLoadError[];
  /**
   * Lines left out of the index because they address an assistant or model (planted
   * instructions, also when disguised), each with its source, line and section. Absent when none.
   */
  flaggedInstructions?: { count: number; lines: FlaggedLine[] };
};

function placeKeys(chunks: Chunk[]): Map<string, string> {
  const counters = new Map<string, number>();
  const keys = new Map<string, string>();
  for (const chunk of chunks) {
    const sectionKey = `${chunk.source}\u0000${chunk.section}`;
    const ordinal = counters.get(sectionKey) ?? 0;
    counters.set(sectionKey, ordinal + 1);
    keys.set(`${sectionKey}\u0000${ordinal}`, chunk.id);
  }
  return keys;
}

/**
 * Whether a build would reproduce the current version: the same documents and chunks in the same
 * order, every unit already embedded, the same graph settings.
 */
function sameBuild(
  previous: LoadedIndex,
  loaded: Awaited<ReturnType<typeof chunkCorpus>>,
  unitsToEmbed: number,
  options: IngestOptions,
): boolean {
  const { manifest } = previous;
  const { chunks, documents } = loaded;
  const describe = (source: {
    source: string;
    title: string;
    kind: string;
    contentHash: string;
    entry?: string | undefined;
  }) =>
    [source.source, source.title, source.kind, source.contentHash, source.entry ?? ""].join("\n");
  return (
    unitsToEmbed === 0 &&
    manifest.sources.length === documents.length &&
    manifest.sources.every((source, position) => {
      const document = documents[position];
      return document !== undefined && describe(source) === describe(document);
    }) &&
    previous.chunks.length === chunks.length &&
    previous.chunks.every((chunk, position) => chunk.id === chunks[position]?.id) &&
    JSON.stringify(manifest.hnsw) === JSON.stringify(options.hnsw)
  );
}

/** Why vectors of the previous build cannot be reused, or undefined when they can. */
function incompatibility(manifest: Manifest, options: IngestOptions): string | undefined {
  if (manifest.embedder.id !== options.embedder.id) {
    return `embedder changed from ${manifest.embedder.id} to ${options.embedder.id}`;
  }
  if (manifest.chunker.maxTokens !== options.chunker.maxTokens) {
    return `chunker maxTokens changed from ${manifest.chunker.maxTokens} to ${options.chunker.maxTokens}`;
  }
  return undefined;
}

/**
 * Reads the corpus (per its sources manifest) and cuts it into chunks, in corpus order, after
 * screening each document as data (`screenDocument`: planted instructions out, escapes stripped).
 */
export async function chunkCorpus(corpusDir: string, chunker: ChunkerSettings) {
  const { documents, errors } = await loadSources(corpusDir);
  const screened = documents.map(screenDocument);
  const chunksBySource = screened.map(({ document }) => chunkMarkdown(document, chunker));
  const flagged = screened.flatMap((result) => result.flagged);
  return { documents, chunksBySource, chunks: chunksBySource.flat(), errors, flagged };
}

/**
 * Builds a new index version from the corpus, embedding only passages that the current version
 * does not already hold, and makes it current atomically.
 */
export async function ingest(options: IngestOptions): Promise<IngestSummary> {
  // A dry run writes nothing, so it needs no lock.
  const release = options.dryRun ? async () => {} : await acquireIndexLock(options.indexDir);
  try {
    // Holding the lock, nothing else writes here: whatever a dead build left goes now.
    if (!options.dryRun) await removeStaleTemporaryFiles(options.indexDir);
    return await build(options);
  } finally {
    await release();
  }
}

async function build(options: IngestOptions): Promise<IngestSummary> {
  const started = performance.now();
  const loaded = await chunkCorpus(options.corpusDir, options.chunker);
  const { errors } = loaded;

  let previous: LoadedIndex | undefined;
  let fullRebuildReason: string | undefined;
  let previousManifest: Manifest | undefined;
  try {
    previousManifest = await loadManifest(options.indexDir);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    fullRebuildReason = `the previous index could not be read (${error.message})`;
  }
  if (previousManifest !== undefined) {
    fullRebuildReason = incompatibility(previousManifest, options);
    if (fullRebuildReason === undefined) {
      try {
        previous = await loadIndex(options.indexDir, options.embedder);
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        fullRebuildReason = `the previous index could not be read (${error.message})`;
      }
    }
  }

  // A source that failed to load this time (a URL that is down) keeps what it had: its previous
  // chunks are carried over, so nothing already indexed is lost to a temporary failure.
  const carried =
    previous === undefined
      ? []
      : carriedSources(previous.manifest.sources, loaded.documents, errors);
  const carriedIds = new Set(carried.map((source) => source.source));
  const carriedChunks = previous?.chunks.filter((chunk) => carriedIds.has(chunk.source)) ?? [];
  const documents = loaded.documents;
  const chunksBySource = loaded.chunksBySource;
  const chunks = [...loaded.chunks, ...carriedChunks];
  // Empty or whitespace-only files would publish an index that can answer nothing.
  if (chunks.length === 0) throw new EmptyCorpusError(options.corpusDir, documents.length);

  const reusedVectors = new Map<string, number[]>();
  if (previous !== undefined) {
    for (const chunk of chunks) {
      const label = previous.labelById.get(chunk.id);
      if (label !== undefined && !reusedVectors.has(chunk.id)) {
        reusedVectors.set(chunk.id, previous.vectorIndex.vector(label));
      }
    }
  }
  const toEmbed = chunks.filter((chunk) => !reusedVectors.has(chunk.id));
  const unitPlan = planUnits(chunks, previous);
  const changes = countChanges(previous?.chunks ?? [], chunks, reusedVectors);
  const report = {
    ...changes,
    reused: chunks.length - toEmbed.length,
    embedded: toEmbed.length,
    embeddedUnits: unitPlan.toEmbed.length,
    chunkCount: chunks.length,
    documentCount: documents.length,
    ...(fullRebuildReason === undefined ? {} : { fullRebuildReason }),
    ...(errors.length === 0 ? {} : { sourceErrors: errors }),
    ...(loaded.flagged.length === 0
      ? {}
      : { flaggedInstructions: { count: loaded.flagged.length, lines: loaded.flagged } }),
  };
  if (previous !== undefined && fullRebuildReason === undefined && errors.length === 0) {
    if (sameBuild(previous, loaded, unitPlan.toEmbed.length, options)) {
      // Housekeeping still applies: `INDEX_KEEP=0 npm run ingest` leaves only the current version.
      if (!options.dryRun) {
        await prune(options.indexDir, previous.manifest.version, options.keepPrevious ?? 2);
      }
      return {
        ...report,
        durationMs: Math.round(performance.now() - started),
        version: previous.manifest.version,
        upToDate: true,
      };
    }
  }
  if (options.dryRun) {
    return {
      ...report,
      durationMs: Math.round(performance.now() - started),
      version: previous?.manifest.version ?? "(none)",
      dryRun: true,
    };
  }
  // Chunks and units go to the embedder in one pass, so progress covers the whole build.
  const embeddedVectors = await options.embedder.embedDocuments(
    [...toEmbed.map(indexText), ...unitPlan.toEmbed.map((unit) => unit.text)],
    options.onEmbedProgress === undefined ? {} : { onProgress: options.onEmbedProgress },
  );
  const vectorById = new Map(reusedVectors);
  toEmbed.forEach((chunk, position) => {
    const vector = embeddedVectors[position];
    if (vector !== undefined) vectorById.set(chunk.id, vector);
  });
  unitPlan.toEmbed.forEach((unit, position) => {
    const vector = embeddedVectors[toEmbed.length + position];
    if (vector !== undefined) unit.slot.vector = Float32Array.from(vector);
  });
  const units = unitPlan.complete(vectorById);

  const vectorIndex = HnswVectorIndex.create(
    options.embedder.dimensions,
    options.hnsw,
    chunks.length,
  );
  chunks.forEach((chunk, label) => {
    const vector = vectorById.get(chunk.id);
    if (vector === undefined) throw new Error(`no vector for chunk ${chunk.id}`);
    vectorIndex.add(label, vector);
  });
  const lexicalIndex = MiniSearchLexicalIndex.build(chunks);

  const builtAt = new Date();
  const contentHash = createHash("sha256")
    .update(chunks.map((chunk) => chunk.id).join("\n"))
    .digest("hex")
    .slice(0, 8);
  const stamp = builtAt
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d+Z$/, "Z");
  const manifest: Omit<Manifest, "files"> = {
    formatVersion: INDEX_FORMAT_VERSION,
    version: `v${stamp}-${contentHash}`,
    builtAt: builtAt.toISOString(),
    embedder: { id: options.embedder.id, dimensions: options.embedder.dimensions },
    chunker: { ...options.chunker },
    hnsw: { ...options.hnsw },
    lexical: { kind: lexicalIndex.kind },
    sources: [
      ...documents.map((document, position) => ({
        source: document.source,
        title: document.title,
        kind: document.kind,
        contentHash: document.contentHash,
        chunkCount: chunksBySource[position]?.length ?? 0,
        ...(document.entry === undefined ? {} : { entry: document.entry }),
      })),
      ...carried,
    ],
    chunkCount: chunks.length,
  };
  // Two builds within one second would share a version name: add a counter then.
  if (previous?.manifest.version === manifest.version) manifest.version += "-1";
  const version = await writeIndex(
    options.indexDir,
    { manifest, chunks, vectorIndex, lexicalIndex, units },
    options.keepPrevious === undefined ? {} : { keepPrevious: options.keepPrevious },
  );

  return { ...report, durationMs: Math.round(performance.now() - started), version };
}

type UnitSlot = { text: string; vector: Float32Array | undefined };

/**
 * Which quotable units need embedding: a unit the previous version embedded for the same chunk
 * is reused, and a chunk that is a single unit (a table row, a one-sentence passage) takes its
 * chunk vector. `complete` fills the rest in once the embedder is done.
 */
function planUnits(chunks: Chunk[], previous: LoadedIndex | undefined) {
  const slots = new Map<string, UnitSlot[]>();
  const toEmbed: Array<{ text: string; slot: UnitSlot }> = [];
  const single = new Set<string>();
  for (const chunk of chunks) {
    if (slots.has(chunk.id)) continue;
    const texts = quotableUnits(chunk).map((unit) => unit.text);
    const before = new Map(previous?.units.get(chunk.id)?.map((unit) => [unit.text, unit.vector]));
    const list = texts.map((text) => ({ text, vector: before.get(text) }));
    if (list.length === 1) single.add(chunk.id);
    else
      for (const slot of list)
        if (slot.vector === undefined) toEmbed.push({ text: slot.text, slot });
    slots.set(chunk.id, list);
  }
  return {
    toEmbed,
    complete(vectorById: Map<string, number[]>): UnitVectors {
      const units: UnitVectors = new Map();
      for (const [chunkId, list] of slots) {
        const chunkVector = vectorById.get(chunkId);
        units.set(
          chunkId,
          list.map((slot) => {
            const vector =
              single.has(chunkId) && chunkVector !== undefined
                ? Float32Array.from(chunkVector)
                : slot.vector;
            if (vector === undefined) throw new Error(`no vector for a unit of chunk ${chunkId}`);
            return { text: slot.text, vector };
          }),
        );
      }
      return units;
    },
  };
}

/**
 * Indexed sources that were not loaded this time because loading them failed (a URL that is down,
 * a glob that matches nothing): a build keeps their chunks, and a check cannot tell whether they
 * changed. A source that loaded fine but is no longer listed is not among them.
 */
function carriedSources(
  indexed: Manifest["sources"],
  documents: CorpusDocument[],
  errors: SourceLoadError[],
): Manifest["sources"] {
  const loaded = new Set(documents.map((document) => document.source));
  const failedSources = new Set(errors.map((error) => error.source));
  const loadedEntries = new Set(documents.map((document) => document.entry));
  const failedEntries = new Set(
    errors.map((error) => error.entry).filter((entry) => !loadedEntries.has(entry)),
  );
  return indexed.filter(
    (source) =>
      !loaded.has(source.source) &&
      (failedSources.has(source.source) ||
        (source.entry !== undefined && failedEntries.has(source.entry))),
  );
}

/** Chunk-level changes against the previous build (see IngestSummary). */
function countChanges(
  previousChunks: Chunk[],
  chunks: Chunk[],
  reused: Map<string, number[]>,
): { added: number; updated: number; removed: number } {
  const oldPlaces = placeKeys(previousChunks);
  const newPlaces = placeKeys(chunks);
  let added = 0;
  let updated = 0;
  for (const [place, id] of newPlaces) {
    if (reused.has(id)) continue;
    if (oldPlaces.has(place)) updated++;
    else added++;
  }
  let removed = 0;
  for (const place of oldPlaces.keys()) if (!newPlaces.has(place)) removed++;
  return { added, updated, removed };
}

/** What `checkIndex` found. */
export type IndexStatus = {
  /** True when the index no longer matches the corpus and settings (`ingest --check` exits 1). */
  stale: boolean;
  /** Why it is stale, one line each: `corpus/a.md changed`, `corpus/b.md was removed`… */
  reasons: string[];
  /**
   * Sources that could not be loaded (a URL that is unreachable or fails, a glob matching no
   * file), so whether they changed is unknown. Their indexed chunks are not counted as removed:
   * `ingest` keeps them too when loading fails. Absent when every source loaded.
   */
  unverified?: SourceLoadError[];
};

/** Whether the current index no longer matches the corpus and settings, and why. */
export async function checkIndex(
  options: Pick<IngestOptions, "corpusDir" | "indexDir" | "embedder" | "chunker">,
): Promise<IndexStatus> {
  let manifest: Manifest | undefined;
  try {
    manifest = await loadManifest(options.indexDir);
  } catch (error) {
    // An index of an older format is stale, not broken: `ingest` replaces it.
    if (error instanceof IndexOutdatedError) return { stale: true, reasons: [error.message] };
    throw error;
  }
  if (manifest === undefined) return { stale: true, reasons: [`no index in ${options.indexDir}`] };
  const reasons: string[] = [];
  const reason = incompatibility(manifest, { ...options, hnsw: manifest.hnsw });
  if (reason !== undefined) reasons.push(reason);
  if (!(await hasUnitVectors(path.join(options.indexDir, manifest.version)))) {
    reasons.push("the index has no embedded sentences (built by an older version)");
  }
  const { documents, errors } = await loadSources(options.corpusDir);
  const indexed = new Map(manifest.sources.map((source) => [source.source, source.contentHash]));
  for (const document of documents) {
    const hash = indexed.get(document.source);
    if (hash === undefined) reasons.push(`${document.source} is new`);
    else if (hash !== document.contentHash) reasons.push(`${document.source} changed`);
    indexed.delete(document.source);
  }
  for (const source of carriedSources(manifest.sources, documents, errors)) {
    indexed.delete(source.source);
  }
  for (const source of indexed.keys()) reasons.push(`${source} was removed`);
  return {
    stale: reasons.length > 0,
    reasons,
    ...(errors.length === 0 ? {} : { unverified: errors }),
  };
}
