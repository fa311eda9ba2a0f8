/** A popped candidate collapse: edge a–b, the vertex versions it was costed with, and the merged position. */
export interface EdgeEntry {
  a: number;
  b: number;
  va: number;
  vb: number;
  x: number;
  y: number;
  z: number;
}

/**
 * Binary min-heap of candidate edge collapses, stored in flat growable arrays (millions of pushes, no objects).
 * Ties are broken by insertion order, so the order of collapses is fully reproducible.
 */
export class EdgeHeap {
  private cost = new Float64Array(1024);
  private ends = new Int32Array(2048);
  private stamps = new Uint32Array(2048);
  private where = new Float64Array(3072);
  private heap = new Int32Array(1024);
  private entries = 0;
  private size = 0;

  push(cost: number, a: number, b: number, va: number, vb: number, at: Float64Array): void {
    const id = this.entries++;
    if (id >= this.cost.length) this.grow();
    this.cost[id] = cost;
    this.ends[2 * id] = a;
    this.ends[2 * id + 1] = b;
    this.stamps[2 * id] = va;
    this.stamps[2 * id + 1] = vb;
    this.where.set(at.subarray(0, 3), 3 * id);
    if (this.size >= this.heap.length) {
      const next = new Int32Array(this.heap.length * 2);
      next.set(this.heap);
      this.heap = next;
    }
    let i = this.size++;
    this.heap[i] = id;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(this.heap[i]!, this.heap[parent]!)) break;
      this.swap(i, parent);
      i = parent;
    }
  }

  /** Removes the cheapest entry into `out`; false when empty. */
  pop(out: EdgeEntry): boolean {
    if (this.size === 0) return false;
    const id = this.heap[0]!;
    this.size--;
    this.heap[0] = this.heap[this.size]!;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < this.size && this.less(this.heap[l]!, this.heap[m]!)) m = l;
      if (r < this.size && this.less(this.heap[r]!, this.heap[m]!)) m = r;
      if (m === i) break;
      this.swap(i, m);
      i = m;
    }
    out.a = this.ends[2 * id]!;
    out.b = this.ends[2 * id + 1]!;
    out.va = this.stamps[2 * id]!;
    out.vb = this.stamps[2 * id + 1]!;
    out.x = this.where[3 * id]!;
    out.y = this.where[3 * id + 1]!;
    out.z = this.where[3 * id + 2]!;
    return true;
  }

  private less(p: number, q: number): boolean {
    const cp = this.cost[p]!;
    const cq = this.cost[q]!;
    return cp < cq || (cp === cq && p < q);
  }

  private swap(i: number, j: number): void {
    const t = this.heap[i]!;
    this.heap[i] = this.heap[j]!;
    this.heap[j] = t;
  }

  private grow(): void {
    const n = this.cost.length * 2;
    const cost = new Float64Array(n);
    cost.set(this.cost);
    const ends = new Int32Array(2 * n);
    ends.set(this.ends);
    const stamps = new Uint32Array(2 * n);
    stamps.set(this.stamps);
    const where = new Float64Array(3 * n);
    where.set(this.where);
    this.cost = cost;
    this.ends = ends;
    this.stamps = stamps;
    this.where = where;
  }
}
