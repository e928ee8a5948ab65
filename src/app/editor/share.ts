// Share links: `#v1:` + the scene text, deflate-raw compressed, base64url.
// The v1 payload format is frozen: links already handed out must keep
// opening, so a new format takes a new prefix (v2:) and v1 stays decodable.

export const SHARE_PREFIX = 'v1:';

export type Decoded = { ok: true; text: string } | { ok: false; error: string };

async function pipe(bytes: Uint8Array, stream: GenericTransformStream): Promise<Uint8Array> {
  const out = new Blob([bytes as BlobPart]).stream().pipeThrough(stream as TransformStream<Uint8Array, Uint8Array>);
  return new Uint8Array(await new Response(out).arrayBuffer());
}

export function toBase64Url(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function fromBase64Url(text: string): Uint8Array | undefined {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return undefined;
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4);
  return Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
}

/** The payload after `#v1:` for this text. */
export async function encodeShare(text: string): Promise<string> {
  return toBase64Url(await pipe(new TextEncoder().encode(text), new CompressionStream('deflate-raw')));
}

/** The text of a `#v1:` payload; a corrupt payload is an error to show, never a throw. */
export async function decodeShare(payload: string): Promise<Decoded> {
  const bytes = fromBase64Url(payload.trim());
  if (!bytes) return { ok: false, error: 'The link is damaged: its scene part has characters a share link never contains (was it cut short or re-wrapped?).' };
  if (bytes.length === 0) return { ok: false, error: 'The link is empty: it holds no scene.' };
  let raw: Uint8Array;
  try {
    raw = await pipe(bytes, new DecompressionStream('deflate-raw'));
  } catch {
    return { ok: false, error: 'The link is damaged: its scene part does not decompress (was it cut short?).' };
  }
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(raw) };
  } catch {
    return { ok: false, error: 'The link is damaged: its scene is not valid UTF-8 text.' };
  }
}

/** The full share URL: this page's address with the `#v1:` fragment. */
export async function shareUrl(text: string, base: string): Promise<string> {
  return `${base.replace(/#.*$/, '')}#${SHARE_PREFIX}${await encodeShare(text)}`;
}
