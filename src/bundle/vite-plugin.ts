// Scenes as modules. `scenes/x.yaml?bundle` is the precompiled SceneBundle
// (the whole pipeline up to layout, run in Node at build time, or on request
// by the dev server); `scenes/x.yaml?meta` is its gallery card. Vite watches
// the YAML file, so an edit rebuilds the module.
import { readFile } from 'node:fs/promises';
import { relative } from 'node:path';
import type { Plugin } from 'vite';
import { bundleScene } from './bundle.ts';
import { sceneMeta } from './meta.ts';

const QUERY = /\.ya?ml\?(bundle|meta)$/;

export function sceneModules(): Plugin {
  let root = process.cwd();
  return {
    name: 'kubehop-scene-modules',
    configResolved(config) {
      root = config.root;
    },
    async load(id) {
      const m = QUERY.exec(id);
      if (!m) return null;
      const path = id.slice(0, id.indexOf('?'));
      this.addWatchFile(path);
      const text = await readFile(path, 'utf8');
      const file = relative(root, path).split('\\').join('/');
      const data = m[1] === 'bundle' ? await bundleScene(text, file) : sceneMeta(text, file);
      // A string parsed at runtime loads faster than the same object as a JS literal.
      return { code: `export default JSON.parse(${JSON.stringify(JSON.stringify(data))});`, map: null };
    },
  };
}
