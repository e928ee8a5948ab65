// `import rehypeKubehop from 'kubehop/rehype'` in Node: the plugin is the
// project's TypeScript (src/bundle/rehype.ts), loaded through tsx as
// lib/bundle.js loads the bundler, for the same reasons.
import { tsImport } from 'tsx/esm/api';

const api = await tsImport('../src/bundle/rehype.ts', import.meta.url);

export default api.default;
