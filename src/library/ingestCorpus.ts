/**
 * A folder's worth of raw circulars → models, with corpus-wide id uniqueness.
 * Bad files are reported and skipped; the rest go on.
 */
import { Circular, validateModel, type IngestError, type Result, type Warning } from "../model/circular.ts";
import { parseSource } from "../ingest/parse.ts";

export interface SourceFile {
  /** Path as it should appear in messages. */
  file: string;
  /** The source's identity: its path inside the source folder (the id is derived from it). */
  key: string;
  bytes: Uint8Array;
}

export interface CorpusResult {
  models: Circular[];
  errors: IngestError[];
  /** Corpus-level notes: duplicates, id collisions. */
  notices: string[];
}

/** Makes ids unique: a second file with the same id gets "-2", "-3" … in file order. */
export function assignUniqueIds(models: Circular[]): { models: Circular[]; notices: string[] } {
  const notices: string[] = [];
  const byId = new Map<string, Circular>();
  const out: Circular[] = [];
  for (const m of models) {
    const first = byId.get(m.id);
    if (!first) {
      byId.set(m.id, m);
      out.push(m);
      continue;
    }
    if (first.source.sha256 === m.source.sha256) {
      notices.push(`${m.source.file}: same bytes as ${first.source.file}; skipped as a duplicate`);
      continue;
    }
    let k = 2;
    while (byId.has(`${m.id}-${k}`)) k++;
    const id = `${m.id}-${k}`;
    const warning: Warning = { line: null, message: `编号 ${m.id} 已由 ${first.source.file} 使用，此件编为 ${id}` };
    const renamed = { ...m, id, warnings: [...m.warnings, warning] };
    notices.push(`${m.source.file}: ${warning.message}`);
    byId.set(id, renamed);
    out.push(renamed);
  }
  return { models: out, notices };
}

/** Turns one source file into a model (parsePool.ts runs it on every core). */
export type ParseSource = (f: SourceFile) => Promise<Result<Circular>>;

/**
 * One source parsed, its model checked against the schema where it is made (in the parse pool,
 * on every core): the stages after ingest then check only model files that are not as ingest
 * left them (store.ts).
 */
export const parseChecked = (f: Pick<SourceFile, "bytes" | "file" | "key">): Promise<Result<Circular>> =>
  parseSource(f.bytes, f.file, { sourceKey: f.key }).then((r) => (r.ok ? validateModel(Circular, r.value, f.file) : r));

const parseInProcess: ParseSource = parseChecked;

/**
 * `reuse` returns a stored model for a file that has not changed; `correct` applies an
 * editor's corrections to a freshly parsed one (its errors name the correction's file);
 * `parse` may run files concurrently — results keep the files' order whatever order they
 * finish in; `onParsed` is told of each file done (for progress).
 */
export async function ingestCorpus(
  files: SourceFile[],
  reuse?: (f: SourceFile) => Circular | null,
  correct: (m: Circular) => Result<Circular> = (m) => ({ ok: true, value: m }),
  options: { parse?: ParseSource; onParsed?: () => void } = {},
): Promise<CorpusResult> {
  const sorted = [...files].sort((a, b) => a.file.localeCompare(b.file));
  const one = async (f: SourceFile): Promise<Result<Circular>> => {
    const cached = reuse?.(f);
    const r = cached
      ? { ok: true as const, value: cached }
      : await (options.parse ?? parseInProcess)(f).then((p) => (p.ok ? correct(p.value) : p));
    options.onParsed?.();
    return r;
  };
  // A pool bounds its own concurrency; in this thread, one file at a time keeps memory flat.
  const results: Array<Result<Circular>> = [];
  if (options.parse) results.push(...(await Promise.all(sorted.map(one))));
  else for (const f of sorted) results.push(await one(f));
  const parsed: Circular[] = [];
  const errors: IngestError[] = [];
  for (const r of results) {
    if (r.ok) parsed.push(r.value);
    else errors.push(r.error);
  }
  const { models, notices } = assignUniqueIds(parsed);
  return { models, errors, notices };
}
