/**
 * `npm run bench:probe [-- DIR]`: the bench's machine probe alone (src/bench/probe.ts), its files in DIR (the
 * project's bench-out/ by default), as one JSON line. Run it before a bench: a files figure far above the quiet one
 * (0.13 s on this machine) says the file system is still slow from a large deletion.
 */
import { join, resolve } from "node:path";
import { ROOT } from "../src/config/paths.ts";
import { machineProbe } from "../src/bench/probe.ts";

console.log(JSON.stringify({ stage: "probe", ...machineProbe(resolve(process.argv[2] ?? join(ROOT, "bench-out"))) }));
