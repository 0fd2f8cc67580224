import { describe, expect, it } from "vitest";
import { crossOriginRefusal, readBody, readJsonBody, requestLocale } from "@/lib/api/http";
import { AppError } from "@/lib/errors";

function post(body: BodyInit | null, headers: Record<string, string>): Request {
  return new Request("http://127.0.0.1:3000/api/quarters", { method: "POST", body, headers });
}

function streamOf(chunks: number, size: number): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent++ < chunks) controller.enqueue(new Uint8Array(size));
      else controller.close();
    },
  });
}

/** The AppError a read refused with: its status and message (what the JSON body carries). */
async function errorOf(read: Promise<unknown>) {
  const error = await read.then(
    () => null,
    (failure: unknown) => failure,
  );
  if (!(error instanceof AppError)) throw new Error("the read was not refused with an AppError");
  return { status: error.status, error: error.message };
}

describe("reading an API body", () => {
  it("returns the bytes of a body of the right type within the limit", async () => {
    const result = await readBody(post("a,b\r\n", { "content-type": "text/csv; charset=UTF-8" }), {
      type: "text/csv",
      maxBytes: 10,
    });
    expect(new TextDecoder().decode(result)).toBe("a,b\r\n");
  });

  it("refuses another type, a missing type and another charset with 415", async () => {
    const options = { type: "application/json", maxBytes: 100 };
    expect(await errorOf(readBody(post("{}", { "content-type": "text/plain" }), options))).toEqual({
      status: 415,
      error:
        "The body must be sent as Content-Type: application/json, not text/plain. Nothing was saved.",
    });
    const untyped = new Request("http://x/", { method: "POST", body: new Blob(["{}"]) });
    expect((await errorOf(readBody(untyped, options))).error).toMatch(/none was given/);
    expect(
      (
        await errorOf(
          readBody(post("{}", { "content-type": "application/json; charset=utf-16" }), options),
        )
      ).error,
    ).toMatch(/must be UTF-8, not charset=utf-16/);
  });

  it("refuses a declared length over the limit before reading, and an undeclared one once past it", async () => {
    // Request drops a content-length it is given; a server's request carries the client's.
    const unread = {
      headers: new Headers({ "content-type": "application/json", "content-length": "2048" }),
      get body(): never {
        throw new Error("the body was read");
      },
    } as unknown as Request;
    const declared = readBody(unread, { type: "application/json", maxBytes: 1024 });
    expect(await errorOf(declared)).toEqual({
      status: 413,
      error: "The body is 2 KB; this endpoint takes at most 1 KB. Nothing was saved.",
    });
    const streamed = new Request("http://x/", {
      method: "POST",
      body: streamOf(100, 1000),
      headers: { "content-type": "application/json" },
      duplex: "half",
    } as RequestInit);
    expect(await errorOf(readBody(streamed, { type: "application/json", maxBytes: 5000 }))).toEqual(
      {
        status: 413,
        error: "The body is more than 5 KB; this endpoint takes at most 5 KB. Nothing was saved.",
      },
    );
  });

  it("says why a JSON body cannot be read: not UTF-8, empty, malformed", async () => {
    const json = (body: BodyInit) =>
      readJsonBody(post(body, { "content-type": "application/json" }), 1000);
    expect((await errorOf(json(new Uint8Array([0x7b, 0xff, 0x7d])))).error).toMatch(
      /not valid UTF-8/,
    );
    expect((await errorOf(json("  "))).error).toMatch(/The body is empty/);
    expect((await errorOf(json('{"a":'))).error).toMatch(/^The body is not valid JSON \(/);
    expect(await json('{"a":[1,"2"]}')).toEqual({ a: [1, "2"] });
  });
});

describe("cross-site posts", () => {
  const from = (headers: Record<string, string>) =>
    crossOriginRefusal(
      new Request("http://127.0.0.1:3000/api/quarters", { method: "POST", headers }),
    );

  it("lets through requests without an Origin (scripts) and from this site", () => {
    expect(from({ host: "127.0.0.1:3000" })).toBeNull();
    expect(from({ host: "127.0.0.1:3000", origin: "http://127.0.0.1:3000" })).toBeNull();
    expect(
      from({
        host: "127.0.0.1:3000",
        "x-forwarded-host": "pulse.example",
        origin: "https://pulse.example",
      }),
    ).toBeNull();
  });

  it("refuses another site, another port, an opaque origin and a malformed one with 403", async () => {
    for (const origin of ["https://evil.example", "http://127.0.0.1:3001", "null", "not a url"]) {
      const refusal = from({ host: "127.0.0.1:3000", origin });
      if (!refusal) throw new Error(`${origin} was let through`);
      expect(refusal.status, origin).toBe(403);
      expect(refusal.code).toBe("cross_origin");
      expect(refusal.message).toContain(`Origin ${origin} is not this site`);
    }
  });
});

describe("the language of an API answer", () => {
  it("is the upload's ?lang first (the page's language), then the cookie", () => {
    const upload = (query: string) =>
      new Request(`http://127.0.0.1:3000/api/imports?kind=figures&name=a.csv${query}`, {
        method: "POST",
        headers: { cookie: "pulse_locale=en", "accept-language": "en-US" },
      });
    expect(requestLocale(upload("&lang=zh"))).toBe("zh");
    expect(requestLocale(upload(""))).toBe("en");
    expect(requestLocale(upload("&lang=fr"))).toBe("en");
  });
});
