/**
 * `npm run ingest [-- --strict]`: raw circulars (CORPUS=DIR, else content/sources) →
 * content/models/<id>.json and content/circulars/<id>.mdx. Incremental: a file whose
 * bytes and the pipeline's code are unchanged is not parsed again, and an output whose
 * content is unchanged is not rewritten. Bad files are reported as file:line and skipped;
 * --strict makes any of them fatal. Editors' corrections (content/overrides/<id>.yaml) are
 * applied to the models; a bad correction file fails the run.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { Circular, formatError, validateModel, type IngestError } from "../src/model/circular.ts";
import { applyOverride, readOverride, type LoadedOverride } from "../src/library/overrides.ts";
import { circularId } from "../src/ingest/parse.ts";
import { ingestCorpus, type SourceFile } from "../src/library/ingestCorpus.ts";
import { createParser } from "../src/library/parsePool.ts";
import { progress } from "../src/bench/progress.ts";
import { renderMdx } from "../src/mdx/render.ts";
import { MANIFEST, MDX_DIR, MODELS_DIR, OVERRIDES_DIR, ROOT, corpusDir } from "../src/config/paths.ts";
import { type Manifest, lazyStoredModel, readManifest, storedModel, writeManifest } from "../src/library/store.ts";
import { asRecorded, fileRecord, readUtf8 } from "../src/library/files.ts";
import { filesHash } from "../src/library/codeHash.ts";

const strict = process.argv.includes("--strict");
const dir = corpusDir();

/** Every file below `d`, but hidden ones and the folder's own README. */
function listFiles(d: string): string[] {
  return readdirSync(d, { withFileTypes: true }).flatMap((e) => {
    // A folder's README and its labels (labels.json: hand-read facts for `npm run accuracy`) are not documents.
    if (e.name.startsWith(".") || /^readme(\.(md|txt))?$/i.test(e.name) || /\.json$/i.test(e.name)) return [];
    const p = join(d, e.name);
    return e.isDirectory() ? listFiles(p) : e.isFile() ? [p] : [];
  });
}

/** Hash of the code that turns a source into outputs (its data files too): a change re-parses everything. */
const pipelineHash = (): string =>
  filesHash(ROOT, [
    "src/text",
    "src/ingest",
    "src/model",
    "src/mdx",
    "src/config",
    "src/library/ingestCorpus.ts",
    "src/library/overrides.ts",
  ]);

function writeIfChanged(path: string, content: string): boolean {
  if (existsSync(path) && readUtf8(path) === content) return false;
  writeFileSync(path, content);
  return true;
}

if (!existsSync(dir)) {
  console.error(`${dir}:0: corpus folder does not exist`);
  process.exit(1);
}
mkdirSync(MDX_DIR, { recursive: true });
mkdirSync(MODELS_DIR, { recursive: true });
const pipeline = pipelineHash();
const previous = readManifest();
const sha = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");

const files: SourceFile[] = listFiles(dir).map((p) => ({
  file: relative(process.cwd(), p) || p,
  key: relative(dir, p).split("\\").join("/"),
  bytes: readFileSync(p),
}));

// Editors' corrections, by the id of the document each corrects. A bad one fails the run.
const overrides = new Map<string, LoadedOverride & { hash: string }>();
const overrideErrors: IngestError[] = [];
for (const name of existsSync(OVERRIDES_DIR)
  ? readdirSync(OVERRIDES_DIR)
      .filter((f) => /\.ya?ml$/.test(f))
      .sort()
  : []) {
  const path = join(OVERRIDES_DIR, name);
  const text = readUtf8(path);
  const r = readOverride(text, relative(ROOT, path));
  if (r.ok) overrides.set(name.replace(/\.ya?ml$/, ""), { ...r.value, hash: sha(Buffer.from(text)) });
  else overrideErrors.push(r.error);
}
const knownIds = new Set(files.map((f) => circularId(f.key)));
for (const [id, o] of overrides)
  if (!knownIds.has(id))
    overrideErrors.push({
      file: o.file,
      line: 1,
      message: `no document with id ${id} in ${relative(ROOT, dir) || dir}`,
    });

/** The stored model of a file whose bytes, correction and pipeline are as last time. */
const storedModelPath = (f: SourceFile): string | null => {
  const before = previous.files[f.file];
  const modelPath = before && join(MODELS_DIR, `${before.id}.json`);
  const override = overrides.get(before?.id ?? "")?.hash ?? null;
  return previous.pipeline === pipeline &&
    before &&
    before.sha256 === sha(f.bytes) &&
    (before.override ?? null) === override &&
    existsSync(modelPath!)
    ? modelPath!
    : null;
};
const toParse = files.filter((f) => !storedModelPath(f)).length;
const parser = createParser(toParse);
const bar = progress("ingest", files.length, { unit: "files" });
// Models read back from their own files: written by this pipeline from the same source, so
// their JSON and MDX are as stored (unless a file is missing, or a model was renamed below).
// A file as ingest left it is not even read (lazyStoredModel); another is read and checked.
const reused = new Set<Circular>();
const { models, errors, notices } = await ingestCorpus(
  files,
  (f) => {
    const modelPath = storedModelPath(f);
    if (!modelPath) return null;
    const before = previous.files[f.file]!;
    const stored = asRecorded(modelPath, before.model)
      ? lazyStoredModel({ id: before.id, date: before.date ?? null, source: { file: f.file, sha256: before.sha256 } })
      : storedModel(before.id);
    if (stored) reused.add(stored);
    return stored;
  },
  (m) => {
    // A corrected model is checked again (a parsed one was, where it was parsed).
    const o = overrides.get(m.id);
    if (!o) return { ok: true, value: m };
    const r = applyOverride(m, o);
    return r.ok ? validateModel(Circular, r.value, o.file) : r;
  },
  { parse: parser?.parse, onParsed: () => bar.tick() },
);
await parser?.close();
bar.done();

const written: string[] = [];
const keep = new Set<string>();
for (const m of models) {
  const [jsonPath, mdxPath] = [join(MODELS_DIR, `${m.id}.json`), join(MDX_DIR, `${m.id}.mdx`)];
  keep.add(`${m.id}.json`).add(`${m.id}.mdx`);
  if (reused.has(m) && existsSync(jsonPath) && existsSync(mdxPath)) continue;
  const a = writeIfChanged(jsonPath, JSON.stringify(m, null, 1) + "\n");
  const b = writeIfChanged(mdxPath, renderMdx(m));
  if (a || b) written.push(m.id);
}
let removed = 0;
for (const d of [MODELS_DIR, MDX_DIR]) {
  for (const f of readdirSync(d)) {
    if (!f.startsWith(".") && !keep.has(f)) {
      rmSync(join(d, f));
      removed++;
    }
  }
}
const manifest: Manifest = {
  pipeline,
  files: Object.fromEntries(
    models.map((m) => [
      m.source.file,
      {
        sha256: m.source.sha256,
        id: m.id,
        date: m.date,
        override: overrides.get(m.id)?.hash ?? null,
        model: fileRecord(join(MODELS_DIR, `${m.id}.json`)),
      },
    ]),
  ),
};
writeManifest(manifest);

for (const e of [...overrideErrors, ...errors]) console.error(formatError(e));
for (const n of notices) console.error(`notice: ${n}`);
console.log(
  `ingest: ${models.length} circulars from ${relative(ROOT, dir) || dir}; ${written.length} ` +
    `written${written.length && written.length <= 10 ? ` (${written.join(", ")})` : ""}, ` +
    `${models.length - written.length} unchanged, ${reused.size} not re-parsed,` +
    ` ${removed} stale files removed; ${errors.length} bad files skipped`,
);
if (overrideErrors.length > 0 || (errors.length > 0 && (strict || models.length === 0))) process.exit(1);
