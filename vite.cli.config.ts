// The command line, compiled: dist/cli/kubehop.js (what bin/kubehop.js runs
// when it is there and up to date) and its lazy chunks, one per command
// (src/cli/main.ts imports each when it runs): validate and trace load parse,
// validate and derive only; export and bundle's heavy dependencies (jsdom,
// Vite, playwright-core, elkjs) stay external, loaded only by them, from the
// package's node_modules.
//
// yaml and zod are compiled in: from node_modules (zod as about a hundred
// modules, yaml as CommonJS) they took about 80 and 40 ms to load on this
// machine, against about 45 ms for all of validate's compiled chunks.
import { defineConfig, type Plugin } from 'vite';
import { join, relative, resolve } from 'node:path';
import { writeFileSync } from 'node:fs';

const SRC = resolve('src');

export default defineConfig({
  publicDir: false,
  logLevel: 'warn',
  plugins: [sourceUrls(), englishOnly(), inputList()],
  build: {
    ssr: 'src/cli/main.ts',
    // --outDir may put it elsewhere (tests/unit/cli-compiled.test.ts does): paths below follow it.
    outDir: 'dist/cli',
    emptyOutDir: true,
    target: 'node20',
    minify: true,
    copyPublicDir: false,
    rolldownOptions: {
      checks: { bundlerTimings: false },
      output: { format: 'es', entryFileNames: 'kubehop.js', chunkFileNames: '[name]-[hash].js', minify: true },
    },
  },
  ssr: { noExternal: ['yaml', 'zod'], target: 'node' },
});

/**
 * Each module keeps its own import.meta.url: the sources resolve files from
 * where they are (package.json, dist/app/embed/, and src/ itself, which
 * `kubehop export` builds its page scripts from), and the package ships src/,
 * so compiled or not they find the same files.
 */
function sourceUrls(): Plugin {
  let out = '';
  return {
    name: 'kubehop-cli-source-urls',
    configResolved(config) {
      out = resolve(config.root, config.build.outDir);
    },
    transform(code, id) {
      if (!id.startsWith(SRC) || !code.includes('import.meta.url')) return null;
      const from = relative(out, id).replace(/\\/g, '/');
      return { code: code.replaceAll('import.meta.url', `new URL(${JSON.stringify(from)}, import.meta.url).href`), map: null };
    },
  };
}

/**
 * zod's messages in its other languages are a third of its size and nothing
 * here selects one (z.config is only told jitless): English, the default, is
 * the one the CLI prints.
 */
function englishOnly(): Plugin {
  return {
    name: 'kubehop-cli-zod-english',
    enforce: 'pre',
    async resolveId(source, importer) {
      if (!importer || !/[\\/]zod[\\/]v4[\\/]classic[\\/]/.test(importer) || source !== '../locales/index.js') return null;
      return '\0zod-locales-en';
    },
    load(id) {
      if (id !== '\0zod-locales-en') return null;
      return `export { default as en } from ${JSON.stringify(resolve('node_modules/zod/v4/locales/en.js'))};`;
    },
  };
}

/** dist/cli/inputs.json: the sources compiled in, so bin/kubehop.js can tell when one is newer than the build. */
function inputList(): Plugin {
  return {
    name: 'kubehop-cli-inputs',
    writeBundle(options, bundle) {
      const files = new Set<string>();
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue;
        for (const id of chunk.moduleIds) if (id.startsWith(SRC)) files.add(relative(resolve('.'), id).replace(/\\/g, '/'));
      }
      writeFileSync(join(options.dir!, 'inputs.json'), `${JSON.stringify([...files].sort(), null, 1)}\n`);
    },
  };
}
