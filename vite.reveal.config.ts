// The reveal.js plugin (`kubehop/reveal`): one small ES module beside the
// element, dist/app/embed/kubehop-reveal.js. Runs after the embed build
// (which clears embed/), into the same outDir. It imports nothing of the
// element, so the element's runtime stays as it was.
import { defineConfig } from 'vite';

export default defineConfig({
  publicDir: false,
  base: './',
  build: {
    outDir: 'dist/app',
    emptyOutDir: false,
    target: 'es2022',
    copyPublicDir: false,
    lib: { entry: 'src/reveal/index.ts', formats: ['es'], fileName: () => 'embed/kubehop-reveal.js' },
    rolldownOptions: { output: { minify: true } },
  },
});
