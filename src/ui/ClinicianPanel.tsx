import { Leva, useControls } from 'leva';
import { useEffect } from 'react';
import { createPortal } from 'react-dom';
import { translate } from '../i18n/catalog';
import { OPTION_SCHEMA, type ViewerOptions } from '../options/optionSchema';
import type { ViewerController } from '../playback/viewerController';
import { SETTING_OF_OPTION } from '../playback/viewerSettings';

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
  'cutaway',
  'labels',
  'torso',
  'polarity',
  'detector',
  'bone',
  'rate',
] as const;
type PanelOption = (typeof PANEL_OPTIONS)[number];
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
  const schema = (): LevaSchema => {
    const values = panelValues(controller);
    return Object.fromEntries(
      PANEL_OPTIONS.map((key) => {
        const { values: choices } = OPTION_SCHEMA[key] as { values?: readonly unknown[] };
        return [
          key,
          {
            value: values[key],
            ...(choices ? { options: [...choices] as string[] } : {}),
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

  const title = translate(controller.getSettings().lang, 'controls.settings');
  return createPortal(<Leva titleBar={{ title }} collapsed={false} />, container);
}
