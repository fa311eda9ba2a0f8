import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { collectErrors, waitForViewerReady } from './support/browser';
import { browserSuite } from './support/suite';
import { pngVariety } from './support/imageStats';
import { openViewer, seekAndSettle } from './support/viewerPage';
import { screenshotOf } from './support/screenshotOf';

const suite = browserSuite();

/** Marks when <spine-procedure-viewer> gets defined (an init script: it runs before the page's own). */
function markDefinition(): void {
  void customElements
    .whenDefined('spine-procedure-viewer')
    .then(() => performance.mark('test-viewer-defined'));
}

/** Whether the decoding worker was requested before the element was defined, and which threads merged the spine. */
function headStart(page: Page): Promise<{ workerBeforeDefinition: boolean; merges: string[] }> {
  return page.evaluate(() => {
    const defined = performance.getEntriesByName('test-viewer-defined')[0]!.startTime;
    const worker = performance
      .getEntriesByType('resource')
      .find((e) => /\/assets\/meshoptDecode\.worker-[\w-]+\.js$/.test(new URL(e.name).pathname));
    return {
      workerBeforeDefinition: worker !== undefined && worker.startTime < defined,
      merges: performance
        .getEntriesByName('spine-static-merge')
        .map((e) => ((e as PerformanceMeasure).detail as { thread: string }).thread),
    };
  });
}

describe('standalone page', () => {
  it('loads, draws the spine and logs no errors', async () => {
    const v = await openViewer(suite.browser, suite.origin);
    const variety = await pngVariety(
      v.page,
      await screenshotOf(v.page.locator('spine-procedure-viewer canvas')),
    );
    await v.screenshot('foundation-overview');
    expect(variety, 'the 3D view should not be blank').toBeGreaterThan(0.08);
    const state = await v.state();
    expect(state.step).toBe('overview');
    expect(state.procedure).toBe('kyphoplasty');
    // The decoding worker merged the static spine for the level the viewer opened on; another level is merged
    // on the page.
    const merges = () =>
      v.page.evaluate(() =>
        performance
          .getEntriesByName('spine-static-merge')
          .map((e) => (e as PerformanceMeasure).detail as { thread: string })
          .map((d) => d.thread),
      );
    expect(await merges()).toEqual(['worker']);
    await v.page.evaluate(() =>
      document.querySelector('spine-procedure-viewer')!.setAttribute('level', 'T12'),
    );
    await v.page.waitForFunction(() => performance.getEntriesByName('spine-static-merge').length === 2);
    expect(await merges()).toEqual(['worker', 'main']);
    expect(v.errors).toEqual([]);
    await v.close();
  });

  it('reads every spine program’s uniforms before drawing any of them, so no draw waits for another’s build', async () => {
    // Reading a program's uniforms is a round trip that waits for all GPU work queued before it; a software GPU
    // builds a program at its first draw. Drawn as each program came up, the page waited for every build in turn.
    const v = await openViewer(suite.browser, suite.origin, '', undefined, {
      init: (context) =>
        context.addInitScript(() => {
          // Up to the first frame: what loads after it (the features' chunk) builds its programs later.
          let drawn = false;
          void customElements
            .whenDefined('spine-procedure-viewer')
            .then(() =>
              (
                document.querySelector('spine-procedure-viewer') as unknown as { ready: Promise<void> }
              ).ready.then(() => (drawn = true)),
            );
          const all: string[] = [];
          const log = { push: (entry: string) => drawn || all.push(entry) };
          (window as unknown as { glLog: string[] }).glLog = all;
          const gl = WebGL2RenderingContext.prototype;
          const names = new WeakMap<WebGLProgram, string>();
          const sources = new WeakMap<WebGLShader, string>();
          let current: WebGLProgram | null = null;
          let unnamed = 0;
          const shaderSource = gl.shaderSource;
          gl.shaderSource = function (shader, source) {
            sources.set(shader, source);
            shaderSource.call(this, shader, source);
          };
          const attach = gl.attachShader;
          gl.attachShader = function (program, shader) {
            const name = /#define SHADER_NAME (\S+)/.exec(sources.get(shader) ?? '')?.[1];
            if (name) names.set(program, name);
            else if (!names.has(program)) names.set(program, `program ${++unnamed}`);
            attach.call(this, program, shader);
          };
          const use = gl.useProgram;
          gl.useProgram = function (program) {
            current = program;
            use.call(this, program);
          };
          const active = gl.getActiveUniform;
          gl.getActiveUniform = function (program, index) {
            if (index === 0) log.push(`uniforms ${names.get(program)}`);
            return active.call(this, program, index);
          };
          for (const method of ['drawElements', 'drawArrays'] as const) {
            const draw = gl[method] as (...args: unknown[]) => void;
            (gl as unknown as Record<string, unknown>)[method] = function (
              this: unknown,
              ...args: unknown[]
            ) {
              log.push(`draw ${current ? names.get(current) : '?'}`);
              draw.apply(this, args);
            };
          }
        }),
    });
    const log = await v.page.evaluate(() => (window as unknown as { glLog: string[] }).glLog);
    // (A studio light built on the device, where its file cannot be read, runs its prefilter's PMREM… programs
    // before.) From the first draw of a spine program on, no program up to the first frame may still have its
    // uniforms read.
    const spine = log.filter((entry) => !/PMREM/.test(entry));
    const firstDraw = spine.findIndex((entry) => entry.startsWith('draw'));
    // Two spine programs before the first frame: one for every uncut surface (bone, discs, the closed treated
    // body), one for the normal shape's veil. The cut's programs come after it.
    const drawn = new Set(spine.filter((entry) => entry.startsWith('draw')));
    expect([...drawn]).toHaveLength(2);
    expect(spine.filter((entry) => entry.startsWith('uniforms'))).toHaveLength(2);
    expect(firstDraw).toBeGreaterThan(0);
    expect(spine.slice(firstDraw).filter((entry) => entry.startsWith('uniforms'))).toEqual([]);
    expect(v.errors).toEqual([]);
    await v.close();
  });

  it('builds the cut-open and see-through bone after the first frame, so the steps that open the cut build none', async () => {
    // Each bone program linked (its fragment shader paints bone: boneMaterial.ts), and whether the first frame had
    // been drawn yet.
    const v = await openViewer(suite.browser, suite.origin, '?controls=none', undefined, {
      init: (context) =>
        context.addInitScript(() => {
          const log: { afterReady: boolean }[] = [];
          (window as unknown as { boneLinks: typeof log }).boneLinks = log;
          let afterReady = false;
          void customElements
            .whenDefined('spine-procedure-viewer')
            .then(() =>
              (
                document.querySelector('spine-procedure-viewer') as unknown as { ready: Promise<void> }
              ).ready.then(() => (afterReady = true)),
            );
          const gl = WebGL2RenderingContext.prototype;
          const bone = new WeakSet<WebGLShader>();
          const bonePrograms = new WeakSet<WebGLProgram>();
          const shaderSource = gl.shaderSource;
          gl.shaderSource = function (shader, source) {
            if (source.includes('spvBoneSurfaceColor(')) bone.add(shader);
            shaderSource.call(this, shader, source);
          };
          const attach = gl.attachShader;
          gl.attachShader = function (program, shader) {
            if (bone.has(shader)) bonePrograms.add(program);
            attach.call(this, program, shader);
          };
          const link = gl.linkProgram;
          gl.linkProgram = function (program) {
            if (bonePrograms.has(program)) log.push({ afterReady });
            link.call(this, program);
          };
        }),
    });
    const links = () =>
      v.page.evaluate(() => (window as unknown as { boneLinks: { afterReady: boolean }[] }).boneLinks.length);
    // Before the first frame: the uncut surface only. Then the cut (outer surface and shell) and see-through bone.
    await v.page.waitForFunction(
      () =>
        (window as unknown as { boneLinks: { afterReady: boolean }[] }).boneLinks.filter((l) => l.afterReady)
          .length >= 4,
    );
    const before = await links();
    const steps = await v.page.evaluate(
      () =>
        (
          document.querySelector('spine-procedure-viewer') as HTMLElement & {
            steps: { id: string; start: number; end: number }[];
          }
        ).steps,
    );
    for (const id of ['access', 'balloon-inflation', 'result']) {
      const step = steps.find((s) => s.id === id)!;
      await seekAndSettle(v.page, step.start + (step.end - step.start) * 0.7);
    }
    expect(await links(), 'no bone program is built when the cut opens').toBe(before);
    expect(v.errors).toEqual([]);
    await v.close();
  });

  it('deep link lands on the requested step and time', async () => {
    const v = await openViewer(
      suite.browser,
      suite.origin,
      '?procedure=vertebroplasty&level=L2&step=cement-injection&t=50',
      undefined,
      { init: (context) => context.addInitScript(markDefinition) },
    );
    // The page read the link before the element's script had run, and started decoding the model then, with the
    // static spine merged around the link's level (not the default one, which the page would merge again).
    expect(await headStart(v.page)).toEqual({ workerBeforeDefinition: true, merges: ['worker'] });
    const state = await v.state();
    expect(state.procedure).toBe('vertebroplasty');
    expect(state.level).toBe('L2');
    expect(state.time).toBeCloseTo(50, 5);
    expect(state.step).toBe('cement-injection');
    const caption = await v.page.locator('spine-procedure-viewer .spv-caption-title').textContent();
    expect(caption).toBe('Filling with bone cement');
    // Render on demand: a seek draws its frame once. The guided camera's move to the new step, seen by the orbit
    // controls at the next frame, asked for two more frames of the same picture (useQuietGuidedControls.ts).
    // Counted once the viewer has gone quiet: the opening's last frame (the later programs' warm-up) comes only
    // once the GPU has finished what the opening queued, seconds after ready on a software GPU.
    const frames = () =>
      v.page.evaluate(
        () => document.querySelector('spine-procedure-viewer')!.getRenderStats().frameMs.length,
      );
    const gpuDone = () =>
      v.page.evaluate(async () => {
        // The canvas is in the element's shadow root.
        const viewer = document.querySelector('spine-procedure-viewer')!;
        const canvas = (viewer.shadowRoot ?? viewer).querySelector('canvas')!;
        const gl = canvas.getContext('webgl2')!;
        const fence = gl.fenceSync(gl.SYNC_GPU_COMMANDS_COMPLETE, 0)!;
        gl.flush();
        while (gl.getSyncParameter(fence, gl.SYNC_STATUS) !== gl.SIGNALED)
          await new Promise((r) => setTimeout(r, 20));
        gl.deleteSync(fence);
      });
    const quiet = async () => {
      let count = await frames();
      for (let i = 0; i < 20; i++) {
        await gpuDone();
        await v.page.waitForTimeout(1000);
        const now = await frames();
        if (now === count) return count;
        count = now;
      }
      throw new Error('the viewer kept drawing without playing');
    };
    for (const t of [40, 25]) {
      const before = await quiet();
      await seekAndSettle(v.page, t);
      expect(await quiet(), `frames drawn for the seek to ${t} s`).toBe(before + 1);
    }
    expect(v.errors).toEqual([]);
    await v.close();
  });

  it('a bad value shows a polite notice, uses the default and never renders markup', async () => {
    const v = await openViewer(
      suite.browser,
      suite.origin,
      `?level=${encodeURIComponent('<img src=x onerror="window.__pwned=1">')}&grade=7&t=abc`,
    );
    const notices = await v.page.locator('spine-procedure-viewer .spv-notice').allTextContents();
    expect(notices).toEqual([
      'Ignored level "<img src=x onerror="window.__pwned=1">": use a level from T1 to L5. Using L1.',
      'Ignored grade "7": use grade 1, 2 or 3. Using 2.',
      'Ignored time "abc": use a number of seconds. Using 0.',
    ]);
    expect(await v.page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await v.page.locator('spine-procedure-viewer img').count()).toBe(0);
    const state = await v.state();
    expect(state.level).toBe('L1');
    expect(state.grade).toBe(2);
    expect(state.time).toBe(0);
    await v.screenshot('foundation-bad-input-notice');
    expect(v.errors).toEqual([]);
    await v.close();
  });

  it('toggling the procedure keeps the viewer’s place', async () => {
    const v = await openViewer(suite.browser, suite.origin, '?step=cement-injection');
    const before = await v.state();
    await seekAndSettle(v.page, before.time + 7);
    const mid = await v.state();
    expect(mid.step).toBe('cement-injection');
    await v.page.locator('spine-procedure-viewer [role="radio"][data-procedure="vertebroplasty"]').click();
    const after = await v.state();
    expect(after.procedure).toBe('vertebroplasty');
    expect(after.step).toBe('cement-injection');
    expect(after.stepProgress).toBeCloseTo(mid.stepProgress, 6);
    // A kyphoplasty-only step lands on the next shared step.
    await v.page.locator('spine-procedure-viewer [role="radio"][data-procedure="kyphoplasty"]').click();
    await v.page.evaluate(() => {
      (document.querySelector('spine-procedure-viewer') as HTMLElement & { step: string }).step =
        'balloon-inflation';
    });
    await v.page.locator('spine-procedure-viewer [role="radio"][data-procedure="vertebroplasty"]').click();
    const mapped = await v.state();
    expect(mapped.step).toBe('cement-injection');
    expect(mapped.stepProgress).toBe(0);
    expect(v.errors).toEqual([]);
    await v.close();
  });

  it('keyboard only: play, pause, and walk every step of both procedures', async () => {
    const v = await openViewer(suite.browser, suite.origin);
    const slider = v.page.locator('spine-procedure-viewer [role="slider"]');
    // Reach the slider with Tab alone.
    for (let i = 0; i < 12; i++) {
      await v.page.keyboard.press('Tab');
      if (await slider.evaluate((el) => el.matches(':focus'))) break;
    }
    expect(await slider.evaluate((el) => el.matches(':focus')), 'the slider is reachable with Tab').toBe(
      true,
    );
    expect(await slider.getAttribute('aria-valuemin')).toBe('0');
    const max = Number(await slider.getAttribute('aria-valuemax'));
    expect(max).toBeGreaterThan(60);

    await v.page.keyboard.press('Space');
    await v.page.waitForTimeout(600);
    const playing = await v.page.evaluate(
      () => (document.querySelector('spine-procedure-viewer') as HTMLElement & { paused: boolean }).paused,
    );
    expect(playing, 'Space starts playback').toBe(false);
    await v.page.keyboard.press('k');
    const paused = await v.page.evaluate(
      () => (document.querySelector('spine-procedure-viewer') as HTMLElement & { paused: boolean }).paused,
    );
    expect(paused, 'K pauses').toBe(true);

    await v.page.keyboard.press('Home');
    const steps = await v.page.evaluate(
      () =>
        (
          document.querySelector('spine-procedure-viewer') as HTMLElement & {
            steps: { id: string; title: string }[];
          }
        ).steps,
    );
    for (let i = 0; i < steps.length; i++) {
      // A key changes the time; the slider and caption follow on the next rendered frame.
      await expect
        .poll(() => slider.getAttribute('aria-valuetext'), { timeout: 10_000 })
        .toMatch(new RegExp(`^Step ${i + 1} of ${steps.length}, ${steps[i]!.title}, \\d+:\\d\\d$`));
      await expect
        .poll(() => v.page.locator('spine-procedure-viewer .spv-caption-title').textContent(), {
          timeout: 10_000,
        })
        .toBe(steps[i]!.title);
      await v.page.keyboard.press('PageDown');
    }
    // Like a media player: PageUp first returns to the start of the current step, then to the one before.
    await v.page.keyboard.press('PageUp');
    expect((await v.state()).step).toBe(steps[steps.length - 1]!.id);
    await v.page.keyboard.press('PageUp');
    expect((await v.state()).step).toBe(steps[steps.length - 2]!.id);
    await v.page.keyboard.press('End');
    expect((await v.state()).time).toBeCloseTo(max, 5);
    await v.page.keyboard.press('ArrowLeft');
    expect((await v.state()).time).toBeCloseTo(max - 5, 5);

    // The procedure toggle is keyboard operable too (arrow keys in the radio group).
    await v.page.locator('spine-procedure-viewer [role="radio"][aria-checked="true"]').focus();
    await v.page.keyboard.press('ArrowRight');
    expect((await v.state()).procedure).toBe('vertebroplasty');
    expect(v.errors).toEqual([]);
    await v.close();
  });
});

describe('iframe page', () => {
  it('starts decoding the model before the element’s script has run, around the level of its URL', async () => {
    const context = await suite.browser.newContext({ viewport: { width: 900, height: 600 } });
    await context.addInitScript(markDefinition);
    const page = await context.newPage();
    const errors = collectErrors(page);
    await page.goto(`${suite.origin}/embed.html?level=T12&controls=none`);
    await waitForViewerReady(page);
    expect(await headStart(page)).toEqual({ workerBeforeDefinition: true, merges: ['worker'] });
    expect(errors).toEqual([]);
    await context.close();
  });
});
