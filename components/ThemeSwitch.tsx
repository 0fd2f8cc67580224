import { getTranslations } from "@/i18n/messages";
import { THEMES, type Theme } from "@/lib/theme";

/** The header's light/dark switch: a form post (works without JavaScript), remembered in a cookie. */
export async function ThemeSwitch({ current }: { current: Theme }) {
  const t = await getTranslations("ThemeSwitch");
  return (
    <form method="post" action="/theme" className="theme-switch" data-testid="theme-switch">
      <fieldset>
        <legend>{t("legend")}</legend>
        {THEMES.map((theme) => (
          <button
            key={theme}
            type="submit"
            name="theme"
            value={theme}
            title={t(`${theme}.title`)}
            aria-pressed={theme === current}
          >
            {t(`${theme}.label`)}
          </button>
        ))}
      </fieldset>
    </form>
  );
}
