/**
 * Claims: what a brand, the press, an analyst or an influencer said about a brand's figures, and
 * whether the stored figures back it. One import for the three parts: the words of a claim
 * (claim-terms.ts), the verdict and its arithmetic (claim-verdict.ts, how a verdict is reached is
 * explained there), its phrases as data (claim-phrases.ts) and the text the pages show (claim-text.ts).
 */
export * from "./claim-phrases";
export * from "./claim-terms";
export * from "./claim-text";
export * from "./claim-verdict";
