// Byte encoding shared by the posting lists and the per-post term lists: both are runs of
// (increasing id, packed term frequency) entries, where the id is a post slot or a term id and the
// packed frequency is title << 8 | body (each capped at 255). Each entry is one varint token
// ((gap - 1) * 4 + code) + 1, gap being the difference from the previous id (from -1 for the first),
// and the code naming the usual frequencies: 0 body once, 1 title once, 2 both once, 3 "a varint
// with the packed frequency follows". The token is never 0, so a zero byte can end a block early.
// Dense lists take one byte an entry, where plain arrays took six.

export const TF_BODY_ONCE = 1;
export const TF_TITLE_ONCE = 1 << 8;
export const TF_BOTH_ONCE = TF_TITLE_ONCE | TF_BODY_ONCE;
/** Longest entry: a 5-byte token and a 3-byte frequency. */
export const MAX_ENTRY_BYTES = 8;
/** Gaps (and so slots and term ids) stay below this, which keeps tokens within 31 bits. */
export const MAX_ID = 1 << 28;

export function writeVarint(out: Uint8Array, at: number, value: number): number {
  while (value >= 128) {
    out[at++] = (value & 127) | 128;
    value >>>= 7;
  }
  out[at++] = value;
  return at;
}

function varintSize(value: number): number {
  return value < 1 << 7 ? 1 : value < 1 << 14 ? 2 : value < 1 << 21 ? 3 : value < 1 << 28 ? 4 : 5;
}

function codeOf(tf: number): number {
  return tf === TF_BODY_ONCE ? 0 : tf === TF_TITLE_ONCE ? 1 : tf === TF_BOTH_ONCE ? 2 : 3;
}

/** Bytes writeEntry takes for this entry. */
export function entrySize(gap: number, tf: number): number {
  const code = codeOf(tf);
  return varintSize((gap - 1) * 4 + code + 1) + (code === 3 ? varintSize(tf) : 0);
}

/** Writes one entry at `at` and returns the position after it. */
export function writeEntry(out: Uint8Array, at: number, gap: number, tf: number): number {
  const code = codeOf(tf);
  at = writeVarint(out, at, (gap - 1) * 4 + code + 1);
  return code === 3 ? writeVarint(out, at, tf) : at;
}

/** Packed frequency of a token's code (3: read from the varint that follows). */
export function tfOfCode(code: number): number {
  return code === 0 ? TF_BODY_ONCE : code === 1 ? TF_TITLE_ONCE : TF_BOTH_ONCE;
}

/** Sequential reader over one chunk's bytes (the engine's hot loops inline the same steps). */
export class ByteReader {
  bytes: Uint8Array;
  at: number;
  /** packed frequency of the last entry read */
  tf = 0;

  constructor(bytes: Uint8Array, at: number) {
    this.bytes = bytes;
    this.at = at;
  }

  varint(): number {
    let b = this.bytes[this.at++];
    let value = b & 127;
    for (let shift = 7; b >= 128; shift += 7) {
      b = this.bytes[this.at++];
      value |= (b & 127) << shift;
    }
    return value;
  }

  /** Reads one entry: returns the gap and leaves its packed frequency in `tf`. */
  entry(): number {
    const token = this.varint() - 1;
    const code = token & 3;
    this.tf = code === 3 ? this.varint() : tfOfCode(code);
    return (token >>> 2) + 1;
  }
}
