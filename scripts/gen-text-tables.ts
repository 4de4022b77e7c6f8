/**
 * `npm run gen:text-tables`: writes the character tables of the text layer (src/text/data):
 * traditional → simplified from OpenCC's dictionaries, and radicals → unified ideographs from
 * Unicode's data (src/text/tableSources.ts). A unit test fails when they are stale.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "../src/config/paths.ts";
import { TABLE_FILES, deriveRadicalTable, deriveScriptTable } from "../src/text/tableSources.ts";

const tables = { ...deriveScriptTable(), radicals: deriveRadicalTable() };
for (const part of ["table", "common", "radicals"] as const) {
  writeFileSync(join(ROOT, TABLE_FILES[part]), JSON.stringify(tables[part]) + "\n");
  console.log(`${TABLE_FILES[part]}: ${[...tables[part].from].length} pairs`);
}
