import type { Metadata, Viewport } from "next";
import { cookies } from "next/headers";
import Link from "next/link";
import { SiteNav } from "@/components/SiteNav";
import { ThemeSwitch } from "@/components/ThemeSwitch";
import { parseTheme, THEME_COOKIE } from "@/lib/theme";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Pulse: brand health", template: "%s · Pulse" },
  description: "Quarterly brand KPIs from published results, every figure with its source.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const theme = parseTheme((await cookies()).get(THEME_COOKIE)?.value);
  return (
    // No data-theme for "system": the stylesheet then follows prefers-color-scheme.
    <html lang="en" data-theme={theme === "system" ? undefined : theme}>
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <header className="site-header">
          <Link href="/" className="site-header__logo">
            Pulse
          </Link>
          <span className="site-header__tagline">Brand health from published results</span>
          <SiteNav />
          <ThemeSwitch current={theme} />
        </header>
        <main id="main">{children}</main>
        <footer className="site-footer">
          Every figure links to the report or article it was taken from. Missing quarters are shown
          as gaps; YoY compares with the same quarter a year earlier.
        </footer>
      </body>
    </html>
  );
}
