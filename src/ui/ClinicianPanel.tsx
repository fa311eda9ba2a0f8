import { Leva, useControls } from 'leva';
import { useEffect } from 'react';
import { createPortal } from 'react-dom';
import { translatorFor, type MessageKey, type Translate } from '../i18n/catalog';
import { OPTION_SCHEMA, type ViewerOptions } from '../options/optionSchema';
import type { ViewerController } from '../playback/viewerController';
import { SETTING_OF_OPTION } from '../playback/viewerSettings';
import { LEVA_THEME } from './levaTheme';

/** ClinicianPanelProps: the controller the panel writes into. */
export interface ClinicianPanelProps {
  /** The viewer's single source of truth; the panel is only a console onto it. */
  controller: ViewerController;
  /** Where leva's panel is mounted (outside the viewer's shadow root, where leva's own styles apply). */
  container: HTMLElement;
}

/** The public options the console shows, in order: every one is also a URL parameter and an attribute. */
const PANEL_OPTIONS = [
  'level',
  'grade',
  'morphology',
  'approach',
  'complication',
  'cutaway',
  'labels',
  'torso',
  'polarity',
  'detector',
  'bone',
  'rate',
] as const;
type PanelOption = (typeof PANEL_OPTIONS)[number];
/** The words for each control: the viewer's own catalog keys, so the console speaks the viewer's language. */
const LABEL_KEYS: Record<PanelOption, MessageKey> = {
  level: 'option.level',
  grade: 'option.grade',
  morphology: 'option.morphology',
  approach: 'option.approach',
  complication: 'complication.option',
  cutaway: 'controls.cutaway',
  labels: 'controls.labels',
  torso: 'option.torso',
  polarity: 'controls.polarity',
  detector: 'option.detector',
  bone: 'option.bone',
  rate: 'controls.rate',
};

/** A choice as the console lists it: words where the catalog has them, else the value itself (levels, grades). */
function valueLabel(key: PanelOption, value: unknown, t: Translate): string {
  if (key === 'morphology' || key === 'polarity') return t(`${key}.${value}` as MessageKey);
  if (key === 'complication') return t(`complication.value.${value}` as MessageKey);
  if (key === 'approach' || key === 'detector' || key === 'bone')
    return t(`value.${key}.${value}` as MessageKey);
  if (key === 'rate') return `${value}×`;
  return String(value);
}

/** leva's schema type (not exported by name from its entry point). */
type LevaSchema = Exclude<Extract<Parameters<typeof useControls>[0], object>, () => unknown>;

/** The current value of each panel option, read from the controller. */
function panelValues(controller: ViewerController): { [K in PanelOption]: ViewerOptions[K] } {
  const s = controller.getSettings();
  const values = Object.fromEntries(
    PANEL_OPTIONS.filter((k) => k !== 'rate').map((k) => [k, s[SETTING_OF_OPTION[k]]]),
  );
  return { ...values, rate: controller.getPlayback().rate } as { [K in PanelOption]: ViewerOptions[K] };
}

/**
 * The clinician's console (leva), loaded lazily so the default bundle carries no leva bytes. Every control sets a
 * public option through the controller; controller changes flow back into the panel, so there is never a second
 * truth.
 */
export default function ClinicianPanel({ controller, container }: ClinicianPanelProps) {
  const t = translatorFor(controller.getSettings().lang);
  const schema = (): LevaSchema => {
    const values = panelValues(controller);
    return Object.fromEntries(
      PANEL_OPTIONS.map((key) => {
        const { values: choices } = OPTION_SCHEMA[key] as { values?: readonly unknown[] };
        return [
          key,
          {
            value: values[key],
            label: t(LABEL_KEYS[key]),
            ...(choices
              ? { options: Object.fromEntries(choices.map((v) => [valueLabel(key, v, t), v])) }
              : {}),
            onChange: (value: never, _path: string, ctx: { fromPanel: boolean }) => {
              if (ctx.fromPanel) controller.setOption(key, value);
            },
          } as unknown as LevaSchema[string],
        ];
      }),
    );
  };
  const [, set] = useControls(schema);

  useEffect(() => {
    const sync = () => set(panelValues(controller) as Parameters<typeof set>[0]);
    const offs = [controller.on('settingschange', sync), controller.on('ratechange', sync)];
    return () => offs.forEach((off) => off());
  }, [controller, set]);

  // The theme makes it readable and operable (contrast, focus ring, target sizes); no filter field or copy
  // buttons: the console only sets the viewer's options. `fill`: it fills its slot in the viewer's layout rather
  // than floating at the page's top right.
  return createPortal(
    <Leva
      fill
      theme={LEVA_THEME}
      titleBar={{ title: t('controls.settings'), filter: false, drag: false }}
      hideCopyButton
      collapsed={false}
    />,
    container,
  );
}
