/**
 * A minimal typed event emitter (no DOM), so the core stays usable in tests and workers. Listener lists are
 * copied on change, never on emit, so emitting (every frame, for `frame`) allocates nothing.
 */
export class Emitter<Events extends Record<string, unknown>> {
  private listeners = new Map<keyof Events, readonly ((detail: never) => void)[]>();

  on<K extends keyof Events>(type: K, listener: (detail: Events[K]) => void): () => void {
    const add = listener as (detail: never) => void;
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), add]);
    return () => {
      const list = this.listeners.get(type) ?? [];
      const index = list.indexOf(add);
      if (index >= 0) this.listeners.set(type, [...list.slice(0, index), ...list.slice(index + 1)]);
    };
  }

  emit<K extends keyof Events>(type: K, detail: Events[K]): void {
    const list = this.listeners.get(type);
    if (!list) return;
    for (let i = 0; i < list.length; i++) (list[i] as (d: Events[K]) => void)(detail);
  }
}
