import { describe, expect, it } from 'vitest';
import { LightBeforeModel } from '../../../src/anatomy/lightBeforeModel';

/** A promise settled from outside. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<T>((ok, fail) => ((resolve = ok), (reject = fail)));
  return { promise, resolve, reject };
}

const settle = () => new Promise((done) => setTimeout(done, 0));

describe('the decoding worker reads the studio light before the model', () => {
  it('starts a model decode only once the light asked for before it has been read', async () => {
    const order = new LightBeforeModel();
    const events: string[] = [];
    const light = deferred<string>();
    void order.light(light.promise).then(() => events.push('light read'));
    const model = order.model(async () => {
      events.push('model decode starts');
      return 'model';
    });
    await settle();
    expect(events).toEqual([]);
    light.resolve('cube');
    await expect(model).resolves.toBe('model');
    expect(events).toEqual(['light read', 'model decode starts']);
  });

  it('decodes the model after a light that failed, and at once when no light was asked for', async () => {
    const failing = new LightBeforeModel();
    const light = deferred<string>();
    const read = failing.light(light.promise);
    const model = failing.model(async () => 'model');
    light.reject(new Error('404'));
    await expect(read).rejects.toThrow('404');
    await expect(model).resolves.toBe('model');
    let started = false;
    const alone = new LightBeforeModel().model(async () => (started = true));
    await alone;
    expect(started).toBe(true);
  });

  it('does not hold a light back behind a model', async () => {
    const order = new LightBeforeModel();
    const decode = deferred<string>();
    void order.model(() => decode.promise);
    await expect(order.light(Promise.resolve('cube'))).resolves.toBe('cube');
  });
});
