/* global document, window, URL */
/*
 * The iframe part of demo.html: embed.html on this page's own origin, allow-listed with `origins`, driven through
 * the parent-page client.
 */
import { SpineProcedurePlayer } from './spine-procedure-player.js';

const iframe = document.getElementById('demo-iframe');
const log = document.getElementById('iframe-log');
const src = new URL('embed.html', import.meta.url);
src.searchParams.set('procedure', 'kyphoplasty');
src.searchParams.set('step', 'access');
src.searchParams.set('origins', window.location.origin);
iframe.src = src.href;

const player = new SpineProcedurePlayer(iframe);
const show = (text) => {
  log.textContent = text;
};
const run = (promise) =>
  promise.then(
    (state) =>
      show(
        `${state.procedure} · ${state.step} · ${state.time.toFixed(1)} s${state.paused ? ' · paused' : ''}`,
      ),
    (error) => show(`error: ${error.message}`),
  );

player.on('stepchange', (detail) => show(`stepchange: ${detail.step}`));
player.on('ended', () => show('ended'));
player.ready().then(
  () => show('ready'),
  (error) => show(`error: ${error.message}`),
);

const actions = {
  play: () => run(player.play()),
  pause: () => run(player.pause()),
  seek: () => run(player.seek(60)),
  step: () => run(player.setStep('cement-injection')),
  procedure: () =>
    player
      .getState()
      .then((s) =>
        run(player.setProcedure(s.procedure === 'kyphoplasty' ? 'vertebroplasty' : 'kyphoplasty')),
      ),
  state: () => run(player.getState()),
};
for (const button of document.querySelectorAll('[data-action]')) {
  button.addEventListener('click', () => actions[button.dataset.action]());
}
