/**
 * A folder's worth of raw circulars → models, with corpus-wide id uniqueness.
 * Bad files are reported and skipped; the rest go on.
 */
import type { Circular, IngestError, Result, Warning } from "../model/circular.ts";
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

/**
 * `reuse` returns a stored model for a file that has not changed; `correct` applies an
 * editor's corrections to a freshly parsed one (its errors name the correction's file).
 */
export async function ingestCorpus(files: SourceFile[], reuse?: (f: SourceFile) => Circular | null, correct: (m: Circular) => Result<Circular> = (m) => ({ ok: true, value: m })): Promise<CorpusResult> {
  const parsed: Circular[] = [];
  const errors: IngestError[] = [];
  for (const f of [...files].sort((a, b) => a.file.localeCompare(b.file))) {
    const cached = reuse?.(f);
    if (cached) {
      parsed.push(cached);
      continue;
    }
    const r = await parseSource(f.bytes, f.file, { sourceKey: f.key });
    const corrected = r.ok ? correct(r.value) : r;
    if (corrected.ok) parsed.push(corrected.value);
    else errors.push(corrected.error);
  }
  const { models, notices } = assignUniqueIds(parsed);
  return { models, errors, notices };
}
