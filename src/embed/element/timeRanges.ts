/**
 * A TimeRanges-shaped list of [start, end] ranges in seconds, as a media element's `seekable`, `buffered` and
 * `played` are: `length`, `start(i)`, `end(i)`, and an `IndexSizeError` for an index out of range. Browsers do not
 * let scripts construct a real `TimeRanges`; player UIs only read these three members.
 */
export class ViewerTimeRanges implements TimeRanges {
  private readonly ranges: readonly (readonly [number, number])[];

  /** `ranges` sorted and not overlapping (see `mergeRanges`). */
  constructor(ranges: readonly (readonly [number, number])[] = []) {
    this.ranges = ranges.map(([s, e]) => [s, e] as const);
  }

  get length(): number {
    return this.ranges.length;
  }

  start(index: number): number {
    return this.at(index, 'start')[0];
  }

  end(index: number): number {
    return this.at(index, 'end')[1];
  }

  get [Symbol.toStringTag](): string {
    return 'TimeRanges';
  }

  private at(index: number, method: string): readonly [number, number] {
    // WebIDL's `unsigned long`: -1 wraps to 4294967295, so it is out of range as a browser reports it.
    const i = Number(index) >>> 0;
    const range = this.ranges[i];
    if (!range)
      throw new DOMException(
        `Failed to execute '${method}' on 'TimeRanges': The index provided (${i}) is greater than or equal to the maximum bound (${this.ranges.length}).`,
        'IndexSizeError',
      );
    return range;
  }
}

/** Sort ranges and join those that overlap or touch; empty and reversed ranges are dropped. */
export function mergeRanges(ranges: readonly (readonly [number, number])[]): [number, number][] {
  const sorted = ranges.filter(([s, e]) => e > s).sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [s, e] of sorted) {
    const last = merged[merged.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else merged.push([s, e]);
  }
  return merged;
}
