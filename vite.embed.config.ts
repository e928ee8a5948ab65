// The embed runtime: one ES module defining <kubehop-scene>, built beside
// the app (dist/app/embed/) so one static server hosts both.
import { defineConfig } from 'vite';

export default defineConfig({
  publicDir: false,
  build: {
    outDir: 'dist/app/embed',
    emptyOutDir: true,
    target: 'es2022',
    lib: { entry: 'src/embed/index.ts', formats: ['es'], fileName: () => 'kubehop.js' },
  },
});
