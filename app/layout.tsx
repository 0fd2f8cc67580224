import type { Metadata, Viewport } from "next";
import { cookies } from "next/headers";
import Link from "next/link";
import { LocaleSwitch } from "@/components/LocaleSwitch";
import { SiteNav } from "@/components/SiteNav";
import { ThemeSwitch } from "@/components/ThemeSwitch";
import { currentLocale } from "@/i18n/locale";
import { getTranslations } from "@/i18n/messages";
import { htmlLang } from "@/lib/domain/locale";
import { parseTheme, THEME_COOKIE } from "@/lib/theme";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Layout");
  return {
    title: { default: t("title"), template: t("titleTemplate") },
    description: t("description"),
  };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const theme = parseTheme((await cookies()).get(THEME_COOKIE)?.value);
  const locale = await currentLocale();
  const t = await getTranslations("Layout");
  // No NextIntlClientProvider yet: the charts (the only client islands) take their words as props,
  // so no catalog is sent to the browser.
  return (
    // No data-theme for "system": the stylesheet then follows prefers-color-scheme.
    <html lang={htmlLang(locale)} data-theme={theme === "system" ? undefined : theme}>
      <body>
        <a className="skip-link" href="#main">
          {t("skip")}
        </a>
        <header className="site-header">
          <Link href="/" className="site-header__logo">
            Pulse
          </Link>
          <span className="site-header__tagline">{t("tagline")}</span>
          <SiteNav />
          <ThemeSwitch current={theme} />
          <LocaleSwitch current={locale} legend={t("language")} />
        </header>
        <main id="main">{children}</main>
        <footer className="site-footer">{t("footer")}</footer>
      </body>
    </html>
  );
}
