/**
 * Adds lockfile entries for platform binaries that the package registry reachable here does
 * not serve (e.g. @next/swc-darwin-arm64). npm leaves them out of package-lock.json, and then
 * `npm ci` refuses the lock as "out of sync". Each entry carries os/cpu/libc, so npm skips it
 * on other platforms exactly as it would with a complete lock. Run after `npm install`.
 */
import { readFileSync, writeFileSync } from "node:fs";

const path = new URL("../package-lock.json", import.meta.url);
const lock = JSON.parse(readFileSync(path, "utf8"));
const OS = ["darwin", "win32", "linux", "android", "freebsd", "openbsd", "openharmony", "sunos", "aix", "netbsd"];
const CPU = ["arm64", "x64", "ia32", "loong64", "ppc64", "riscv64", "s390x", "arm", "mips64el", "wasm32"];

function platform(name) {
  const tokens = name.split("/").pop().split("-");
  const os = tokens.find((t) => OS.includes(t));
  const cpu = tokens.find((t) => CPU.includes(t));
  if (!os || !cpu) return null;
  const entry = { os: [os], cpu: [cpu] };
  if (os === "linux") {
    if (tokens.some((t) => t.startsWith("musl"))) entry.libc = ["musl"];
    else if (tokens.some((t) => t.startsWith("gnu"))) entry.libc = ["glibc"];
  }
  return entry;
}

let added = 0;
for (const [key, pkg] of Object.entries(lock.packages)) {
  for (const [name, spec] of Object.entries(pkg.optionalDependencies ?? {})) {
    const base = key ? `${key}/node_modules/${name}` : `node_modules/${name}`;
    if (lock.packages[base] || lock.packages[`node_modules/${name}`]) continue;
    if (!/^\d+\.\d+\.\d+/.test(spec)) continue;
    const target = platform(name);
    if (!target) continue;
    lock.packages[`node_modules/${name}`] = { version: spec, ...target, optional: true };
    added += 1;
  }
}
lock.packages = Object.fromEntries(Object.entries(lock.packages).sort(([a], [b]) => (a === "" ? -1 : b === "" ? 1 : a.localeCompare(b))));
writeFileSync(path, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`complete-lock: ${added} Plattform-Einträge ergänzt`);
