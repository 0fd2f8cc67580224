/** The claims page's view in the URL: `/claims?brand=xiaomi&who=press&metric=mau&verdict=holds`. */
import { z } from "zod";
import { CLAIMANT_KINDS, type ClaimantKind, VERDICTS, type Verdict } from "@/lib/domain/claims";
import { MetricKeySchema, SlugSchema } from "@/lib/domain/fields";
import { DEFAULT_BRAND, type Parsed, parseWith, type SearchParams } from "@/lib/url-state";

export interface ClaimsPageState {
  brand: string;
  who?: ClaimantKind | undefined;
  metric?: string | undefined;
  verdict?: Verdict | undefined;
}

const ClaimsPageSchema = z.object({
  brand: SlugSchema.default(DEFAULT_BRAND),
  who: z
    .enum(CLAIMANT_KINDS, { message: `must be one of ${CLAIMANT_KINDS.join(", ")}` })
    .optional(),
  metric: MetricKeySchema.optional(),
  verdict: z.enum(VERDICTS, { message: `must be one of ${VERDICTS.join(", ")}` }).optional(),
});

export function parseClaimsParams(params: SearchParams): Parsed<ClaimsPageState> {
  return parseWith(ClaimsPageSchema, params);
}

export function claimsHref(state: ClaimsPageState): string {
  const params = new URLSearchParams({ brand: state.brand });
  if (state.who) params.set("who", state.who);
  if (state.metric) params.set("metric", state.metric);
  if (state.verdict) params.set("verdict", state.verdict);
  return `/claims?${params.toString()}`;
}
