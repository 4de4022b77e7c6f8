/**
 * What makes the pipeline's outputs different: its code. A hash of the files under some
 * folders, each named by its path from the checkout's root, so the same code hashes the
 * same wherever it is checked out (a CI job's workspace, a moved folder), and any file's
 * change, addition, removal or rename, data files included, changes it.
 */
import { createHash } from "node:crypto";
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";

/** The hash of every file under `paths` (files or folders, from `root`), then of `extra`. */
export function filesHash(root: string, paths: string[], extra = ""): string {
  const hash = createHash("sha256");
  const add = (path: string) => {
    if (statSync(path).isDirectory()) for (const name of readdirSync(path).sort()) add(join(path, name));
    else hash.update(relative(root, path).split(sep).join("/")).update(readFileSync(path));
  };
  for (const path of paths) add(join(root, path));
  return hash.update(extra).digest("hex");
}
