// Terminal progress for long runs (seeding 100,000 patients): on a terminal one line that updates in
// place with count, total, percentage, rate and time left; in a log (CI, a pipe) a line every 10 %.
// Written to stderr, so stdout stays clean. Dutch, like the rest of Keten's terminal output.

/** What seedDemo reports: once after the fixed region, then after every batch of patients. */
export type SeedProgress =
  | { phase: 'region'; created: boolean }
  | { phase: 'patients'; done: number; total: number; alreadyPresent: number };

export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean;
}

export interface ProgressOptions {
  /** Default process.stderr. */
  stream?: ProgressStream;
  /** Redraw one line in place; default: the stream's isTTY. */
  interactive?: boolean;
  /** Milliseconds clock (for tests). */
  now?: () => number;
  /** Minimum time between two terminal redraws. */
  redrawMs?: number;
}

export interface ProgressLine {
  /** `done` of the total finished. */
  update(done: number): void;
  /** Ends the line (on a terminal) and prints the last state if it was not printed yet. Idempotent. */
  finish(): void;
}

export type SeedProgressReporter = ((progress: SeedProgress) => void) & { finish(): void };

const numberFormat = new Intl.NumberFormat('nl-NL');
const count = (value: number) => numberFormat.format(value);

/**
 * An `onProgress` for seedDemo: `seedDemo(db, { …, onProgress: createProgressReporter('Demo-patiënten') })`.
 * Says when it created the demo region; shows a progress line only when there are patients to add.
 */
export function createProgressReporter(label: string, options: ProgressOptions = {}): SeedProgressReporter {
  const stream = options.stream ?? process.stderr;
  let line: ProgressLine | undefined;
  const report = (progress: SeedProgress) => {
    if (progress.phase === 'region') {
      if (progress.created) stream.write('Demoregio aangemaakt: organisaties, demo-accounts en vaste patiënten.\n');
      return;
    }
    if (!line) {
      if (progress.total === 0) return;
      const present = progress.alreadyPresent > 0 ? ` (${count(progress.alreadyPresent)} al aanwezig)` : '';
      line = createProgressLine(`${label} toevoegen${present}`, progress.total, { ...options, stream });
    }
    line.update(progress.done);
    if (progress.done >= progress.total) line.finish();
  };
  return Object.assign(report, { finish: () => line?.finish() });
}

export function createProgressLine(label: string, total: number, options: ProgressOptions = {}): ProgressLine {
  const stream = options.stream ?? process.stderr;
  const interactive = options.interactive ?? Boolean(stream.isTTY);
  const now = options.now ?? (() => performance.now());
  const redrawMs = options.redrawMs ?? 100;
  const started = now();
  let lastDrawn = Number.NEGATIVE_INFINITY;
  let printedDecile = 0;
  let lastDone = -1;
  let printedDone = -1;
  let finished = false;

  const text = (done: number): string => {
    const elapsed = (now() - started) / 1000;
    const rate = elapsed > 0 ? done / elapsed : 0;
    const percent = total > 0 ? Math.floor((done / total) * 100) : 100;
    const speed = rate > 0 ? ` · ${count(Math.round(rate))}/s` : '';
    const eta = rate > 0 && done < total ? ` · nog ${formatDuration(((total - done) / rate) * 1000)}` : '';
    const took = done >= total ? ` · ${formatDuration(elapsed * 1000)}` : '';
    return `${label}: ${count(done)}/${count(total)} (${percent} %)${speed}${eta}${took}`;
  };
  const print = (done: number) => {
    printedDone = done;
    stream.write(interactive ? `\r\x1b[2K${text(done)}` : `${text(done)}\n`);
  };

  return {
    update(done) {
      if (finished) return;
      lastDone = done;
      if (interactive) {
        const time = now();
        if (time - lastDrawn < redrawMs && done < total) return;
        lastDrawn = time;
        print(done);
        return;
      }
      const decile = total > 0 ? Math.floor((done / total) * 10) : 10;
      if (decile > printedDecile) {
        printedDecile = decile;
        print(done);
      }
    },
    finish() {
      if (finished) return;
      finished = true;
      if (lastDone >= 0 && printedDone !== lastDone) print(lastDone);
      if (interactive && printedDone >= 0) stream.write('\n');
    },
  };
}

/** 75_000 → "1:15", 3_725_000 → "1:02:05". */
export function formatDuration(ms: number): string {
  const totalSeconds = Math.max(0, Math.round(ms / 1000));
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = String(totalSeconds % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
}
