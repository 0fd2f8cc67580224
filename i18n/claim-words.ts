/**
 * The claims' words as plain tables for lib/domain (which takes words, never the catalog): the
 * verdicts' phrases (claim-reasons area) and a claim's numbers and verdict names (the
 * signals-claims area's ClaimText, the reading pages' Claims.verdicts). Read without a request, so the pages, the Atom feed and
 * the judging code say a verdict the same way.
 */
import type { ClaimPhraseTables } from "@/lib/domain/claim-phrases";
import type { ClaimTextWords } from "@/lib/domain/claim-text";
import type { Locale } from "@/lib/domain/locale";
import en from "@/messages/en.claim-reasons.json";
import enPages from "@/messages/en.json";
import enText from "@/messages/en.signals-claims.json";
import zh from "@/messages/zh.claim-reasons.json";
import zhPages from "@/messages/zh.json";
import zhText from "@/messages/zh.signals-claims.json";

export const CLAIM_PHRASES: ClaimPhraseTables = { en: en.ClaimReasons, zh: zh.ClaimReasons };

export const CLAIM_TEXT: Record<Locale, ClaimTextWords> = {
  en: { locale: "en", ...enText.ClaimText, verdicts: enPages.Claims.verdicts },
  zh: { locale: "zh", ...zhText.ClaimText, verdicts: zhPages.Claims.verdicts },
};
