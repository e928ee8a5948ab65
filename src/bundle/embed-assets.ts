// What the embed build emits beside kubehop.js (vite.embed.config.ts):
//   embed/scenes/<id>.json   every scenes/*.yaml precompiled (model, steps, layout)
//   embed/scenes/<id>.svg    a still of each scene, for pages with no JavaScript
//   embed/index.html         the iframe page: embed/#<scene>/<step>
//   demo/index.html          the demo blog post (static/demo-post.html)
// Paths are relative to the build's outDir (dist/app), so the app, the embed
// and the demo are served by one static server.
import { readFile, readdir, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Plugin } from 'vite';
import { bundleScene } from './bundle.ts';
import { publishedJson } from './publish.ts';
import { stillSvg } from './still-svg.ts';

export interface EmbedAssetOptions {
  /** Folder of scene files, relative to the project root. */
  scenes?: string;
  /** Folder of the pages' sources. */
  pages?: string;
}

export function embedAssets({ scenes = 'scenes', pages = 'static' }: EmbedAssetOptions = {}): Plugin {
  let root = process.cwd();
  let outDir = resolve(root, 'dist/app');
  return {
    name: 'kubehop-embed-assets',
    configResolved(config) {
      root = config.root;
      outDir = resolve(root, config.build.outDir);
    },
    async buildStart() {
      // The build writes into the app's outDir without emptying it (the app is there):
      // clear only what this build owns, so no stale chunk or scene outlives a rebuild.
      await rm(join(outDir, 'embed'), { recursive: true, force: true });
      await rm(join(outDir, 'demo'), { recursive: true, force: true });
    },
    async generateBundle() {
      const dir = resolve(root, scenes);
      const files = (await readdir(dir)).filter((f) => /\.ya?ml$/.test(f)).sort();
      for (const f of files) {
        const path = join(dir, f);
        this.addWatchFile(path);
        const id = f.replace(/\.ya?ml$/, '');
        const bundle = await bundleScene(await readFile(path, 'utf8'), `${scenes}/${f}`);
        // A broken scene still gets its bundle: the element shows its diagnostics where the diagram would be.
        this.emitFile({ type: 'asset', fileName: `embed/scenes/${id}.json`, source: publishedJson(bundle) });
        if (!bundle.ok) {
          this.warn(`${scenes}/${f} has errors: its bundle carries them and it gets no still SVG`);
          continue;
        }
        this.emitFile({ type: 'asset', fileName: `embed/scenes/${id}.svg`, source: stillSvg(bundle) });
      }
      const page = async (from: string, to: string): Promise<void> => {
        const path = resolve(root, pages, from);
        this.addWatchFile(path);
        this.emitFile({ type: 'asset', fileName: to, source: await readFile(path, 'utf8') });
      };
      await page('embed.html', 'embed/index.html');
      await page('demo-post.html', 'demo/index.html');
    },
  };
}
