/**
 * Runs `pass` now, then again `everyMs` after each pass ends, until stopped. A failing pass is
 * reported and the next one runs as usual. Stopping waits for a pass under way.
 */
export function repeatEvery(everyMs: number, pass: () => Promise<void>, onError: (error: unknown) => void): () => Promise<void> {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const tick = () => {
    running = pass()
      .catch(onError)
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, everyMs);
      });
  };
  tick();
  return async () => {
    stopped = true;
    clearTimeout(timer);
    await running;
  };
}
