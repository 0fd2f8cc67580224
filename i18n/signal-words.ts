/**
 * The signals' words as plain tables for lib/domain (which takes words, never the catalog): the
 * findings' sentences (the signals-claims area's SignalText) and the rules' names and
 * explanations (English: SIGNAL_RULES; Chinese: the reading pages' SignalsPanel.rules).
 */
import type { Locale } from "@/lib/domain/locale";
import { SIGNAL_RULES } from "@/lib/domain/signal-rules";
import type { SignalLanguage } from "@/lib/domain/signal-text";
import en from "@/messages/en.signals-claims.json";
import zhPages from "@/messages/zh.json";
import zh from "@/messages/zh.signals-claims.json";

export const SIGNAL_LANGUAGE: Record<Locale, SignalLanguage> = {
  en: { locale: "en", text: en.SignalText, rules: SIGNAL_RULES },
  zh: { locale: "zh", text: zh.SignalText, rules: zhPages.SignalsPanel.rules },
};
