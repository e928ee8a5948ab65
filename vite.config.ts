import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { sceneModules } from './src/bundle/vite-plugin.ts';

export default defineConfig({
  // sceneModules: each scene is precompiled (layout included) at build time, so the app never runs elkjs.
  // The compiler options live here, so there is no svelte.config.js to look for (and to warn about missing).
  plugins: [svelte({ configFile: false }), sceneModules()],
  // Relative asset URLs: the built app works from any path (and from a sub-folder of a blog).
  base: './',
  // The pipeline's worker (src/worker/) is started as a module worker, so it is built as one.
  worker: { format: 'es' },
  build: {
    outDir: 'dist/app',
    emptyOutDir: true,
    target: 'es2022',
    // The layout chunk (elkjs, ~1.5 MB) is loaded only by the editor and a YAML `src`; bundled scenes never fetch it.
    chunkSizeWarningLimit: 1600,
    // Two pages: the app, and the speaker-notes window it opens (src/app/presenter/).
    rolldownOptions: {
      // Plugin timings are a profiling aid; printed on every build, a newcomer reads them as errors.
      checks: { bundlerTimings: false },
      input: {
        main: fileURLToPath(new URL('./index.html', import.meta.url)),
        notes: fileURLToPath(new URL('./notes.html', import.meta.url)),
      },
    },
  },
  server: { host: '127.0.0.1', port: 5173 },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    // Layout-heavy files run ELK many times; on a loaded 2-core machine the defaults (5 s / 10 s) trip.
    // These only catch hangs: speed is measured by bench/, not by timeouts.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // CI also keeps a JSON report, from which .ci/summary.mjs prints one closing line.
    reporters: process.env.CI ? ['default', ['json', { outputFile: 'test-results/unit.json' }]] : ['default'],
  },
});
