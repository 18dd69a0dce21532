const NAME_MAX = 120;
// Control characters, and the bidirectional overrides that make "gpj.exe" read as "exe.jpg".
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * The citizen's file name, fit to show staff: no folders, no control or direction-changing characters,
 * at most 120 characters (the extension kept). Only ever displayed; files are stored under random ids.
 */
export function sanitiseFileName(given: string | undefined | null): string {
  const base = (given ?? '').normalize('NFC').split(/[/\\]/).pop() ?? '';
  let name = base.replace(UNSAFE, '').replace(/\s+/g, ' ').trim().replace(/^\.+/, '').trim();
  if (name.length > NAME_MAX) {
    const dot = name.lastIndexOf('.');
    const extension = dot > 0 && name.length - dot <= 10 ? name.slice(dot) : '';
    name = `${[...name.slice(0, NAME_MAX - extension.length)].join('').trimEnd()}${extension}`;
  }
  return name || 'attachment';
}
