/**
 * Lets one waiting turn start per event-loop iteration. Under load Node accepts only about one new
 * connection per loop iteration; when a single iteration runs every ready request's turn to completion
 * (a turn on memory storage never yields), an iteration lasts as long as all of them together and a new
 * connection waits in the kernel's accept queue for seconds (measured: first turns of new conversations at
 * p99 11 s while later turns took 1.6 s). Starting one turn per iteration keeps iterations short, so new
 * connections are accepted at the rate turns finish and queue behind the others fairly.
 */
export function createTurnGate(): () => Promise<void> {
  const waiting: Array<() => void> = [];
  let scheduled = false;
  const pump = () => {
    scheduled = false;
    waiting.shift()?.();
    if (waiting.length) schedule();
  };
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    setImmediate(pump);
  };
  return () =>
    new Promise<void>((resolve) => {
      waiting.push(resolve);
      schedule();
    });
}
