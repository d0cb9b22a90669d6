import { IdTable } from './engine/index.ts';

// Per-post facts a workspace index needs beside the engine: when the post last changed (to skip
// rows a catch-up reads again) and its board (visibility). Typed arrays behind one id → slot table
// (uuids as 16 bytes, engine/id-table.ts): about 40 bytes a post, where a Map of small objects
// measured about 190 (boxed doubles, headers) and a Map from id strings to slots about 90.

export class PostTable {
  #slotOf = new IdTable();
  #micros = new Float64Array(1024);
  #board = new Int32Array(1024);
  #free: number[] = [];
  #used = 0;
  #boardNumber = new Map<string, number>();
  #boardIds: string[] = [];

  #numberOf(boardId: string): number {
    let n = this.#boardNumber.get(boardId);
    if (n === undefined) {
      n = this.#boardIds.length;
      this.#boardIds.push(boardId);
      this.#boardNumber.set(boardId, n);
    }
    return n;
  }

  #grow(): void {
    const micros = new Float64Array(this.#micros.length * 2);
    micros.set(this.#micros);
    this.#micros = micros;
    const board = new Int32Array(this.#board.length * 2);
    board.set(this.#board);
    this.#board = board;
  }

  set(postId: string, updatedMicros: number, boardId: string): void {
    let slot = this.#slotOf.get(postId);
    if (slot === undefined) {
      slot = this.#free.pop() ?? this.#used++;
      if (slot >= this.#micros.length) this.#grow();
      this.#slotOf.set(postId, slot);
    }
    this.#micros[slot] = updatedMicros;
    this.#board[slot] = this.#numberOf(boardId);
  }

  delete(postId: string): void {
    const slot = this.#slotOf.delete(postId);
    if (slot === undefined) return;
    this.#free.push(slot);
  }

  updatedMicros(postId: string): number | undefined {
    const slot = this.#slotOf.get(postId);
    return slot === undefined ? undefined : this.#micros[slot];
  }

  boardOf(postId: string): string | undefined {
    const slot = this.#slotOf.get(postId);
    return slot === undefined ? undefined : this.#boardIds[this.#board[slot]];
  }

  has(postId: string): boolean {
    return this.#slotOf.has(postId);
  }

  get size(): number {
    return this.#slotOf.size;
  }

  ids(): string[] {
    return Array.from(this.#slotOf.entries(), ([id]) => id);
  }

  /** The posts on any of these boards. */
  onBoards(boardIds: ReadonlySet<string>): string[] {
    const numbers = new Set([...boardIds].flatMap((id) => {
      const n = this.#boardNumber.get(id);
      return n === undefined ? [] : [n];
    }));
    return [...this.#slotOf.entries()].filter(([, slot]) => numbers.has(this.#board[slot])).map(([id]) => id);
  }

  byteEstimate(): number {
    return this.#slotOf.byteSize() + this.#micros.byteLength + this.#board.byteLength + this.#free.length * 8;
  }
}
