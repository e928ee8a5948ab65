// `kubehop export`'s arguments, checked before anything is built: every
// mistake is named (exit 2 with the usage), so a long GIF render never
// starts only to fail at the end on a typo.
import { DEFAULT_WIDTH, FORMATS, THEMES, WIDTH_RANGE, isFormat, isTheme, type ExportTheme, type Format } from '../export/options.ts';
import { HELP, readOptions, type OptionSpec } from './options.ts';
import { formatOfPath } from '../export/names.ts';
import { EXIT_CODES } from './usage.ts';

export const EXPORT_USAGE = `usage: kubehop export <scene.yaml> --format ${FORMATS.join('|')} [options]

  Writes the scene as a picture, an animation or a page that plays it.
    svg   one step, self-contained (styles inside; system monospace font)
    png   one step, rendered in headless Chromium at 2x (--scale)
    gif   the whole scene, looping; each step held long enough to read its caption
    webm  the whole scene as VP9 (or VP8) video at 30 fps
    html  one file with the player and the scene; works opened from disk

options:
  -o, --output <path>    file to write (default: <scene id>.<format>); with
                         --all-steps, <path> minus its extension gets -01, -02, …
                         (a folder: <folder>/<scene id>-01.<format> …)
  --format <f>           ${FORMATS.join(', ')} (default: from the -o extension)
  --step <n>             svg/png: the step to draw, 1-based, or "last" (default: 1)
  --all-steps            svg/png: one file per step
  --theme <t>            ${THEMES.join(', ')} (default: light)
  --width <px>           picture width in CSS pixels, ${WIDTH_RANGE.min}–${WIDTH_RANGE.max}
                         (default: ${FORMATS.map((f) => `${f} ${DEFAULT_WIDTH[f]}`).join(', ')})
  --scale <n>            png only: pixels per CSS pixel, 1–4 (default: 2)
  -h, --help             show this text

PNG, GIF and WebM need Chromium (CHROMIUM_PATH, /usr/bin/chromium, or Playwright's).

${EXIT_CODES}`;

export type StepChoice = { all: true } | { one: number } | { last: true };

export interface ExportArgs {
  file: string;
  format: Format;
  step: StepChoice;
  theme: ExportTheme;
  width: number;
  scale?: number;
  out?: string;
}

export type Parsed = { ok: true; args: ExportArgs } | { ok: false; help: true } | { ok: false; help?: false; error: string };

const OPTIONS: OptionSpec = {
  ...HELP,
  output: { type: 'string', short: 'o' },
  format: { type: 'string' },
  step: { type: 'string' },
  'all-steps': { type: 'boolean' },
  theme: { type: 'string' },
  width: { type: 'string' },
  scale: { type: 'string' },
};

export function parseExportArgs(argv: readonly string[]): Parsed {
  const read = readOptions(argv, 'export', OPTIONS);
  if ('error' in read) return fail(read.error);
  const { values, flags, files } = read;
  if (flags.has('help')) return { ok: false, help: true };
  if (files.length !== 1) return fail(files.length === 0 ? 'export needs a scene file' : 'export takes exactly one scene file');

  const out = values.get('output');
  const fromPath = out ? formatOfPath(out) : undefined;
  const given = values.get('format');
  if (given !== undefined && !isFormat(given)) return fail(`--format must be one of ${FORMATS.join(', ')}, not '${given}'`);
  const format = given ?? (isFormat(fromPath) ? fromPath : undefined);
  if (!format) return fail(out ? `say which format with --format (-o ${out} does not end in one of .${FORMATS.join(', .')})` : 'say which format with --format');
  if (given && fromPath && fromPath !== format) return fail(`-o ${out} ends in .${fromPath}, but --format is ${format}`);

  const theme = values.get('theme') ?? 'light';
  if (!isTheme(theme)) return fail(`--theme must be one of ${THEMES.join(', ')}, not '${theme}'`);

  const widthText = values.get('width');
  const width = widthText === undefined ? DEFAULT_WIDTH[format] : Number(widthText);
  if (!Number.isInteger(width) || width < WIDTH_RANGE.min || width > WIDTH_RANGE.max) {
    return fail(`--width must be a whole number of pixels from ${WIDTH_RANGE.min} to ${WIDTH_RANGE.max}, not '${widthText}'`);
  }

  const stepText = values.get('step');
  const all = flags.has('all-steps');
  const still = format === 'svg' || format === 'png';
  if ((stepText !== undefined || all) && !still) return fail(`--step and --all-steps are for svg and png; ${format} always shows the whole scene`);
  if (stepText !== undefined && all) return fail('give --step or --all-steps, not both');
  let step: StepChoice = { one: 0 };
  if (all) step = { all: true };
  else if (stepText !== undefined) {
    if (stepText.trim().toLowerCase() === 'last') step = { last: true };
    else if (/^\d+$/.test(stepText.trim()) && Number(stepText) >= 1) step = { one: Number(stepText) - 1 };
    else return fail(`--step must be a step number from 1, or "last", not '${stepText}'`);
  }

  const scaleText = values.get('scale');
  let scale: number | undefined;
  if (scaleText !== undefined) {
    if (format !== 'png') return fail('--scale is for png');
    scale = Number(scaleText);
    if (!Number.isFinite(scale) || scale < 1 || scale > 4) return fail(`--scale must be a number from 1 to 4, not '${scaleText}'`);
  }
  return { ok: true, args: { file: files[0]!, format, step, theme, width, scale, out } };
}

/** The 0-based steps to draw, or why the scene has no such step. */
export function resolveSteps(step: StepChoice, count: number): number[] | string {
  if ('all' in step) return Array.from({ length: count }, (_, k) => k);
  if ('last' in step) return [Math.max(0, count - 1)];
  if (step.one >= count) return `--step ${step.one + 1}: the scene has ${count} step${count === 1 ? '' : 's'}`;
  return [step.one];
}

function fail(error: string): Parsed {
  return { ok: false, error };
}
