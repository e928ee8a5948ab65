// Page scripts built on the fly, in memory, with Vite's own build() (already
// the project's bundler): nothing to prebuild before `kubehop export`, and
// the scripts are always the source as it is now. ~1 s each; built once per
// process.
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

const ROOT = fileURLToPath(new URL('../..', import.meta.url)).replace(/[\\/]$/, '');
const LEFT_OUT = ['../pipeline.ts', '../worker/build-client.ts', '../embed/predict.ts'].map((f) => fileURLToPath(new URL(f, import.meta.url)).replace(/\\/g, '/'));

const cache = new Map<string, Promise<string>>();

/** runtime.ts as one classic script defining `kubehopExport` (encoders included). */
export function exportRuntime(): Promise<string> {
  return once('runtime', () => bundle('src/export/runtime.ts', 'iife'));
}

/**
 * The <kubehop-scene> element (src/embed) as one ES module, for the
 * self-contained HTML file. The element reads YAML through a lazy import of
 * the whole pipeline (and elkjs behind it, 1.4 MB), in a worker where it can
 * (src/worker/); an HTML export only carries a precompiled bundle, so that
 * import is left out, unreached. So is predict mode's lazy chunk: an export
 * page never sets the `predict` attribute.
 */
export function embedModule(): Promise<string> {
  return once('embed', () => bundle('src/embed/index.ts', 'es', [leaveOutPipeline()]));
}

function once(key: string, make: () => Promise<string>): Promise<string> {
  let p = cache.get(key);
  if (!p) {
    p = make();
    // A failed build is not remembered: the next call tries again.
    p.catch(() => cache.delete(key));
    cache.set(key, p);
  }
  return p;
}

async function bundle(entry: string, format: 'iife' | 'es', plugins: Plugin[] = []): Promise<string> {
  const { build } = await import('vite');
  const result = await build({
    configFile: false,
    root: ROOT,
    logLevel: 'silent',
    publicDir: false,
    plugins,
    build: {
      write: false,
      target: 'es2022',
      minify: true,
      reportCompressedSize: false,
      copyPublicDir: false,
      emptyOutDir: false,
      lib: { entry: `${ROOT}/${entry}`, formats: [format], name: 'kubehopExport', fileName: () => 'out.js' },
      rolldownOptions: { output: { minify: true } },
    },
  });
  const outputs = Array.isArray(result) ? result : [result];
  const chunks = outputs.flatMap((o) => ('output' in o ? o.output : [])).filter((c) => c.type === 'chunk');
  const [chunk, ...extra] = chunks;
  if (!chunk || extra.length > 0) throw new Error(`building ${entry} gave ${chunks.length} scripts (${chunks.map((c) => c.fileName).join(", ")}); an export page needs exactly one`);
  // A static import could not load from a file:// page: the script must stand alone.
  if (chunk.imports.length > 0) throw new Error(`${entry} imports ${chunk.imports.join(', ')} statically; an export page cannot load it`);
  return chunk.code;
}

function leaveOutPipeline(): Plugin {
  return {
    name: 'kubehop-export-no-pipeline',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (!importer || !/pipeline|build-client|predict/.test(source)) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      if (!LEFT_OUT.includes(resolved?.id.replace(/\\/g, '/') ?? '')) return null;
      return { id: './kubehop-pipeline-not-included.js', external: true };
    },
  };
}
