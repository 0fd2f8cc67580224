import { THEME_LABELS, THEMES, type Theme } from "@/lib/theme";

const TITLES: Record<Theme, string> = {
  system: "Follow the system's light or dark setting",
  light: "Always light",
  dark: "Always dark",
};

/** The header's light/dark switch: a form post (works without JavaScript), remembered in a cookie. */
export function ThemeSwitch({ current }: { current: Theme }) {
  return (
    <form method="post" action="/theme" className="theme-switch" data-testid="theme-switch">
      <fieldset>
        <legend>Theme</legend>
        {THEMES.map((theme) => (
          <button
            key={theme}
            type="submit"
            name="theme"
            value={theme}
            title={TITLES[theme]}
            aria-pressed={theme === current}
          >
            {THEME_LABELS[theme]}
          </button>
        ))}
      </fieldset>
    </form>
  );
}
