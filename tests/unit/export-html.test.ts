// The single-file HTML page, as text: whatever a scene says, the page keeps
// its shape (no caption can close a <script>), and the bundle inside reads
// back as the bundle given. The browser test opens a real one from disk.
import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { escapeHtml, htmlPage, jsonInHtml, scriptInHtml, type HtmlScene } from '../../src/export/html.ts';
import { READS_FORMAT } from '../../src/embed/bundle-check.ts';
import { BUNDLE_FORMAT } from '../../src/bundle/bundle.ts';

const nasty = '</script><script>alert(1)</script> <!-- & "quotes" \u2028';
const bundle: HtmlScene = {
  format: 2,
  ok: true,
  scene: { id: 'x', title: `Title ${nasty}`, summary: `Summary ${nasty}` },
  steps: [{ caption: nasty }],
  geometry: { width: 10, height: 10 },
};
const element = 'export class A { m() { return "</script>" + `<!--` + /<\\/script>/.source; } }';

function parse(html: string): Document {
  return new JSDOM(html).window.document;
}

describe('htmlPage', () => {
  const html = htmlPage(bundle, element, { theme: 'dark', width: 960 });
  const doc = parse(html);

  it('holds the bundle as JSON that reads back unchanged', () => {
    const json = doc.getElementById('kubehop-bundle')!.textContent!;
    expect(JSON.parse(json)).toEqual(bundle);
  });

  it('has exactly its three scripts, whatever the captions and the code contain', () => {
    const scripts = [...doc.querySelectorAll('script')];
    expect(scripts.map((s) => s.type)).toEqual(['application/json', 'module', 'module']);
    expect(doc.querySelector('kubehop-scene')!.getAttribute('theme')).toBe('dark');
    expect(doc.querySelector('kubehop-scene')!.hasAttribute('controls')).toBe(true);
  });

  it('shows title and summary as text', () => {
    expect(doc.title).toBe(bundle.scene.title);
    expect(doc.querySelector('h1')!.textContent).toBe(bundle.scene.title);
  });

  it('references nothing outside the file', () => {
    expect(html).not.toMatch(/\s(src|href)=/);
    expect(html).not.toMatch(/@import|url\(/);
  });

  it('is built for the bundle format the embedded player reads', () => {
    expect(READS_FORMAT).toBe(BUNDLE_FORMAT);
  });
});

describe('inlining helpers', () => {
  it('scriptInHtml leaves no </script or <!-- but means the same code', () => {
    const out = scriptInHtml(element);
    expect(out).not.toMatch(/<\/script|<!--/i);
    // eslint-disable-next-line @typescript-eslint/no-implied-eval
    const run = (code: string): string => new Function(`${code.replace('export ', '')}; return new A().m();`)() as string;
    expect(run(out)).toBe(run(element));
  });

  it('jsonInHtml has no < and parses to the same value', () => {
    const out = jsonInHtml({ s: nasty });
    expect(out).not.toContain('<');
    expect(JSON.parse(out)).toEqual({ s: nasty });
  });

  it('escapeHtml escapes markup and quotes', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&#60;a href=&#34;x&#34;&#62;&#39;&#38;&#39;&#60;/a&#62;');
  });
});
