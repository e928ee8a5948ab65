// `import kubehop from 'kubehop/vite'` in a Vite config: the plugin is the
// project's TypeScript (src/bundle/vite.ts), loaded through tsx as
// lib/bundle.js loads the bundler, for the same reasons.
import { tsImport } from 'tsx/esm/api';

const api = await tsImport('../src/bundle/vite.ts', import.meta.url);

export default api.default;
