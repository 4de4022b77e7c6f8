/**
 * Progress of a long stage (ingest, search index …). On a terminal: a live bar with
 * done/total, rate and time left (cli-progress). Elsewhere (CI, a log file): nothing while
 * it runs, then one summary line, so logs stay readable.
 */
import cliProgress from "cli-progress";

export interface Progress {
  /** `n` more items done. */
  tick(n?: number): void;
  /** Stops the bar and prints the stage's summary line. */
  done(): void;
}

export interface ProgressOptions {
  /** Where the bar and the summary go (stderr by default: stdout may be data). */
  stream?: NodeJS.WriteStream;
  /** Unit shown after the count ("files", "pages"). */
  unit?: string;
}

/** "ingest: 10000/10000 files in 24.3 s (411/s)". */
export function summaryLine(stage: string, done: number, total: number, ms: number, unit: string): string {
  const seconds = ms / 1000;
  const rate = seconds > 0 ? Math.round(done / seconds) : done;
  return `${stage}: ${done}/${total} ${unit} in ${seconds.toFixed(1)} s (${rate}/s)`;
}

export function progress(stage: string, total: number, options: ProgressOptions = {}): Progress {
  const stream = options.stream ?? process.stderr;
  const unit = options.unit ?? "items";
  const started = Date.now();
  let done = 0;
  const bar = stream.isTTY
    ? new cliProgress.SingleBar(
        {
          stream,
          format: `${stage} [{bar}] {value}/{total} ${unit} · {rate}/s · {eta_formatted} left`,
          hideCursor: true,
          clearOnComplete: true,
          etaBuffer: 50,
        },
        cliProgress.Presets.shades_classic,
      )
    : null;
  bar?.start(total, 0, { rate: 0 });
  return {
    tick(n = 1) {
      done += n;
      const seconds = (Date.now() - started) / 1000;
      bar?.update(done, { rate: seconds > 0 ? Math.round(done / seconds) : 0 });
    },
    done() {
      bar?.stop();
      stream.write(summaryLine(stage, done, total, Date.now() - started, unit) + "\n");
    },
  };
}

/** A progress whose total is known only when the work starts: made at the first tick. */
export function progressOnceKnown(
  stage: string,
  options: ProgressOptions = {},
): { tick(total: number): void; done(): void } {
  let bar: Progress | null = null;
  return {
    tick(total) {
      (bar ??= progress(stage, total, options)).tick();
    },
    done() {
      bar?.done();
    },
  };
}
