import { describe, expect, it } from "vitest";
import { clientAddressOf } from "@/lib/auth/client-address";

describe("the client address counted against failed sign-ins", () => {
  it("comes from the socket when no proxy is trusted, whatever X-Forwarded-For says", () => {
    expect(clientAddressOf("10.0.0.5", "1.2.3.4", 0)).toBe("10.0.0.5");
    expect(clientAddressOf("::ffff:10.0.0.5", "1.2.3.4, 5.6.7.8", 0)).toBe("10.0.0.5");
    expect(clientAddressOf(undefined, "1.2.3.4", 0)).toBe("unknown");
  });

  it("with one trusted proxy, is the entry that proxy appended (the last), not what the client wrote", () => {
    expect(clientAddressOf("10.0.0.1", "6.6.6.6, 203.0.113.7", 1)).toBe("203.0.113.7");
    expect(clientAddressOf("10.0.0.1", "203.0.113.7", 1)).toBe("203.0.113.7");
    expect(clientAddressOf("10.0.0.1", ["6.6.6.6", "203.0.113.7"], 1)).toBe("203.0.113.7");
  });

  it("with two trusted proxies, is the second entry from the right", () => {
    expect(clientAddressOf("10.0.0.1", "6.6.6.6, 203.0.113.7, 10.0.0.2", 2)).toBe("203.0.113.7");
  });

  it("falls back to the socket when a trusted proxy sent no header", () => {
    expect(clientAddressOf("10.0.0.1", undefined, 1)).toBe("10.0.0.1");
    expect(clientAddressOf("10.0.0.1", " , ", 1)).toBe("10.0.0.1");
  });
});
