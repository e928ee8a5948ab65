// `kubehop export` after its arguments are understood: one built scene in,
// files out. SVG is drawn in jsdom; PNG, GIF and WebM in headless Chromium
// (the same code as the app's export menu, animate.ts); HTML is the embed
// element and the scene in one page.
import { mkdir, stat, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { SceneBundle } from '../bundle/bundle.ts';
import type { Shown } from '../show.ts';
import { embedModule } from './build.ts';
import { withExportPage } from './chromium.ts';
import { htmlPage } from './html.ts';
import { singlePath, stepPaths } from './names.ts';
import { PNG_SCALE, type ExportTheme, type Format } from './options.ts';
import { svgFiles } from './svg-node.ts';

export interface ExportRequest {
  format: Format;
  /** 0-based steps for svg/png (already resolved against the scene); ignored by the animated formats. */
  steps: number[];
  /** One file per step (named by stepPaths) rather than one file. */
  perStep: boolean;
  theme: ExportTheme;
  width: number;
  scale?: number;
  out?: string;
}

export interface Written {
  path: string;
  bytes: number;
  /** What is in it, for the one line the CLI prints: "2560×1452 px", "343 frames, 125.0 s". */
  detail: string;
}

type Ok = Extract<SceneBundle, { ok: true }>;

export async function exportScene(bundle: Ok, req: ExportRequest, onProgress?: (done: number, total: number) => void): Promise<Written[]> {
  const built: Pick<Shown, 'scene' | 'steps' | 'geometry'> = { scene: bundle.scene, steps: bundle.steps, geometry: bundle.geometry };
  const target = { out: req.out, isDir: await isDir(req.out), sceneId: bundle.scene.id, format: req.format };
  const paths = req.perStep ? stepPaths(target, req.steps, built.steps.length) : [singlePath(target)];
  const opts = { theme: req.theme, width: req.width };
  switch (req.format) {
    case 'svg': {
      const files = await svgFiles(built, req.steps, opts);
      return Promise.all(files.map((text, i) => save(paths[i]!, text, `step ${req.steps[i]! + 1}`)));
    }
    case 'png':
      return withExportPage(async ({ call }) => {
        const out: Written[] = [];
        for (const [i, k] of req.steps.entries()) {
          const png = await call('pngBytes', built, k, opts, req.scale ?? PNG_SCALE);
          out.push(await save(paths[i]!, png.bytes, `step ${k + 1}, ${png.width}×${png.height} px`));
        }
        return out;
      });
    case 'gif':
    case 'webm':
      return withExportPage(async ({ call }) => {
        const v = await call(req.format === 'gif' ? 'gifBytes' : 'webmBytes', built, opts);
        const what = `${v.width}×${v.height} px, ${v.frames} frames, ${(v.durationMs / 1000).toFixed(2)} s${v.codec ? `, ${v.codec}` : ''}`;
        return [await save(paths[0]!, v.bytes, what)];
      }, onProgress);
    case 'html': {
      const page = htmlPage(bundle, await embedModule(), opts);
      return [await save(paths[0]!, page, `${built.steps.length} steps, no network needed`)];
    }
  }
}

async function save(path: string, data: string | Uint8Array, detail: string): Promise<Written> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, data);
  return { path, bytes: typeof data === 'string' ? Buffer.byteLength(data) : data.byteLength, detail };
}

async function isDir(path: string | undefined): Promise<boolean> {
  if (!path) return false;
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}
