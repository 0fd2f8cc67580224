/**
 * `npm run fuzz:urls -- [--base http://127.0.0.1:3000] [--runs 10000] [--seed N]`: the long run
 * of the URL property (tests/support/url-fuzz.ts) against a server that is already running
 * (`npm start`). Signs in with $PULSE_FUZZ_EMAIL and $PULSE_FUZZ_PASSWORD (an editor's or an
 * admin's account) when both are set, so that the pages behind sign-in are fuzzed too. Prints every failing request and exits 1 when there is one.
 * Sends only to the address given (loopback by default), one request at a time.
 */
import { parseArgs } from "node:util";
import { signInWithEmail } from "../tests/support/api-client";
import { type FuzzRequest, fuzzUrls } from "../tests/support/url-fuzz";

const { values } = parseArgs({
  options: {
    base: { type: "string", default: `http://127.0.0.1:${process.env.PORT ?? "3000"}` },
    runs: { type: "string", default: "10000" },
    seed: { type: "string", default: String(Date.now() % 2 ** 31) },
  },
});
const base = values.base.replace(/\/$/, "");
const runs = Number(values.runs);
const seed = Number(values.seed);

const email = process.env.PULSE_FUZZ_EMAIL;
const password = process.env.PULSE_FUZZ_PASSWORD;
const cookie = email && password ? await signInWithEmail(base, email, password) : null;
console.log(
  `Fuzzing ${base} with ${runs} URLs (seed ${seed}; ${cookie ? "half signed in" : "anonymous: set PULSE_FUZZ_EMAIL and PULSE_FUZZ_PASSWORD to include editor pages"}).`,
);
const started = Date.now();
const failures = await fuzzUrls(
  async (request: FuzzRequest) => {
    const response = await fetch(`${base}${request.path}`, {
      method: request.method,
      headers: request.signedIn && cookie ? { cookie } : {},
      redirect: "manual",
    });
    return { status: response.status, body: await response.text() };
  },
  {
    runs,
    seed,
    onProgress: (done) => {
      if (done % 1000 === 0)
        console.log(`${done} URLs, ${((Date.now() - started) / 1000).toFixed(0)} s`);
    },
  },
);
for (const failure of failures) {
  console.log(`${failure.request.method} ${failure.request.path} -> ${failure.problem}`);
}
console.log(`${runs - failures.length} passed, ${failures.length} failed`);
process.exit(failures.length > 0 ? 1 : 0);
