// `import { bundle } from 'kubehop/bundle'` in Node: the bundler is the
// project's TypeScript (src/bundle/index.ts), run through tsx as the CLI is,
// so the package ships one copy of the pipeline and nothing to keep in step
// with a compiled one. tsImport keeps tsx's loader to this import alone:
// the importing program's own module loading is left as it was.
import { tsImport } from 'tsx/esm/api';

const api = await tsImport('../src/bundle/index.ts', import.meta.url);

export const bundle = api.bundle;
