/** The bundled library parsed once per test worker (the unit project shares modules between files). */
import { parseFolder } from "../src/library/parseFolder.ts";
import type { Circular } from "../src/model/circular.ts";
import { SOURCES } from "./helpers.ts";

let parsed: Promise<Map<string, Circular>> | null = null;

export function bundledLibrary(): Promise<Map<string, Circular>> {
  return (parsed ??= parseFolder(SOURCES));
}
