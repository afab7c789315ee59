import type { NextConfig } from "next";

// Wagtail page paths end in a slash, so ours do too. The slash redirect itself lives in
// proxy.ts: the backend's revalidation webhook POSTs to /api/revalidate without a slash,
// and a 308 on a POST is not followed by every HTTP client.
const nextConfig: NextConfig = {
  trailingSlash: true,
  skipTrailingSlashRedirect: true,
  poweredByHeader: false,
  reactStrictMode: true,
  // The API is only needed at request time; a build never talks to the backend.
  output: undefined,
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
        ],
      },
    ];
  },
};

export default nextConfig;
