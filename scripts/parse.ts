/**
 * `npm run --silent parse -- FILE`: the document model of one source file (text, saved page, .docx, .pdf, .ofd) as
 * JSON.
 */
import { readFileSync } from "node:fs";
import { formatError } from "../src/model/circular.ts";
import { parseSource } from "../src/ingest/parse.ts";

const file = process.argv[2];
if (!file) {
  console.error("usage: npm run --silent parse -- FILE");
  process.exit(2);
}
let bytes: Buffer;
try {
  bytes = readFileSync(file);
} catch (e) {
  console.error(`${file}:0: cannot read file: ${(e as Error).message}`);
  process.exit(1);
}
const result = await parseSource(bytes, file);
if (!result.ok) {
  console.error(formatError(result.error));
  process.exit(1);
}
process.stdout.write(JSON.stringify(result.value, null, 2) + "\n");
