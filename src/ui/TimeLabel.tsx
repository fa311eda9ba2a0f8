import { useEffect, useRef } from 'react';
import { formatTime } from './formatTime';
import { useController, useT } from '../playback/react/viewerHooks';

/** Elapsed / total, written from the frame loop through a ref (no React render per frame). */
export function TimeLabel() {
  const controller = useController();
  const t = useT();
  const ref = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    let lastSecond = NaN;
    let lastDuration = NaN;
    const apply = () => {
      const s = controller.state;
      const second = Math.floor(s.time + 1e-6);
      if ((second === lastSecond && s.duration === lastDuration) || !ref.current) return;
      lastSecond = second;
      lastDuration = s.duration;
      ref.current.textContent = t('controls.time', {
        elapsed: formatTime(s.time),
        total: formatTime(s.duration),
      });
    };
    apply();
    return controller.on('frame', apply);
  }, [controller, t]);
  return <span ref={ref} className="spv-time" />;
}
