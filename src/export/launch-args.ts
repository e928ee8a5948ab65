// How every headless Chromium here is launched: the browser tests
// (playwright.config.ts), the exports and the benchmarks. No GPU and no
// background traffic, so runs are alike and nothing leaves the machine.
export const LAUNCH_ARGS = [
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
