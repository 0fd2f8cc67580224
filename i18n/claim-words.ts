/**
 * The claims' words as plain tables for lib/domain (which takes words, never the catalog): the
 * verdicts' phrases (claim-reasons area). Read without a request, so the pages, the Atom feed and
 * the judging code say a verdict the same way.
 */
import type { ClaimPhraseTables } from "@/lib/domain/claim-phrases";
import en from "@/messages/en.claim-reasons.json";
import zh from "@/messages/zh.claim-reasons.json";

export const CLAIM_PHRASES: ClaimPhraseTables = { en: en.ClaimReasons, zh: zh.ClaimReasons };
