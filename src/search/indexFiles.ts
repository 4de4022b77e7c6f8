/**
 * The contracts of the phrase index's files (phrase.ts) where the pipeline reads them again:
 * a merge of shards (national.ts) reads what other machines built. A file of another shape
 * (another version of the index, a partial upload) fails with the shard and the file named,
 * instead of as a wrong national index (read with the library's parseJson). The browser
 * reads the same files unchecked: it reads them from the site that wrote them. These live
 * beside the index rather than in src/library/, which sits below the search layer and
 * cannot name its types.
 */
import { z } from "zod";
import type { PhraseDoc, PhraseFacets, PhraseMeta, TextChunk } from "./phrase.ts";

const count = z.number().int().nonnegative();

export const PhraseMetaFile: z.ZodType<PhraseMeta> = z.object({
  version: z.literal(4),
  docs: count,
  shards: z.object({ huni: count, hbi: count, htri: count, uni: count, bi: count, tri: count }),
  pagefindBundles: z.array(z.string()),
  peers: z.array(z.string()).optional(),
  provinces: z.array(z.string()).optional(),
  pagefindShards: z.array(z.object({ base: z.string(), bundles: z.array(z.string()) })).optional(),
  patch: z.object({ hidden: z.array(count) }).optional(),
});

/** A circular of unknown place has no level: its level's place in `levels` is -1 (buildIndex.ts). */
const levelAt = z.number().int().min(-1);

export const PhraseFacetsFile: z.ZodType<PhraseFacets> = z.object({
  facets: z.array(z.tuple([count, levelAt, count, count, count, count])),
  provinces: z.array(z.string()),
  levels: z.array(z.string()),
  genres: z.array(z.string()),
  topics: z.array(z.string()),
  validities: z.array(z.string()),
});

export const PhraseDocFile: z.ZodType<PhraseDoc> = z.object({
  id: z.string(),
  url: z.string(),
  title: z.string(),
  docNumber: z.string().nullable(),
  date: z.string().nullable(),
  place: z.string(),
  validity: z.string(),
  header: z.string(),
  anchors: z.array(z.string()),
  labels: z.array(z.string()),
  chunks: z.array(count),
});

export const TextChunkFile: z.ZodType<TextChunk> = z.array(z.tuple([z.string(), z.string(), z.string()]));

/** Circulars (by number) of each department (departments.json). */
export const DepartmentsFile = z.record(z.string(), z.array(count));

/** The last full phrase index, which incremental builds patch (patch.ts IndexBase), and the circulars of its patch. */
export const IndexBaseFile = z.object({
  meta: PhraseMetaFile,
  /** Its circulars by number. */
  ids: z.array(z.string()),
  /** What each circular's entry was made from (the build's key of its source and facts): equal keys, equal entries. */
  keys: z.array(z.string()),
  /** The circulars of the last patch written over it. */
  patched: z.array(z.string()),
});
export type IndexBaseFile = z.infer<typeof IndexBaseFile>;
