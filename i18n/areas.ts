/**
 * The catalog is split by area (the reading pages, claims and events, forms, accounts, charts
 * and signals, the error page) so that one area's words can change without touching the others'
 * file; each area owns its own top-level namespaces. An area's file is `messages/<locale>.<area>.json`
 * and is loaded only when named here (tests/unit/messages.test.ts checks that none is forgotten).
 */
export const MESSAGE_AREAS = [
  "claims-events",
  "forms",
  "accounts",
  "charts-signals",
  "error-page",
  "chart-words",
  "form-messages",
  "signals-claims",
  "data-messages",
  "page-words",
  "form-errors",
  "claim-reasons",
  "compare-words",
] as const;
