// The embed runtime: one ES module defining <kubehop-scene>, built beside
// the app so one static server hosts both. Runs after the app's build (which
// empties dist/app), into the same outDir, and writes:
//   dist/app/embed/kubehop.js                  the element (gsap, d3-selection, render, player)
//   dist/app/embed/kubehop-pipeline-*.js       lazy: parse/validate/derive, only for a YAML src
//   dist/app/embed/kubehop-layout-*.js         lazy: elkjs, only for a YAML src
//   dist/app/embed/scenes/<id>.json | .svg     precompiled scenes and their still fallbacks
//   dist/app/embed/index.html                  the iframe page (embed/#<scene>/<step>)
//   dist/app/demo/index.html                   the demo blog post
import { defineConfig } from 'vite';
import { embedAssets } from './src/bundle/embed-assets.ts';

export default defineConfig({
  publicDir: false,
  // Relative URLs throughout: the embed folder can be copied to any host and path.
  base: './',
  // The pipeline's worker (src/worker/) is started as a module worker, so it is built as one,
  // beside the element (the embed folder is published on its own) with the layout chunk it loads.
  worker: {
    format: 'es',
    rolldownOptions: { output: { entryFileNames: 'embed/kubehop-[name]-[hash].js', chunkFileNames: 'embed/kubehop-[name]-[hash].js' } },
  },
  plugins: [embedAssets()],
  build: {
    outDir: 'dist/app',
    // The app is already there; embedAssets clears embed/ and demo/ itself.
    emptyOutDir: false,
    target: 'es2022',
    copyPublicDir: false,
    lib: { entry: 'src/embed/index.ts', formats: ['es'], fileName: () => 'embed/kubehop.js' },
    rolldownOptions: {
      // Lets the code the lazy chunks share with kubehop.js (text metrics, diagnostics)
      // stay inside kubehop.js, exported to them, instead of becoming extra little chunks
      // that every page would have to fetch before anything draws.
      preserveEntrySignatures: 'allow-extension',
      // Plugin timings are a profiling aid, not a warning (embedAssets precompiles every scene: it is slow by design).
      checks: { bundlerTimings: false },
      output: {
        // Library mode keeps whitespace unless the output itself is told to minify.
        minify: true,
        chunkFileNames: 'embed/kubehop-[name]-[hash].js',
      },
    },
  },
});
