// Scene notes mark commands with `backticks`, as Markdown does; the notes
// window sets those in monospace. The result is text for text nodes, never
// markup: notes come from scene files, which anyone may write.

export interface Span {
  code: boolean;
  text: string;
}

export function codeSpans(text: string): Span[] {
  const parts = text.split('`');
  // An odd backtick out means they were not meant as marks: leave the text as written.
  if (parts.length % 2 === 0) return [{ code: false, text }];
  return parts.map((t, i) => ({ code: i % 2 === 1, text: t })).filter((s) => s.text !== '');
}
