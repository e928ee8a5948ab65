// The element takes its type from the page (font and size cross its shadow
// boundary), which in a blog is right and in a deck is not: a reveal.js
// theme sets 42 px on .reveal, for slide titles and bullets, and a caption
// and buttons at that size leave the diagram a strip. The plugin gives scenes
// in a deck half the slide's font size, set left like a caption, in a sheet
// of zero specificity (:where) so that any rule of the deck's own wins. An
// adopted sheet, as the element's own: a CSP with style-src 'self' allows it.

const CSS = ':where(.reveal kubehop-scene) { font-size: 0.5em; line-height: 1.4; text-align: start; }';

let sheet: CSSStyleSheet | undefined;

export function adoptDeckStyle(doc: Document): void {
  try {
    sheet ??= new CSSStyleSheet();
    sheet.replaceSync(CSS);
    if (!doc.adoptedStyleSheets.includes(sheet)) doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
  } catch {
    // No constructable sheets (an old browser): the deck's CSS can still size the scenes.
  }
}
