/**
 * A stand-in for the request Next would give server code (cookies, headers, redirect, cache
 * expiry), so actions and route handlers can run against a real database in vitest. Only the
 * framework is replaced; every database read and write is real.
 */
export const request = {
  cookies: new Map<string, string>(),
  headers: new Headers({ host: "localhost:3000", "x-pulse-client-address": "203.0.113.1" }),
  revalidated: 0,
};

export class RedirectSignal extends Error {
  constructor(readonly url: string) {
    super(`redirect to ${url}`);
  }
}

export function resetRequest(address = "203.0.113.1"): void {
  request.cookies.clear();
  request.headers = new Headers({ host: "localhost:3000", "x-pulse-client-address": address });
  request.revalidated = 0;
}

/*
 * The modules' replacements. Each test file mocks with them itself, so the mocks are hoisted
 * above its imports:
 *   vi.mock("next/headers", async () => (await import("../support/next-request")).nextHeaders);
 */
export const nextHeaders = {
  cookies: async () => ({
    get: (name: string) => {
      const value = request.cookies.get(name);
      return value === undefined ? undefined : { name, value };
    },
    set: (name: string, value: string, options?: { expires?: Date }) => {
      if (options?.expires && options.expires.getTime() <= Date.now()) request.cookies.delete(name);
      else request.cookies.set(name, value);
    },
    delete: (name: string) => request.cookies.delete(name),
  }),
  headers: async () => request.headers,
};

export const nextNavigation = {
  redirect: (url: string) => {
    throw new RedirectSignal(url);
  },
};

export const nextCache = {
  revalidatePath: () => {
    request.revalidated++;
  },
};
