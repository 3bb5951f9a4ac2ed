// A progress bar on stderr, only when stderr is a terminal.
import cliProgress from 'cli-progress';

export type ProgressFn = (step: string, done: number, total: number) => void;

export interface Progress {
  update: ProgressFn;
  stop(): void;
}

export function terminalProgress(stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!stream.isTTY) return { update: () => undefined, stop: () => undefined };
  const bar = new cliProgress.SingleBar(
    { stream, format: 'loading [{bar}] {value}/{total} {step}', hideCursor: true, clearOnComplete: true },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update(step, done, total) {
      if (!started) {
        bar.start(total, done, { step });
        started = true;
      } else bar.update(done, { step });
    },
    stop() {
      if (started) bar.stop();
    },
  };
}
