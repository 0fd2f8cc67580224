import "server-only";
import {
  FIELD_MESSAGES,
  type FieldMessageWords,
  type FormErrorWords,
} from "@/lib/domain/field-messages";
import type { Locale } from "@/lib/domain/locale";
import { QUARTER_ERROR_WORDS_EN, type QuarterErrorWords } from "@/lib/domain/quarter-input";
import { currentLocale } from "./locale";
import { serverTranslator } from "./messages";

/**
 * The words of field errors in the request's language, as the plain tables lib/domain takes
 * (field-messages.ts): read here once for the pages, which hand them to their client forms, and
 * for the server actions, which phrase what they send back.
 */
export async function fieldMessageWords(locale?: Locale): Promise<FieldMessageWords> {
  const t = await serverTranslator("FieldMessages", locale);
  return Object.fromEntries(
    Object.keys(FIELD_MESSAGES).map((code) => [code, String(t.raw(code))]),
  ) as FieldMessageWords;
}

export async function quarterErrorWords(): Promise<QuarterErrorWords> {
  const locale = await currentLocale();
  const [t, messages] = await Promise.all([
    serverTranslator("QuarterInput", locale),
    fieldMessageWords(locale),
  ]);
  return {
    locale,
    sentence: String(t.raw("sentence")),
    labels: Object.fromEntries(
      Object.keys(QUARTER_ERROR_WORDS_EN.labels).map((key) => [key, t(`labels.${key}`)]),
    ) as QuarterErrorWords["labels"],
    qualifierOf: String(t.raw("qualifierOf")),
    messages,
  };
}

/**
 * A form's field-error words in the request's language: the namespace (messages
 * `<Form>Input` in the form-errors area) has the keys of the form's English table `english`.
 */
export async function formErrorWords<Field extends string, Own extends string>(
  namespace: string,
  english: FormErrorWords<Field, Own>,
): Promise<FormErrorWords<Field, Own>> {
  const locale = await currentLocale();
  if (locale === "en") return english;
  const [t, messages] = await Promise.all([
    serverTranslator(namespace, locale),
    fieldMessageWords(locale),
  ]);
  const table = <Key extends string>(group: string, keys: Record<Key, string>) =>
    Object.fromEntries(
      Object.keys(keys).map((key) => [key, String(t.raw(`${group}.${key}`))]),
    ) as Record<Key, string>;
  return {
    locale,
    sentence: String(t.raw("sentence")),
    labels: table("labels", english.labels),
    own: table("own", english.own),
    messages,
  };
}
