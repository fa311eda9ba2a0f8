import { stepTitle } from '../ui/stepTitle';
import { treatedLevels } from '../procedure/treatedLevels';
import { loadLanguage, translatorFor } from '../i18n/catalog';
import { OPTION_SCHEMA } from '../options/optionSchema';
import { noticeText, parseOptions, rawOptionsFromSearch, startTimeOf } from '../options/parseOptions';
import { settingsFromOptions } from '../playback/viewerSettings';
import { stepIndexAt, timelineFor } from '../procedure/timeline';
import { createProcedureState } from '../procedure/procedureState';
import { captionParams } from '../ui/captionParams';
import { procedureCaptionParams } from '../ui/procedureCaptionParams';
import { captionContext, stepCaption } from '../ui/stepCaption';
import { readerLanguage } from '../embed/element/createViewerController';
import { hasWebGL2 } from '../embed/webglSupport';
import { momentLink } from '../export/handout/handoutLink';
import { keyFramesOf } from '../export/handout/keyFrames';
import { qrSvg } from '../export/handout/qrSvg';
import { fillPictures, frameItem, patientSectionInto } from '../export/handout/handoutSections';
import { prepareHandoutPictures } from './handoutPictures';

/*
 * handout.html: a printable take-home page for the options in its URL (the standalone page's parameters). The text
 * (title, captions of the key steps, risks, recovery, the link back) is written at once; the pictures are made by
 * a <spine-procedure-viewer> on this page, seeking to each key step, and copied into canvases. When everything is
 * drawn, <html data-ready="true"> tells tests and users the page is complete.
 */
const byId = (id: string) => document.getElementById(id)!;

async function main(): Promise<void> {
  const raw: Record<string, unknown> = rawOptionsFromSearch(window.location.search);
  if (raw.lang === undefined) raw.lang = readerLanguage();
  const lang = OPTION_SCHEMA.lang.parse(raw.lang) ?? OPTION_SCHEMA.lang.default;
  await loadLanguage(lang);
  const { options, notices } = parseOptions(raw, lang);
  const t = translatorFor(lang);
  const settings = settingsFromOptions(options);
  document.documentElement.lang = lang;

  const procedure = t(`procedure.${options.procedure}`);
  document.title = t('handout.pageTitle', { procedure: procedure.toLowerCase() });
  byId('handout-title').textContent = t('handout.title', { procedure: procedure.toLowerCase() });
  const treated = treatedLevels(options);
  // Several levels: each level's grade named with its level ("T12: Grade 2, moderate; L1: Grade 3, severe").
  byId('handout-summary').textContent = t('handout.summary', {
    level: new Intl.ListFormat(lang, { type: 'conjunction' }).format(treated.map((l) => l.level)),
    grade:
      treated.length > 1
        ? treated.map((l) => `${l.level}: ${t(`picker.grade.${l.grade}`)}`).join('; ')
        : t(`picker.grade.${treated[0]!.grade}`),
  });
  if (notices.length > 0) {
    const box = byId('handout-notices');
    const intro = document.createElement('p');
    intro.textContent = t('handout.notices');
    const list = document.createElement('ul');
    for (const notice of notices) {
      const item = document.createElement('li');
      item.textContent = noticeText(notice, lang);
      list.append(item);
    }
    box.replaceChildren(intro, list);
    box.hidden = false;
  }

  const print = byId('handout-print') as HTMLButtonElement;
  print.textContent = t('handout.print');
  print.addEventListener('click', () => window.print());
  byId('handout-steps-title').textContent = t('handout.stepsTitle');
  patientSectionInto(byId('handout-risks'), 'risks', t);
  patientSectionInto(byId('handout-recovery'), 'recovery', t);

  // The link back: the standalone viewer next to this page, at the moment the handout was opened from.
  const timeline = timelineFor(options.procedure, options.levels);
  const time = startTimeOf(options);
  const step = timeline.steps[stepIndexAt(timeline, time)]!.key;
  const link = momentLink(new URL('index.html', window.location.href).href, options, step, time);
  byId('handout-link-title').textContent = t('handout.linkTitle');
  byId('handout-link-intro').textContent = t('handout.linkText');
  const anchor = byId('handout-link') as HTMLAnchorElement;
  anchor.href = link;
  anchor.textContent = link;
  byId('handout-qr').replaceChildren(qrSvg(link, t('handout.qrLabel')));

  // Captions with the figures of the step's own frame (a caption may quote the cement volume or the height).
  const frames = keyFramesOf(options.procedure, options.levels);
  const list = byId('handout-frames');
  const items = frames.map((frame) => {
    const title = stepTitle(t, { id: frame.step, level: frame.level }, options.levels.length);
    const captionFor = (state = createProcedureState()) => {
      const params = { ...captionParams(settings, state, t), ...procedureCaptionParams(settings, t) };
      return stepCaption(captionContext(settings, params), frame.step, 'plain');
    };
    const made = frameItem({ title, caption: captionFor() });
    list.append(made.item);
    return { ...made, title, captionFor };
  });

  const progress = byId('handout-progress');
  if (!hasWebGL2()) {
    progress.textContent = t('handout.noWebgl');
    progress.dataset.notice = 'true';
  } else {
    const failed = await prepareHandoutPictures(
      byId('handout-stage'),
      raw,
      frames,
      (done) => (progress.textContent = t('handout.preparing', { done, total: frames.length })),
      (index, pictures) => {
        const item = items[index]!;
        fillPictures(item.slots, pictures, item.title, t);
        item.item.querySelector('.handout-caption')!.textContent = item.captionFor(pictures.state);
      },
    );
    progress.textContent = t(failed ? 'handout.failed' : 'handout.ready');
  }
  document.documentElement.dataset.ready = 'true';
}

void main();
