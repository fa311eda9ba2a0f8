import { writeFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectErrors } from './support/browser';
import { frameOf, importInPage, viewerFacts, viewerReady } from './support/embedPage';
import { createHostSite, page as html, STRICT_CSP, type HostSite } from './support/hostSite';
import { pngVariety } from './support/imageStats';
import { startStaticServer, type StaticServer } from './support/staticServer';
import { browserSuite } from './support/suite';
import { ARTIFACTS } from './support/viewerPage';

/*
 * The iframe embed across two origins: the host page on origin A (a throwaway site), the viewer's embed.html on
 * origin B (dist/). The host drives the viewer through the parent-page client, loaded from B like an embedder
 * would (B answers module requests with CORS).
 */
let site: HostSite;
let host: StaticServer;

/** The policies of host pages named csp-*.html, by name (the framing test writes them). */
const hostPolicies = new Map<string, string>();

beforeAll(async () => {
  site = createHostSite();
  host = await startStaticServer(site.root, (path): Record<string, string> => {
    const policy = hostPolicies.get(path);
    return policy ? { 'Content-Security-Policy': policy } : {};
  });
});

afterAll(async () => {
  await host?.close();
  site?.remove();
});

/**
 * Origin B: the viewer's pages with the strict CSP, framed only by the host (frame-ancestors), its modules with
 * CORS (the host imports the client).
 */
const viewer = browserSuite({
  headers: (path): Record<string, string> =>
    path.endsWith('.js')
      ? { 'Access-Control-Allow-Origin': '*' }
      : path.endsWith('.html')
        ? { 'Content-Security-Policy': `${STRICT_CSP}; frame-ancestors ${host.origin}` }
        : {},
});

interface Host {
  context: BrowserContext;
  page: Page;
  errors: string[];
  /** Every request of the page and its frames: the URL and the URL of the frame that made it. */
  requests: { url: string; frame: string }[];
}

/** A host page on origin A with the viewer's iframe (embed.html on origin B) and the client module loaded. */
async function openHost(query: string, extraBody = ''): Promise<Host> {
  const name = `host-${Math.random().toString(36).slice(2)}.html`;
  site.write(
    name,
    html(
      `<iframe title="Spine procedure viewer" src="${viewer.origin}/embed.html?${query}" width="900" height="560"></iframe>${extraBody}`,
    ),
  );
  const context = await viewer.browser.newContext({ viewport: { width: 1000, height: 760 } });
  // In every frame (the iframe included): record CSP violations.
  await context.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
    // Record the notices the iframe page hands to the viewer (whatever the element does with them).
    const n = window as unknown as { __notices: string[] };
    n.__notices = [];
    const define = customElements.define.bind(customElements);
    customElements.define = (name, constructor, options) => {
      const proto = constructor.prototype as { showNotice?: (text: string) => void };
      const show = proto.showNotice;
      if (name === 'spine-procedure-viewer' && show)
        proto.showNotice = function (this: unknown, text: string) {
          n.__notices.push(text);
          show.call(this, text);
        };
      define(name, constructor, options);
    };
  });
  const page = await context.newPage();
  const errors = collectErrors(page);
  const requests: Host['requests'] = [];
  page.on('request', (r) => requests.push({ url: r.url(), frame: r.frame().url() }));
  await page.goto(`${host.origin}/${name}`);
  await importInPage(page, `${viewer.origin}/spine-procedure-player.js`, 'SPV');
  // Everything the viewer origin sends to this page, in order (replies and events alike).
  await page.evaluate((origin) => {
    const w = window as unknown as { __received: unknown[] };
    w.__received = [];
    window.addEventListener('message', (e) => {
      if (e.origin === origin) w.__received.push(e.data);
    });
  }, viewer.origin);
  return { context, page, errors, requests };
}

/** The events the first test listens to, and expects to see. */
const WATCHED_EVENTS = ['ready', 'play', 'pause', 'seeked', 'stepchange', 'procedurechange', 'timeupdate'];

/**
 * Create the client on the page's iframe as window.player, listening at once (in the same task, before any reply can
 * arrive) to `events`, collected in window.__events: a viewer already drawn answers hello with `ready` straight away.
 */
function createPlayer(page: Page, events: string[] = []): Promise<void> {
  return page.evaluate((names) => {
    const w = window as unknown as {
      SPV: { SpineProcedurePlayer: new (iframe: HTMLIFrameElement) => Player };
      player: Player;
      __events: [string, unknown][];
    };
    w.player = new w.SPV.SpineProcedurePlayer(document.querySelector('iframe')!);
    w.__events = [];
    for (const e of names) w.player.on(e, (detail) => w.__events.push([e, detail]));
  }, events);
}

type Player = {
  ready(): Promise<void>;
  play(): Promise<Record<string, unknown>>;
  pause(): Promise<Record<string, unknown>>;
  seek(t: unknown): Promise<Record<string, unknown>>;
  setStep(s: unknown): Promise<Record<string, unknown>>;
  setProcedure(p: unknown): Promise<Record<string, unknown>>;
  getState(): Promise<Record<string, unknown>>;
  on(e: string, cb: (d: unknown) => void): Player;
  off(e: string, cb?: (d: unknown) => void): Player;
  destroy(): void;
};

/** Post a raw message (built in the page) to the viewer and collect the replies with this id for a while. */
async function rawReply(page: Page, build: string, id: unknown, waitMs = 1500): Promise<unknown[]> {
  return page.evaluate(
    async ([source, origin, messageId, wait]) => {
      const w = window as unknown as { __received: { type?: string; id?: unknown }[] };
      const start = w.__received.length;
      const message = new Function(`return (${source});`)();
      document.querySelector('iframe')!.contentWindow!.postMessage(message, origin);
      const deadline = performance.now() + wait;
      for (;;) {
        const replies = w.__received.slice(start).filter((m) => m.type === 'reply' && m.id === messageId);
        if (replies.length > 0 || performance.now() > deadline) return replies;
        await new Promise((r) => setTimeout(r, 25));
      }
    },
    [build, viewer.origin, id, waitMs] as const,
  );
}

const envelope = (id: number | string, rest: string) =>
  `{ protocol: 'spine-procedure-viewer', version: 1, type: 'command', id: ${JSON.stringify(id)}, ${rest} }`;

describe('iframe embed across two origins', () => {
  it('an allow-listed host drives the viewer through the client: commands, replies and events', async () => {
    const { context, page, errors, requests } = await openHost(
      `origins=${encodeURIComponent(host.origin)}&step=access`,
    );
    const started = performance.now();
    await createPlayer(page, WATCHED_EVENTS);
    await page.evaluate(() => (window as unknown as { player: Player }).player.ready());
    const frame = await frameOf(page, viewer.origin);
    await viewerReady(frame);
    const readyMs = performance.now() - started;

    const initial = await page.evaluate(() => (window as unknown as { player: Player }).player.getState());
    expect(initial).toMatchObject({ step: 'access', procedure: 'kyphoplasty', paused: true, level: 'L1' });

    const played = await page.evaluate(async () => {
      const p = (window as unknown as { player: Player }).player;
      const afterPlay = await p.play();
      await new Promise((r) => setTimeout(r, 900));
      const afterPause = await p.pause();
      return { afterPlay, afterPause };
    });
    expect(played.afterPlay.paused).toBe(false);
    expect(played.afterPause.paused).toBe(true);
    expect(played.afterPause.time as number).toBeGreaterThan(initial.time as number);
    expect((await viewerFacts(frame)).paused).toBe(true);

    const sought = await page.evaluate(() => (window as unknown as { player: Player }).player.seek(12.5));
    expect(sought.time).toBe(12.5);
    expect((await viewerFacts(frame)).time).toBe(12.5);

    const stepped = await page.evaluate(() =>
      (window as unknown as { player: Player }).player.setStep('cement-injection'),
    );
    expect(stepped.step).toBe('cement-injection');
    // A step is entered where its action shows (cement already flowing), not at its first frame.
    expect(stepped.stepProgress).toBeGreaterThan(0);
    expect(stepped.stepProgress).toBeLessThan(1);

    const switched = await page.evaluate(() =>
      (window as unknown as { player: Player }).player.setProcedure('vertebroplasty'),
    );
    expect(switched).toMatchObject({ procedure: 'vertebroplasty', step: 'cement-injection' });
    expect(await viewerFacts(frame)).toMatchObject({ procedure: 'vertebroplasty', step: 'cement-injection' });

    // A command the viewer refuses rejects the promise with the viewer's reason.
    const refused = await page.evaluate(() =>
      (window as unknown as { player: Player }).player.setStep('balloon-inflation').then(
        () => 'resolved',
        (e: Error) => e.message,
      ),
    );
    expect(refused).toBe('setStep(step): step "balloon-inflation" is not part of vertebroplasty');

    await page.waitForTimeout(100);
    const events = await page.evaluate(() =>
      (window as unknown as { __events: [string, Record<string, unknown>][] }).__events.map(([e, d]) => [
        e,
        d,
      ]),
    );
    const names = events.map(([e]) => e);
    for (const expected of WATCHED_EVENTS) expect(names, `event ${expected}`).toContain(expected);
    expect(events.find(([e]) => e === 'procedurechange')![1]).toMatchObject({ procedure: 'vertebroplasty' });
    expect(events.filter(([e]) => e === 'stepchange').map(([, d]) => (d as { step: string }).step)).toContain(
      'cement-injection',
    );

    // Every message the host received came from the viewer's origin and speaks the protocol.
    const received = await page.evaluate(
      () => (window as unknown as { __received: { protocol: string }[] }).__received,
    );
    expect(received.length).toBeGreaterThan(8);
    expect(received.every((m) => m.protocol === 'spine-procedure-viewer')).toBe(true);

    // embed.html ran under the strict CSP without a single violation.
    expect(await frame.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).toEqual([]);

    // The iframe draws the scene, and everything it loads comes from its own origin.
    const shot = await page.locator('iframe').screenshot({ path: `${ARTIFACTS}/embed-iframe-host.png` });
    expect(await pngVariety(page, shot)).toBeGreaterThan(0.08);
    const fromViewer = requests.filter((r) => r.frame.startsWith(viewer.origin));
    expect(fromViewer.length).toBeGreaterThan(3);
    expect(fromViewer.filter((r) => !r.url.startsWith(`${viewer.origin}/`))).toEqual([]);
    expect(
      requests.filter((r) => !r.url.startsWith(viewer.origin) && !r.url.startsWith(host.origin)),
    ).toEqual([]);
    expect(viewer.server.requests).toContain('/embed.html');
    expect(viewer.server.requests.some((p) => p.endsWith('.glb'))).toBe(true);
    writeFileSync(
      `${ARTIFACTS}/embed-iframe-requests.json`,
      JSON.stringify(
        { readyMs, page: requests, viewerServer: viewer.server.requests, hostServer: host.requests },
        null,
        2,
      ),
    );
    expect(errors).toEqual([]);
    await context.close();
  });

  it('origins: a trailing slash still names the host; other entries are dropped with a notice in the viewer', async () => {
    const list = `${host.origin}/,*,https://evil.example/login,\u202eelpmaxe.live`;
    const { context, page, errors } = await openHost(`origins=${encodeURIComponent(list)}&step=access`);
    await createPlayer(page);
    const frame = await frameOf(page, viewer.origin);
    await viewerReady(frame);
    const played = await page.evaluate(async () => {
      const p = (window as unknown as { player: Player }).player;
      await p.ready();
      const state = await p.play();
      await p.pause();
      return state;
    });
    expect(played.paused).toBe(false);
    const notices = await frame.evaluate(() => (window as unknown as { __notices: string[] }).__notices);
    expect(notices).toHaveLength(3);
    expect(notices[0]).toContain('"*"');
    expect(notices[1]).toContain('"https://evil.example/login"');
    // The bidi override in the link is not echoed: the notice reads as the characters really are.
    expect(notices[2]).toContain('"elpmaxe.live"');
    expect(notices.join('')).not.toMatch(/[\u202a-\u202e]/);
    expect(notices.join('')).not.toContain(host.origin);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('framing: the host needs frame-src for the viewer; the viewer decides who frames it with frame-ancestors', async () => {
    const iframe = `<iframe title="viewer" src="${viewer.origin}/embed.html?step=access" width="600" height="400"></iframe>`;
    const recordViolations = () => {
      const w = window as unknown as { __csp: string[] };
      w.__csp = [];
      document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(e.violatedDirective));
    };
    const violations = (p: Page) => p.evaluate(() => (window as unknown as { __csp: string[] }).__csp);

    // A strict host page that allows the viewer's origin in frame-src: the viewer loads and draws.
    site.write('csp-allowed.html', html(iframe));
    hostPolicies.set('/csp-allowed.html', `default-src 'self'; frame-src ${viewer.origin}`);
    const context = await viewer.browser.newContext({ viewport: { width: 800, height: 600 } });
    await context.addInitScript(recordViolations);
    const allowed = await context.newPage();
    const errors = collectErrors(allowed);
    await allowed.goto(`${host.origin}/csp-allowed.html`);
    await viewerReady(await frameOf(allowed, viewer.origin));
    expect(await violations(allowed)).toEqual([]);
    expect(errors).toEqual([]);

    // The same page without frame-src: its own policy refuses the frame (default-src 'self' covers frames).
    site.write('csp-refused.html', html(iframe));
    hostPolicies.set('/csp-refused.html', "default-src 'self'");
    const refused = await context.newPage();
    await refused.goto(`${host.origin}/csp-refused.html`);
    await refused.waitForFunction(() => (window as unknown as { __csp: string[] }).__csp.length > 0);
    expect(await violations(refused)).toContain('frame-src');

    // A page on an origin the viewer's frame-ancestors does not name cannot frame it at all.
    const stranger = await startStaticServer(site.root);
    try {
      const other = await context.newPage();
      const messages: string[] = [];
      other.on('console', (m) => messages.push(m.text()));
      await other.goto(`${stranger.origin}/csp-allowed.html`);
      await other.waitForTimeout(1500);
      expect(messages.join('\n')).toContain('frame-ancestors');
      const framed = other.frames().filter((f) => f !== other.mainFrame());
      for (const f of framed)
        expect(await f.evaluate(() => customElements.get('spine-procedure-viewer') !== undefined)).toBe(
          false,
        );
    } finally {
      await stranger.close();
      await context.close();
    }
  });

  it('a host on an origin outside the allow-list cannot drive it: error replies, no change', async () => {
    const { context, page, errors } = await openHost(
      `origins=${encodeURIComponent('https://school.example')}&step=access`,
    );
    await createPlayer(page);
    const frame = await frameOf(page, viewer.origin);
    await viewerReady(frame);
    const before = await viewerFacts(frame);
    const outcome = await page.evaluate(async () => {
      const p = (window as unknown as { player: Player }).player;
      const ready = await p.ready().then(
        () => 'resolved',
        (e: Error) => e.message,
      );
      const play = await p.play().then(
        () => 'resolved',
        (e: Error) => e.message,
      );
      return { ready, play };
    });
    const expected = `Origin ${host.origin} is not in this viewer's "origins" allow-list`;
    expect(outcome).toEqual({ ready: expected, play: expected });
    // Raw commands get the same answer, and nothing changes.
    for (const [id, rest] of [
      [1, "command: 'play'"],
      [2, "command: 'seek', args: [80]"],
      [3, "command: 'getState'"],
    ] as const) {
      const replies = await rawReply(page, envelope(id, rest), id);
      expect(replies).toEqual([
        { protocol: 'spine-procedure-viewer', version: 1, type: 'reply', id, ok: false, error: expected },
      ]);
    }
    await page.waitForTimeout(300);
    expect(await viewerFacts(frame)).toEqual(before);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('only window.parent is heard: a same-origin sibling frame gets no answer and changes nothing', async () => {
    site.write('sibling.html', html('<p>sibling</p>'));
    const { context, page } = await openHost(
      `origins=${encodeURIComponent(host.origin)}&step=access`,
      `<iframe src="${host.origin}/sibling.html" width="200" height="100"></iframe>`,
    );
    const frame = await frameOf(page, viewer.origin);
    await viewerReady(frame);
    const sibling = page.frames().find((f) => f.url().endsWith('/sibling.html'))!;
    const answers = await sibling.evaluate(async (origin) => {
      const got: unknown[] = [];
      window.addEventListener('message', (e) => got.push(e.data));
      const target = window.parent.frames[0]!;
      for (const command of ['play', 'getState', 'hello'])
        target.postMessage(
          { protocol: 'spine-procedure-viewer', version: 1, type: 'command', id: command, command },
          origin,
        );
      await new Promise((r) => setTimeout(r, 1500));
      return got;
    }, viewer.origin);
    expect(answers).toEqual([]);
    expect((await viewerFacts(frame)).paused).toBe(true);
    await context.close();
  });

  it('without an allow-list: getState and events work, commands are refused', async () => {
    const { context, page, errors } = await openHost('procedure=vertebroplasty&t=20');
    await createPlayer(page);
    const frame = await frameOf(page, viewer.origin);
    const outcome = await page.evaluate(async () => {
      const p = (window as unknown as { player: Player }).player;
      await p.ready();
      const state = await p.getState();
      const play = await p.play().then(
        () => 'resolved',
        (e: Error) => e.message,
      );
      const seek = await p.seek(50).then(
        () => 'resolved',
        (e: Error) => e.message,
      );
      return { state, play, seek };
    });
    expect(outcome.state).toMatchObject({ procedure: 'vertebroplasty', time: 20, paused: true });
    expect(outcome.play).toBe(
      'Command "play" refused: this viewer takes commands only from origins listed in its "origins" URL parameter',
    );
    expect(outcome.seek).toBe(
      'Command "seek" refused: this viewer takes commands only from origins listed in its "origins" URL parameter',
    );
    await page.waitForTimeout(300);
    expect(await viewerFacts(frame)).toMatchObject({ paused: true, time: 20 });
    // Events still arrive (read-only): the viewer's own controls are used inside the frame.
    await page.evaluate(() => {
      const w = window as unknown as { player: Player; __seen: string[] };
      w.__seen = [];
      w.player.on('play', () => w.__seen.push('play'));
    });
    await frame.locator('spine-procedure-viewer .spv-play').click();
    await page.waitForFunction(() => (window as unknown as { __seen: string[] }).__seen.includes('play'));
    expect(errors).toEqual([]);
    await context.close();
  });

  it('malformed, unknown, oversized, deep, cyclic and wrong-version messages get error replies; playback goes on', async () => {
    const { context, page, errors } = await openHost(`origins=${encodeURIComponent(host.origin)}&t=5`);
    await createPlayer(page);
    const frame = await frameOf(page, viewer.origin);
    await page.evaluate(async () => {
      const p = (window as unknown as { player: Player }).player;
      await p.ready();
      await p.play();
    });
    await viewerReady(frame);
    const reply = (id: unknown, error: string) => [
      { protocol: 'spine-procedure-viewer', version: 1, type: 'reply', id, ok: false, error },
    ];
    const cases: [string, string, unknown, unknown[]][] = [
      [
        'unknown command',
        envelope(11, "command: 'explode'"),
        11,
        reply(
          11,
          'Unknown command string "explode"; expected one of hello, getState, play, pause, seek, setStep, setProcedure, set',
        ),
      ],
      [
        "seek('abc')",
        envelope(12, "command: 'seek', args: ['abc']"),
        12,
        reply(12, 'seek(time): time must be a finite number of seconds, got string "abc"'),
      ],
      [
        'oversized payload',
        envelope(13, "command: 'seek', args: [1], padding: 'x'.repeat(70000)"),
        13,
        reply(13, 'Message is larger than 65536 bytes'),
      ],
      [
        'deeply nested payload',
        envelope(14, "command: 'pause', args: [], extra: JSON.parse('['.repeat(40) + ']'.repeat(40))"),
        14,
        reply(14, 'Message is nested deeper than 8 levels'),
      ],
      [
        'cyclic payload (structured clone carries cycles)',
        `(() => { const m = ${envelope(15, "command: 'pause'")}; m.self = m; return m; })()`,
        15,
        reply(15, 'Message contains a cycle'),
      ],
      [
        'protocol version 2',
        `{ protocol: 'spine-procedure-viewer', version: 2, type: 'command', id: 16, command: 'pause' }`,
        16,
        reply(16, 'Unsupported protocol version number 2; this viewer speaks version 1'),
      ],
      [
        'not a command',
        `{ protocol: 'spine-procedure-viewer', version: 1, type: 'event', id: 17, command: 'pause' }`,
        17,
        reply(17, 'Unknown message type string "event"; expected "command"'),
      ],
      [
        'a non-JSON value',
        envelope(18, "command: 'seek', args: [new Map([[1, 2]])]"),
        18,
        reply(18, 'Message may only hold JSON values, found Map'),
      ],
      [
        'wrong argument count',
        envelope(19, "command: 'pause', args: [true]"),
        19,
        reply(19, 'pause takes no arguments, got 1'),
      ],
      [
        'unknown step',
        envelope(20, "command: 'setStep', args: ['<b>bold</b>']"),
        20,
        reply(
          20,
          'setStep(step): unknown step string "<b>bold</b>"; expected a step id such as "overview" or "cement-injection"',
        ),
      ],
      ['not for the viewer at all (ignored)', `'play'`, undefined, []],
      ['another protocol (ignored)', `{ protocol: 'other', id: 21, command: 'pause' }`, 21, []],
    ];
    for (const [name, source, id, expected] of cases) {
      const replies = await rawReply(page, source, id, expected.length === 0 ? 600 : 3000);
      expect(replies, name).toEqual(expected);
    }
    // An error reply without a usable id still names the problem.
    const noId = await page.evaluate(async (origin) => {
      const w = window as unknown as { __received: { type?: string; id?: unknown; error?: string }[] };
      const start = w.__received.length;
      document
        .querySelector('iframe')!
        .contentWindow!.postMessage(
          { protocol: 'spine-procedure-viewer', version: 1, type: 'command', command: 'pause' },
          origin,
        );
      await new Promise((r) => setTimeout(r, 800));
      return w.__received.slice(start).filter((m) => m.type === 'reply');
    }, viewer.origin);
    expect(noId).toEqual(
      reply(null, 'Message id must be a string of 1–64 characters or an integer, got nothing'),
    );

    // Nothing above changed the viewer: still playing, time still moving.
    const a = await viewerFacts(frame);
    await page.waitForTimeout(500);
    const b = await viewerFacts(frame);
    expect(a.paused).toBe(false);
    expect(b.time).toBeGreaterThan(a.time);
    expect(errors).toEqual([]);
    await context.close();
  });
});
