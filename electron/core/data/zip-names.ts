// Names inside the export zip made from documents' own names: a name is user data, so it is made safe for every
// system that will unpack it (no folders, no reserved characters) and unique without regard to case. No `electron` import.

// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f<>:"/\\|?*]+/g;
const RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)(\.|$)/i;
/** Bytes, not characters: some file systems cap a name at 255 bytes; room is left for " (12345)". */
const MAX_NAME_BYTES = 200;

function safeName(name: string): string {
  let clean = name.normalize('NFC').replace(UNSAFE, '_').replace(/^[\s.]+|[\s.]+$/g, '');
  if (!clean || RESERVED.test(clean)) clean = `_${clean || 'document'}`;
  while (Buffer.byteLength(clean) > MAX_NAME_BYTES) clean = Array.from(clean).slice(0, -1).join('');
  return clean;
}

export function zipNames() {
  const used = new Set<string>();
  return {
    /** A unique `folder/name` for a document called `name`. */
    next(folder: string, name: string): string {
      const clean = safeName(name);
      const dot = clean.lastIndexOf('.');
      const [stem, ext] = dot > 0 ? [clean.slice(0, dot), clean.slice(dot)] : [clean, ''];
      for (let n = 1; ; n++) {
        const candidate = `${folder}/${n === 1 ? clean : `${stem} (${n})${ext}`}`;
        if (!used.has(candidate.toLowerCase())) {
          used.add(candidate.toLowerCase());
          return candidate;
        }
      }
    },
  };
}
