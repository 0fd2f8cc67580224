"use client";

import { useSyncExternalStore } from "react";

const noSubscription = () => () => {};

/**
 * False on the server and while the page hydrates, true from the first render after it: for what
 * only works, or is only drawn, once JavaScript runs, without a hydration mismatch (React hydrates
 * with the server's answer, then renders again with the browser's). Unlike a state set in an
 * effect, a component mounted later (after a client-side navigation) is true at once.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
}
