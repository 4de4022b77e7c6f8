import { it } from "vitest";
import { buildCorpusIndex } from "../../src/corpus/index.ts";
import { phraseKey } from "../../src/text/keys.ts";
import { buildPhraseIndex } from "../../src/search/buildIndex.ts";
import { PhraseQuery } from "../../src/search/phrase.ts";
import { parseOk, seedBytes, seedFiles } from "../helpers.ts";
it("dbg", async () => {
  const models = seedFiles().map((f) => parseOk(seedBytes(f), f));
  const corpus = buildCorpusIndex(models);
  const files = new Map<string, string>();
  const meta = buildPhraseIndex(corpus, (id) => id, [], (d) => models.find((m) => m.id === d.id)!, (p, c) => files.set(p, c), { pageBytes: 40, shardBytes: 2000 });
  const read: string[] = [];
  const load = async (p: string) => { read.push(p); return JSON.parse(files.get(p) ?? "{}"); };
  const q = (await PhraseQuery.open([phraseKey("安全")], meta, load as never))!;
  console.log(meta, read);
  const it = q.hits("date-desc"); console.log(await it.next(), read);
  for (const [k, v] of files) if (k.startsWith("bi/") && !k.includes("/p/") && v.includes('"安全"')) console.log(k, JSON.parse(v)["安全"]);
});
