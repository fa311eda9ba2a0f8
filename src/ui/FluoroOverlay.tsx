import { useEffect, useMemo, useRef, useState } from 'react';
import { layoutFluoro, type FluoroPanel } from '../fluoro/fluoroLayout';
import { useController, useSettings, useT } from '../playback/react/viewerHooks';
import { FluoroEnlargeButton } from './FluoroEnlargeButton';

/** The DOM pieces of one panel's captions, filled from the frame loop. */
interface PanelRefs {
  box: HTMLDivElement | null;
  name: HTMLSpanElement | null;
  beam: HTMLSpanElement | null;
  left: HTMLSpanElement | null;
  right: HTMLSpanElement | null;
  head: HTMLSpanElement | null;
}

const emptyRefs = (): PanelRefs => ({
  box: null,
  name: null,
  beam: null,
  left: null,
  right: null,
  head: null,
});

/**
 * A small axial sketch of the prone patient on the table, seen from the feet (back up, patient's right on the
 * right), with the beam's path for the panel's view: from under the table (AP) or from the right side (lateral).
 */
function BeamGlyph() {
  return (
    <svg className="spv-fluoro-glyph" viewBox="0 0 40 30" aria-hidden="true" focusable="false">
      <line x1="4" y1="24" x2="36" y2="24" className="spv-fluoro-glyph-table" />
      <ellipse cx="20" cy="15" rx="13" ry="8" className="spv-fluoro-glyph-body" />
      <circle cx="20" cy="10" r="2.2" className="spv-fluoro-glyph-spine" />
      <path d="M20 29 L20 19 M17 22 L20 19 L23 22" className="spv-fluoro-glyph-beam spv-fluoro-glyph-ap" />
      <path
        d="M39 15 L28 15 M31 12 L28 15 L31 18"
        className="spv-fluoro-glyph-beam spv-fluoro-glyph-lateral"
      />
    </svg>
  );
}

/**
 * Captions over the fluoro panels drawn in the canvas (view name, where the beam comes from with a sketch of the
 * C-arm's direction, orientation markers, "X-ray on" lamp), positioned from the same layout function as the panels
 * and updated through refs from the frame loop. The markers follow the image's geometry, which is shown as the
 * guided 3D camera sees the patient: AP from behind (the patient's left on the image's left), lateral from the
 * patient's left (front on the left, back on the right), head up in both.
 */
export function FluoroOverlay() {
  const controller = useController();
  const { view: mode } = useSettings();
  const t = useT();
  const root = useRef<HTMLDivElement>(null);
  const refs = useRef<PanelRefs[]>([emptyRefs(), emptyRefs()]);
  const panels = useMemo<FluoroPanel[]>(() => [], []);
  // Whether this whole-stage X-ray was opened from the inset's corner button (then it offers the way back).
  const [enlarged, setEnlarged] = useState(false);
  const corner = useRef<HTMLButtonElement>(null);
  const cornerDirection = mode === '3d' ? 'enlarge' : mode === 'fluoro' && enlarged ? 'back' : null;

  useEffect(() => {
    if (mode !== 'fluoro') setEnlarged(false);
  }, [mode]);

  useEffect(() => {
    const el = root.current;
    if (!el) return;
    let width = el.clientWidth;
    let height = el.clientHeight;
    const observer = new ResizeObserver(() => {
      width = el.clientWidth;
      height = el.clientHeight;
      apply();
    });
    observer.observe(el);
    const text = {
      ap: {
        name: t('fluoro.ap'),
        beam: t('fluoro.beam.ap'),
        left: t('fluoro.marker.left'),
        right: t('fluoro.marker.right'),
        shows: t('a11y.fluoro.shows.ap'),
      },
      lateral: {
        name: t('fluoro.lateral'),
        beam: t('fluoro.beam.lateral'),
        left: t('fluoro.marker.front'),
        right: t('fluoro.marker.back'),
        shows: t('a11y.fluoro.shows.lateral'),
      },
    };
    const head = t('fluoro.marker.head');
    const title = t('fluoro.title');
    const xrayOn = t('fluoro.xrayOn');
    // Last written geometry per box, so the frame loop only touches the DOM when a panel moves or changes.
    const last = [NaN, NaN, NaN, NaN, NaN, NaN];
    const views: (string | null)[] = [null, null];
    const lamps = [false, false];
    // The corner button's panel as last placed (left, size, top; -1 with no panel), compared without allocating.
    const corners = [NaN, NaN, NaN];
    const apply = () => {
      const s = controller.state;
      layoutFluoro(width, height, mode, s.fluoroView, panels);
      const button = corner.current;
      const panel = panels[0];
      // The panel's edges: fluoro.css puts the button in the top corner at the inline end (the badge's end of the
      // title row: the right, or the left in a right-to-left language), whose own width it takes off there.
      const placed = button !== null && panel !== undefined;
      const left = placed ? panel.x : -1;
      const size = placed ? panel.size : -1;
      const top = placed ? panel.y : -1;
      if (left !== corners[0] || size !== corners[1] || top !== corners[2]) {
        corners[0] = left;
        corners[1] = size;
        corners[2] = top;
        if (button) {
          button.hidden = !panel;
          if (panel) {
            button.style.setProperty('--spv-panel-left', `${panel.x}px`);
            button.style.setProperty('--spv-panel-right', `${panel.x + panel.size}px`);
            button.style.setProperty('--spv-panel-top', `${panel.y}px`);
          }
        }
        // Room for the button in the panel's top row, where the X-ray badge would sit under it (fluoro.css).
        const room = placed ? `${button.offsetWidth + 4}px` : '0px';
        refs.current[0]?.box?.style.setProperty('--spv-corner', room);
      }
      for (let i = 0; i < 2; i++) {
        const r = refs.current[i]!;
        const box = r.box;
        const panel = panels[i];
        if (!box) continue;
        if (!panel) {
          box.hidden = true;
          continue;
        }
        box.hidden = false;
        if (last[i * 3] !== panel.x || last[i * 3 + 1] !== panel.y || last[i * 3 + 2] !== panel.size) {
          last[i * 3] = panel.x;
          last[i * 3 + 1] = panel.y;
          last[i * 3 + 2] = panel.size;
          box.style.transform = `translate(${panel.x}px, ${panel.y}px)`;
          box.style.width = `${panel.size}px`;
          box.style.height = `${panel.size}px`;
        }
        if (views[i] !== panel.view || lamps[i] !== s.xrayOn) {
          // What a screen reader says for the inset (the picture and its markers are one image to it); written
          // only when the view or the lamp changes, never per frame.
          const words = text[panel.view];
          box.setAttribute(
            'aria-label',
            `${title}, ${words.name}${s.xrayOn ? ` (${xrayOn})` : ''}. ${words.beam}. ${words.shows}`,
          );
        }
        if (views[i] !== panel.view) {
          views[i] = panel.view;
          const words = text[panel.view];
          box.dataset.view = panel.view;
          if (r.name) r.name.textContent = words.name;
          if (r.beam) r.beam.textContent = words.beam;
          if (r.left) r.left.textContent = words.left;
          if (r.right) r.right.textContent = words.right;
          if (r.head) r.head.textContent = `↑ ${head}`;
        }
        if (lamps[i] !== s.xrayOn) {
          lamps[i] = s.xrayOn;
          box.dataset.xray = s.xrayOn ? 'true' : 'false';
        }
      }
    };
    apply();
    const off = controller.on('frame', apply);
    return () => {
      off();
      observer.disconnect();
    };
  }, [controller, mode, panels, t, cornerDirection]);

  return (
    <div ref={root} className="spv-fluoro-overlay">
      {[0, 1].map((i) => (
        // One image to assistive technology: its name says the view, the beam and what the picture shows.
        <div
          key={i}
          ref={(el) => void (refs.current[i]!.box = el)}
          className="spv-fluoro-panel"
          role="img"
          hidden
        >
          <span ref={(el) => void (refs.current[i]!.name = el)} className="spv-fluoro-name" />
          <span className="spv-xray-lamp">
            <span className="spv-xray-lamp-full">{t('fluoro.xrayOn')}</span>
            {/* A phone's inset has room for a shorter badge only (beside the beam sketch). */}
            <span className="spv-xray-lamp-short">{t('fluoro.xrayOnShort')}</span>
          </span>
          <span className="spv-fluoro-beam">
            <BeamGlyph />
            <span ref={(el) => void (refs.current[i]!.beam = el)} />
          </span>
          <span
            ref={(el) => void (refs.current[i]!.head = el)}
            className="spv-fluoro-marker spv-fluoro-marker-head"
          />
          <span
            ref={(el) => void (refs.current[i]!.left = el)}
            className="spv-fluoro-marker spv-fluoro-marker-left"
          />
          <span
            ref={(el) => void (refs.current[i]!.right = el)}
            className="spv-fluoro-marker spv-fluoro-marker-right"
          />
        </div>
      ))}
      {cornerDirection && (
        <FluoroEnlargeButton
          ref={corner}
          direction={cornerDirection}
          onPress={() => {
            setEnlarged(cornerDirection === 'enlarge');
            controller.setOption('view', cornerDirection === 'enlarge' ? 'fluoro' : '3d');
          }}
        />
      )}
    </div>
  );
}
