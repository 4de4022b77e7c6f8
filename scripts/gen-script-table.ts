/**
 * `npm run gen:script-table`: writes src/text/data/t2s.json, the traditional → simplified
 * character table, and t2s-common.json, its entries inside GB2312, from OpenCC's dictionaries (src/text/scriptTableSource.ts). A unit test
 * fails when the committed table and the dictionaries disagree.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "../src/config/paths.ts";
import { SCRIPT_TABLE_FILES, deriveScriptTable } from "../src/text/scriptTableSource.ts";

const derived = deriveScriptTable();
for (const part of ["table", "common"] as const) {
  writeFileSync(join(ROOT, SCRIPT_TABLE_FILES[part]), JSON.stringify(derived[part]) + "\n");
  console.log(`${SCRIPT_TABLE_FILES[part]}: ${[...derived[part].from].length} pairs`);
}
