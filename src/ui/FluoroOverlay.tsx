import { useEffect, useMemo, useRef } from 'react';
import { layoutFluoro, type FluoroPanel } from '../fluoro/fluoroLayout';
import { useController, useSettings, useT } from '../playback/react/viewerHooks';

/**
 * Captions over the fluoro panels drawn in the canvas (view name, "X-ray on" lamp), positioned from the same
 * layout function as the panels and updated through refs from the frame loop.
 */
export function FluoroOverlay() {
  const controller = useController();
  const { view: mode } = useSettings();
  const t = useT();
  const root = useRef<HTMLDivElement>(null);
  const boxes = useRef<(HTMLDivElement | null)[]>([]);
  const names = useRef<(HTMLSpanElement | null)[]>([]);
  const panels = useMemo<FluoroPanel[]>(() => [], []);

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
    const labels = { ap: t('fluoro.ap'), lateral: t('fluoro.lateral') };
    // Last written geometry per box, so the frame loop only touches the DOM when a panel moves or changes.
    const last = [NaN, NaN, NaN, NaN, NaN, NaN];
    const lamps = [false, false];
    const apply = () => {
      const s = controller.state;
      layoutFluoro(width, height, mode, s.fluoroView, panels);
      for (let i = 0; i < 2; i++) {
        const box = boxes.current[i];
        const name = names.current[i];
        const panel = panels[i];
        if (!box || !name) continue;
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
        if (name.textContent !== labels[panel.view]) name.textContent = labels[panel.view];
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
  }, [controller, mode, panels, t]);

  return (
    <div ref={root} className="spv-fluoro-overlay" aria-hidden="true">
      {[0, 1].map((i) => (
        <div key={i} ref={(el) => void (boxes.current[i] = el)} className="spv-fluoro-panel" hidden>
          <span ref={(el) => void (names.current[i] = el)} className="spv-fluoro-name" />
          <span className="spv-xray-lamp">{t('fluoro.xrayOn')}</span>
        </div>
      ))}
    </div>
  );
}
