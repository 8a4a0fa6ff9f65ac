// One scenario of bench/gc-promotion.ts, run in its own `node --trace-gc-nvp` process: builds,
// `count` times, what one request builds of one kind of object, and drops it at once, 1,000 per
// turn of the event loop as a server does. Everything dropped at once should die young (in a
// scavenge); what the trace reports as promoted did not. Prints START and END around the loop
// so the driver counts only the loop's collections.

import { AsyncLocalStorage } from "node:async_hooks";

const CLICK_URL = "http://127.0.0.1/api/track/click";
const CLICK_INIT = { method: "POST", headers: { "content-type": "application/json" } };

/** About 2 KB of plain objects: what a request's own state (parsed body, headers, URL) weighs. */
const requestState = () =>
  Array.from({ length: 12 }, (_, i) => ({ i, ref: "ALICE", url: new URL(`https://shop.example/p?ref=ALICE&i=${i}`), headers: { "user-agent": "Mozilla/5.0", accept: "*/*" } }));

const requestStorage = new AsyncLocalStorage<unknown>();

function pipeAnswer(signal?: AbortSignal): Promise<void> {
  const state = requestState();
  const sink = new WritableStream<Uint8Array>({ write: () => void state.length });
  return Response.json({ visitorId: "v_123" }).body!.pipeTo(sink, signal ? { signal } : {});
}

export const SCENARIOS = {
  /** Baseline: the request's state alone, dropped at once. */
  "plain objects, 2 KB": requestState,
  /** What Next.js makes per request so a handler can see the client go away. */
  AbortController: () => new AbortController().signal,
  /** The body stream of a request or a response. */
  ReadableStream: () => new ReadableStream(),
  /** A Request alone, to tell its own share from the signal's. */
  "Request, no signal": () => new Request(CLICK_URL, CLICK_INIT),
  /** The Request a route handler receives (Next.js passes its abort signal). */
  "Request with signal": () => new Request(CLICK_URL, { ...CLICK_INIT, signal: new AbortController().signal }),
  /** What a route handler answers. */
  "Response.json": () => Response.json({ visitorId: "v_123", partnerId: "p_456" }, { status: 200 }),
  /**
   * Control for the next row: an object made another's prototype. Node's AsyncResource.bind
   * (under AsyncLocalStorage.snapshot) does this per call: util.deprecate, for the deprecated
   * `asyncResource` property, sets its wrapper's prototype to the wrapped function.
   */
  "a prototype, 2 KB": () => {
    const state = requestState();
    return Object.setPrototypeOf(function wrapper() {}, function wrapped() {
      return state;
    });
  },
  /**
   * Next.js takes a snapshot of the async context for every request's work store, while the
   * request's stores are in context. The row's promoted bytes say whether those 2 KB of request
   * state then outlive the young generation.
   */
  "ALS.snapshot(), 2 KB": () => requestStorage.run(requestState(), () => AsyncLocalStorage.snapshot()),
  /** An answer's body piped into a sink that refers to the request's state, without a signal. */
  "body piped, 2 KB": () => pipeAnswer(),
  /**
   * The same with an abort signal: how Next.js sends every answer (the sink is the Node.js
   * response, which reaches the request and its state).
   */
  "body piped + signal": () => pipeAnswer(new AbortController().signal),
} satisfies Record<string, () => unknown>;

export type ScenarioName = keyof typeof SCENARIOS;

const PER_TURN = 1000;

function runScenario(name: ScenarioName, count: number): Promise<void> {
  const make = SCENARIOS[name];
  let made = 0;
  let sink = 0; // keeps the optimiser from dropping the allocations
  return new Promise((resolve) => {
    const turn = () => {
      for (let i = 0; i < PER_TURN && made < count; i++, made++) if (make()) sink++;
      if (made < count) {
        setImmediate(turn);
        return;
      }
      if (sink !== made) console.log(`only ${sink} of ${made} made`);
      resolve();
    };
    turn();
  });
}

// Run as a script by the driver: gc-scenario.ts <scenario> <count>
const [name, countArg] = process.argv.slice(2);
if (name && name in SCENARIOS) {
  void (async () => {
    // Warm up (JIT, undici loaded) before the measured loop.
    await runScenario(name as ScenarioName, 5000);
    console.log("START");
    await runScenario(name as ScenarioName, Number(countArg));
    console.log("END");
  })();
}
