import { useEffect, useRef, type KeyboardEvent, type PointerEvent } from 'react';
import { formatTime } from './formatTime';
import { handleMediaKey } from './mediaKeys';
import { useController, useCurrentStep, useSettings, useT } from '../playback/react/viewerHooks';

/** The full-width timeline: an ARIA slider with chapter marks. The thumb moves through refs, not React state. */
export function Scrubber() {
  const controller = useController();
  const t = useT();
  const { procedure } = useSettings();
  useCurrentStep();
  const timeline = controller.getTimeline();
  const sliderRef = useRef<HTMLDivElement>(null);
  const fillRef = useRef<HTMLDivElement>(null);
  const thumbRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    let lastSecond = -1;
    let lastStep = -1;
    const apply = () => {
      const s = controller.state;
      const pct = s.duration > 0 ? (100 * s.time) / s.duration : 0;
      if (fillRef.current) fillRef.current.style.width = `${pct}%`;
      if (thumbRef.current) thumbRef.current.style.left = `${pct}%`;
      const second = Math.floor(s.time);
      const slider = sliderRef.current;
      if (slider && (second !== lastSecond || s.stepIndex !== lastStep)) {
        lastSecond = second;
        lastStep = s.stepIndex;
        slider.setAttribute('aria-valuenow', String(Math.round(s.time * 10) / 10));
        slider.setAttribute(
          'aria-valuetext',
          t('controls.scrubberValue', {
            index: s.stepIndex + 1,
            count: controller.getTimeline().steps.length,
            title: t(`step.${s.step}.title`),
            time: formatTime(s.time),
          }),
        );
      }
    };
    apply();
    return controller.on('frame', apply);
  }, [controller, t, procedure]);

  const timeFromPointer = (event: PointerEvent<HTMLDivElement>) => {
    const rect = event.currentTarget.getBoundingClientRect();
    const x = Math.min(1, Math.max(0, (event.clientX - rect.left) / Math.max(1, rect.width)));
    return x * controller.getTimeline().duration;
  };

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (event.button !== 0) return;
    event.currentTarget.setPointerCapture(event.pointerId);
    sliderRef.current?.focus();
    controller.beginScrub();
    controller.seek(timeFromPointer(event));
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    if (controller.getPlayback().scrubbing) controller.seek(timeFromPointer(event));
  };
  const onPointerUp = (event: PointerEvent<HTMLDivElement>) => {
    if (event.currentTarget.hasPointerCapture(event.pointerId))
      event.currentTarget.releasePointerCapture(event.pointerId);
    controller.endScrub();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    if (!handleMediaKey(controller, event.key)) return;
    event.preventDefault();
    event.stopPropagation();
  };

  return (
    <div
      className="spv-scrubber"
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
    >
      <div
        ref={sliderRef}
        className="spv-scrubber-track"
        role="slider"
        tabIndex={0}
        aria-label={t('controls.scrubber')}
        aria-valuemin={0}
        aria-valuemax={timeline.duration}
        aria-orientation="horizontal"
        onKeyDown={onKeyDown}
      >
        <div ref={fillRef} className="spv-scrubber-fill" />
        {timeline.steps.slice(1).map((step) => (
          <span
            key={step.id}
            className="spv-chapter-mark"
            ref={(el) => {
              if (el) el.style.left = `${(100 * step.start) / timeline.duration}%`;
            }}
            title={t(`step.${step.id}.title`)}
          />
        ))}
        <div ref={thumbRef} className="spv-scrubber-thumb" />
      </div>
    </div>
  );
}
