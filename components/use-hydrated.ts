"use client";

import { startTransition, useEffect, useState } from "react";

/**
 * False on the server and while the page hydrates, true soon after: for what only works, or is
 * only drawn, once JavaScript runs, without a hydration mismatch (React hydrates with the
 * server's answer, then renders again). The second render is a transition, so React renders it in
 * slices between the browser's other work: the overview's small charts are drawn this way, and
 * drawn in one go they were a long task that blocked input (Lighthouse's Total Blocking Time).
 */
export function useHydrated(): boolean {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => startTransition(() => setHydrated(true)), []);
  return hydrated;
}
