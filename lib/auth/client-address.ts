/**
 * The address failed sign-ins are counted against. It comes from the socket; X-Forwarded-For is
 * read only through the configured number of trusted proxies, from the right: each trusted proxy
 * appends the address it received the request from, so the entry `trusted` places from the end
 * is the one the outermost trusted proxy saw. Entries further left were written by the client
 * and prove nothing.
 */
export function clientAddressOf(
  socketAddress: string | undefined | null,
  forwardedFor: string | string[] | undefined | null,
  trusted: number,
): string {
  const socket = normalise(socketAddress ?? "") || "unknown";
  if (trusted <= 0 || !forwardedFor) return socket;
  const header = Array.isArray(forwardedFor) ? forwardedFor.join(",") : forwardedFor;
  const hops = header
    .split(",")
    .map((entry) => normalise(entry))
    .filter((entry) => entry !== "");
  // The socket is the nearest proxy; it vouches for the last entry, and so on outwards.
  const index = hops.length - trusted;
  if (index < 0) return hops[0] ?? socket;
  return hops[index] ?? socket;
}

function normalise(address: string): string {
  const trimmed = address.trim().slice(0, 64);
  // IPv4 addresses arrive as ::ffff:1.2.3.4 on dual-stack sockets.
  return trimmed.startsWith("::ffff:") ? trimmed.slice(7) : trimmed;
}

/** The header the custom server sets with the address it computed (any incoming copy is dropped). */
export const CLIENT_ADDRESS_HEADER = "x-pulse-client-address";
