/**
 * The keys with the whole traditional → simplified table: what the pipeline (ingest,
 * corpus, search index, similarity) uses. The browser builds the same keys through
 * script.ts, loading the table only when a query needs it.
 */
import table from "./data/t2s.json" with { type: "json" };
import { createKeys } from "./normalize.ts";
import { tableFold, type ScriptTable } from "./script.ts";

export const SCRIPT_TABLE: ScriptTable = table;

export const { lineKey, compactKey, phraseKey, fold: toSimplified } = createKeys(tableFold(SCRIPT_TABLE));
