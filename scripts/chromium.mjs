// The one place that says how tests, benchmarks and scripts launch Chromium: Debian's package
// (never a downloaded one; `scripts/ensure-chromium.mjs` installs it), headless-safe flags, and
// no background networking (this machine's closed network refuses it, many times over).

/** Debian's Chromium, or the one `ZHIZHI_CHROMIUM` names. */
export const chromiumPath = process.env.ZHIZHI_CHROMIUM ?? '/usr/bin/chromium';

/** The flags every launch uses (see TOOLCHAIN.md "Real Chromium from tests"). */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
