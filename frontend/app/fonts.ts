import localFont from "next/font/local";

/** Source Sans 3 (SIL OFL), self-hosted from the npm package: no request to a font CDN. */
export const sourceSans = localFont({
  src: [
    {
      path: "../node_modules/@fontsource-variable/source-sans-3/files/source-sans-3-latin-wght-normal.woff2",
      weight: "200 900",
      style: "normal",
    },
    {
      path: "../node_modules/@fontsource-variable/source-sans-3/files/source-sans-3-latin-wght-italic.woff2",
      weight: "200 900",
      style: "italic",
    },
  ],
  display: "swap",
  variable: "--font-sans",
  fallback: ["Segoe UI", "Helvetica Neue", "Arial", "sans-serif"],
});
