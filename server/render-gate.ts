/**
 * At most `limit` page renders at once; the others wait their turn in arrival order.
 *
 * Why: the server is one Node process, and a render's work runs in synchronous slices between
 * its awaits. With 10 signed-in readers rendering at once, every await of a save (reading the
 * form, the session, each statement of the transaction, the redirect) queued behind a slice of
 * each of the 10 renders, and saves took p50 840 to 1,409 ms against 84 to 272 ms behind a gate of
 * 4 (bench/NOTES.md, "Round 4: CPU"). Behind the gate a save waits for the slices of a few renders
 * only; the renders take the same CPU, in the same order of arrival.
 *
 * A slot is given back when the response closes, when the handler settles, or after `maxHoldMs`,
 * whichever is first.
 */
export class RenderGate {
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  /**
   * @param maxHoldMs after this a render gives its slot back even if it has not finished: a
   *   reader who stops reading a long page keeps Next's handler waiting on the socket, and four
   *   such readers must not stop every other page from rendering.
   */
  constructor(
    readonly limit: number,
    readonly maxHoldMs: number = Number.POSITIVE_INFINITY,
  ) {
    if (!Number.isInteger(limit) || limit < 1) {
      throw new Error(`a render gate needs a limit of at least 1, not ${limit}`);
    }
    if (!(maxHoldMs > 0)) throw new Error(`a render gate needs a positive hold, not ${maxHoldMs}`);
  }

  /** Renders running now. */
  get running(): number {
    return this.active;
  }

  /** Renders waiting for a slot. */
  get queued(): number {
    return this.waiting.length;
  }

  /**
   * Runs `render` once a slot is free. `closed` registers the callback that frees the slot when
   * the response closes (an aborted request frees it too).
   */
  async run<T>(render: () => Promise<T>, closed: (release: () => void) => void): Promise<T> {
    if (this.active < this.limit) this.active++;
    // A finished render hands its slot straight to the next in line (release), so a request
    // arriving between the two cannot take it and exceed the limit.
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      const next = this.waiting.shift();
      if (next) next();
      else this.active--;
    };
    closed(release);
    const held = Number.isFinite(this.maxHoldMs) ? setTimeout(release, this.maxHoldMs) : undefined;
    try {
      return await render();
    } finally {
      clearTimeout(held);
      release();
    }
  }
}
