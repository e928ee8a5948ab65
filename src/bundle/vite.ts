// `kubehop/vite`: `import scene from './x.yaml?kubehop'` in a Vite site
// (VitePress, Astro, SvelteKit) bundles the scene at build time, as the app's
// own `?bundle` modules are (src/bundle/vite-plugin.ts), but for a page to
// show it: the module is what `<kubehop-scene>` needs (the bundle's and the
// still's URLs, the size, the alt text), and the bundle and still are
// emitted as files — the bytes `kubehop bundle` writes — so no YAML parser
// or layout code goes into the site's JavaScript.
import { readFile } from 'node:fs/promises';
import type { Plugin } from 'vite';
import { formatDiagnostic } from '../scene/diagnostic.ts';
import { sceneName } from '../cli/bundle-args.ts';
import { bundleScene } from './bundle.ts';
import { publishedJson } from './publish.ts';
import { stillSvg } from './still-svg.ts';

const QUERY = /\.ya?ml\?kubehop$/;

export interface KubehopViteOptions {
  /** The folder, under the site's base URL, the bundles and stills go to. Default `kubehop/scenes`. */
  dir?: string;
  /** Keep each step's speaker notes in the bundle (as `kubehop bundle --notes`). */
  notes?: boolean;
}

/** What `import scene from './x.yaml?kubehop'` gives. */
export interface KubehopSceneModule {
  id: string;
  title: string;
  summary: string;
  steps: number;
  /** The diagram's size in CSS pixels: the element's and the still's `width` and `height`. */
  width: number;
  height: number;
  /** The bundle's URL: the element's `src`. */
  src: string;
  /** The still's URL: the `<img>` inside the element. */
  still: string;
  /** The still's alt text: the title and summary. */
  alt: string;
}

export default function kubehop(options: KubehopViteOptions = {}): Plugin {
  const dir = (options.dir ?? 'kubehop/scenes').replace(/^\/+|\/+$/g, '');
  let base = '/';
  let serving = false;
  // The dev server answers for the files a build would emit.
  const files = new Map<string, string>();
  // Files are named after their scene file, so two `x.yaml` in two folders would overwrite each other.
  const owners = new Map<string, string>();
  return {
    name: 'kubehop-scenes',
    configResolved(config) {
      base = config.base;
      serving = config.command === 'serve';
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const path = (req.url ?? '').replace(/[?#].*$/, '');
        const rel = path.startsWith(base) ? path.slice(base.length) : path.replace(/^\//, '');
        const body = files.get(rel);
        if (body === undefined) return next();
        res.setHeader('Content-Type', rel.endsWith('.json') ? 'application/json' : 'image/svg+xml');
        res.end(body);
      });
    },
    async load(id) {
      if (!QUERY.test(id)) return null;
      const path = id.slice(0, id.indexOf('?'));
      this.addWatchFile(path);
      // Named as `kubehop bundle` names it: the file's name, so the bytes are the same.
      const name = sceneName(path);
      const owner = owners.get(name);
      if (owner !== undefined && owner !== path) this.error(`kubehop: ${owner} and ${path} would both be published as ${dir}/${name}.json; rename one`);
      owners.set(name, path);
      const built = await bundleScene(await readFile(path, 'utf8'), path);
      const problems = built.diagnostics.map((d) => formatDiagnostic({ ...d, file: path }));
      if (!built.ok) this.error(`kubehop: ${path} has problems:\n${problems.join('\n')}`);
      for (const w of problems) this.warn(w);
      const json = publishedJson(built, { notes: options.notes ?? false });
      const svg = stillSvg(built);
      const at = { json: `${dir}/${name}.json`, svg: `${dir}/${name}.svg` };
      if (serving) {
        files.set(at.json, json);
        files.set(at.svg, svg);
      } else {
        this.emitFile({ type: 'asset', fileName: at.json, source: json });
        this.emitFile({ type: 'asset', fileName: at.svg, source: svg });
      }
      const { scene, geometry } = built;
      const alt = (scene.summary.trim() ? `${scene.title.trim()}: ${scene.summary.trim()}` : scene.title.trim()).replace(/\s+/g, ' ');
      const data = { id: scene.id, title: scene.title, summary: scene.summary, steps: built.steps.length, width: Math.round(geometry.width), height: Math.round(geometry.height), alt };
      const code = [
        `const data = ${JSON.stringify(data)};`,
        `export default { ...data, src: import.meta.env.BASE_URL + ${JSON.stringify(at.json)}, still: import.meta.env.BASE_URL + ${JSON.stringify(at.svg)} };`,
      ].join('\n');
      return { code, map: null };
    },
  };
}
