/** The words of a claim: who made it, what kind it is, how it is hedged, and the verdicts. */
export const CLAIMANT_KINDS = ["brand", "press", "analyst", "influencer", "other"] as const;
export type ClaimantKind = (typeof CLAIMANT_KINDS)[number];

export const CLAIM_KINDS = [
  "level",
  "change",
  "multiple",
  "streak",
  "share",
  "record",
  "cumulative",
] as const;
export type ClaimKind = (typeof CLAIM_KINDS)[number];

export const CLAIM_COMPARISONS = ["yoy", "qoq"] as const;
export type ClaimComparison = (typeof CLAIM_COMPARISONS)[number];

/** "over" also stands for "at least", "exceeds", "more than"; "under" for "at most", "less than". */
export const HEDGES = ["exact", "about", "nearly", "over", "under"] as const;
export type Hedge = (typeof HEDGES)[number];

export const VERDICTS = ["holds", "overstated", "understated", "unverifiable"] as const;
export type Verdict = (typeof VERDICTS)[number];

export const VERDICT_LABELS: Record<Verdict, string> = {
  holds: "Holds",
  overstated: "Overstated",
  understated: "Understated",
  unverifiable: "Cannot be checked",
};

export const CLAIMANT_KIND_LABELS: Record<ClaimantKind, string> = {
  brand: "The brand",
  press: "Press",
  analyst: "Analyst",
  influencer: "Influencer",
  other: "Other",
};

export const HEDGE_LABELS: Record<Hedge, string> = {
  exact: "exactly",
  about: "about",
  nearly: "nearly",
  over: "over / at least",
  under: "under / at most",
};
