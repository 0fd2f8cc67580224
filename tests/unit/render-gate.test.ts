import { describe, expect, it } from "vitest";
import { RenderGate } from "@/server/render-gate";

/** A render that runs until `finish` is called, recording when it started. */
function pendingRender(log: string[], name: string) {
  let finish = () => {};
  const done = new Promise<void>((resolve) => {
    finish = resolve;
  });
  return {
    render: async () => {
      log.push(`start ${name}`);
      await done;
      log.push(`end ${name}`);
      return name;
    },
    finish: () => finish(),
  };
}

const flush = () => new Promise((resolve) => setImmediate(resolve));
const never = () => {};

describe("RenderGate", () => {
  it("runs at most `limit` renders at once and starts the others in arrival order", async () => {
    const gate = new RenderGate(2);
    const log: string[] = [];
    const renders = ["a", "b", "c", "d"].map((name) => pendingRender(log, name));
    const results = renders.map((r) => gate.run(r.render, never));
    await flush();
    expect(log).toEqual(["start a", "start b"]);
    expect([gate.running, gate.queued]).toEqual([2, 2]);

    renders[1]?.finish();
    await flush();
    expect(log).toEqual(["start a", "start b", "end b", "start c"]);
    expect([gate.running, gate.queued]).toEqual([2, 1]);

    renders[0]?.finish();
    renders[2]?.finish();
    await flush();
    renders[3]?.finish();
    expect(await Promise.all(results)).toEqual(["a", "b", "c", "d"]);
    expect([gate.running, gate.queued]).toEqual([0, 0]);
  });

  it("gives the slot back when the response closes, before the render settles", async () => {
    const gate = new RenderGate(1);
    const log: string[] = [];
    const slow = pendingRender(log, "slow");
    let closeResponse = () => {};
    void gate.run(slow.render, (release) => {
      closeResponse = release;
    });
    const next = gate.run(async () => "next", never);
    await flush();
    expect(gate.queued).toBe(1);
    closeResponse();
    expect(await next).toBe("next");
    // The slow render settling afterwards does not free a second slot.
    slow.finish();
    await flush();
    expect([gate.running, gate.queued]).toEqual([0, 0]);
  });

  it("frees the slot of a render that fails", async () => {
    const gate = new RenderGate(1);
    await expect(
      gate.run(async () => {
        throw new Error("render failed");
      }, never),
    ).rejects.toThrow("render failed");
    expect(await gate.run(async () => "after", never)).toBe("after");
  });

  it("refuses a limit below one", () => {
    expect(() => new RenderGate(0)).toThrow("a render gate needs a limit of at least 1, not 0");
  });
});

describe("RenderGate's hold limit", () => {
  it("gives a slot back after maxHoldMs when the render neither ends nor closes", async () => {
    const gate = new RenderGate(1, 50);
    const log: string[] = [];
    const stalled = pendingRender(log, "stalled");
    const first = gate.run(stalled.render, never);
    const next = gate.run(async () => "next", never);
    await flush();
    expect(gate.queued).toBe(1);
    // The stalled render still runs, but no longer keeps the next reader out.
    expect(await next).toBe("next");
    expect([gate.running, gate.queued]).toEqual([0, 0]);
    stalled.finish();
    expect(await first).toBe("stalled");
    expect([gate.running, gate.queued]).toEqual([0, 0]);
  });

  it("refuses a hold that is not positive", () => {
    expect(() => new RenderGate(1, 0)).toThrow(/positive hold/);
  });
});
