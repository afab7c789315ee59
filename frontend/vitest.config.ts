import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// Unit tests: data mapping and components rendered to static HTML (no browser needed).
export default defineConfig({
  esbuild: { jsx: "automatic" },
  resolve: {
    alias: {
      "@": fileURLToPath(new URL(".", import.meta.url)),
      "server-only": fileURLToPath(new URL("./tests/unit/server-only-stub.ts", import.meta.url)),
    },
  },
  test: {
    include: ["tests/unit/**/*.test.{ts,tsx}"],
    environment: "node",
    // next/link reads the trailingSlash setting from this variable (a build-time define in Next).
    env: { __NEXT_TRAILING_SLASH: "true", TZ: "Europe/Berlin" },
    pool: "threads",
    maxWorkers: 2,
  },
});
