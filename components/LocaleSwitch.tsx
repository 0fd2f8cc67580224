import { htmlLang, LOCALES, type Locale } from "@/lib/domain/locale";
import { LOCALE_NAMES } from "@/lib/locale";

/**
 * The header's language switch, like the theme's: a form post to /locale (works without
 * JavaScript), remembered in a cookie. Each language is named in itself, with its `lang`, so a
 * screen reader says it right and a reader lost in the other language finds theirs.
 */
export function LocaleSwitch({ current, legend }: { current: Locale; legend: string }) {
  return (
    <form method="post" action="/locale" className="theme-switch" data-testid="locale-switch">
      <fieldset>
        <legend>{legend}</legend>
        {LOCALES.map((locale) => (
          <button
            key={locale}
            type="submit"
            name="locale"
            value={locale}
            lang={htmlLang(locale)}
            aria-pressed={locale === current}
          >
            {LOCALE_NAMES[locale]}
          </button>
        ))}
      </fieldset>
    </form>
  );
}
