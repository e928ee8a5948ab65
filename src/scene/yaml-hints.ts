// What the usual slips of hand-written YAML look like, said in the writer's
// terms. The parser names the symptom (a "nested mapping", an "implicit key");
// the hint names the fix, read off the lines around the error: the same
// message comes from a colon inside a value and from an over-indented key,
// whose fixes differ.

const KEY = /^(\s*)(?:-\s+)?([A-Za-z0-9_.\/-]+):(\s|$)/;

const BY_CODE: Record<string, string> = {
  BAD_INDENT: 'check the indentation of this line against the lines above',
  DUPLICATE_KEY: 'each key may appear once in a map',
  TAB_AS_INDENT: 'YAML indents with spaces, not tabs',
};

/** The fix, or undefined when there is nothing better to say than the message. */
export function yamlHint(code: string, message: string, text: string, offset: number): string | undefined {
  const lines = text.split('\n');
  const at = text.slice(0, offset).split('\n').length - 1;
  return hintFor(code, message, lines, at, lines[at] ?? '');
}

function hintFor(code: string, message: string, lines: string[], at: number, line: string): string | undefined {
  if (/flow (sequence|mapping)/i.test(message)) return 'is a [ or { left without its closing ] or }?';
  if (/sequence items must start at the same column/i.test(message)) return "this '- ' is not in line with its list's other items: start it at the same column as the '- ' above";
  if (/without - indicator/.test(message)) return "this line is indented less than the keys above it: align it with them (or start a new list item with '- ')";
  if (code === 'MISSING_CHAR' && /quote/i.test(message)) return 'a quoted value needs its closing quote';
  if (code === 'BLOCK_AS_IMPLICIT_KEY') return overIndented(lines, at) ?? "a ': ' inside a value starts a new key: put the value in quotes";
  if (code === 'MULTILINE_IMPLICIT_KEY') {
    const bare = line.trim();
    if (/^[A-Za-z0-9_-]+:\S/.test(bare)) return `a key's ':' needs a space after it ('${bare.replace(/:(\S)/, ': $1')}')`;
    if (bare && !bare.includes(':') && !bare.startsWith('-')) return `a key needs a ':' after it ('${bare.replace(/^(\S+)\s*/, '$1: ')}')`;
    return overIndented(lines, at) ?? "a key and its ':' must be on one line; is an indentation or a quote off?";
  }
  return BY_CODE[code];
}

/** A key written deeper than the key of the line above it: the usual cause of a "nested mapping" error. */
function overIndented(lines: string[], at: number): string | undefined {
  const above = KEY.exec(lines[at] ?? '');
  if (!above) return undefined;
  for (let k = at + 1; k < lines.length; k++) {
    if (!lines[k]!.trim()) continue;
    const next = KEY.exec(lines[k]!);
    const listItem = /^\s*-\s/.test(lines[at]!) ? 2 : 0;
    if (!next || next[1]!.length <= above[1]!.length + listItem) return undefined;
    return `'${next[2]}' on line ${k + 1} is indented more than '${above[2]}' above it: align it with its siblings`;
  }
  return undefined;
}
