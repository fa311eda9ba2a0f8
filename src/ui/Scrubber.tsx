import { useEffect, useRef, type KeyboardEvent, type PointerEvent } from 'react';
import { formatTime } from './formatTime';
import { stepTitle } from './stepTitle';
import { levelSpans, PER_LEVEL_STEPS } from '../procedure/timeline';
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
            title: stepTitle(
              t,
              controller.getTimeline().steps[s.stepIndex] ?? { id: s.step, level: null },
              controller.getTimeline().levels.length,
            ),
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
      className={timeline.levels.length > 1 ? 'spv-scrubber spv-scrubber--levels' : 'spv-scrubber'}
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
        {levelSpans(timeline).map((span) => (
          <span
            key={span.level}
            className="spv-level-band"
            data-level={span.level}
            ref={(el) => {
              if (!el) return;
              el.style.left = `${(100 * span.start) / timeline.duration}%`;
              el.style.width = `${(100 * (span.end - span.start)) / timeline.duration}%`;
            }}
            title={t('levels.chapter', { level: span.level })}
          >
            <span className="spv-level-band-label" aria-hidden="true">
              {span.level}
            </span>
          </span>
        ))}
        {timeline.steps.slice(1).map((step) => (
          <span
            key={step.key}
            className={
              step.level && step.id === PER_LEVEL_STEPS[0]
                ? 'spv-chapter-mark spv-level-mark'
                : 'spv-chapter-mark'
            }
            ref={(el) => {
              if (el) el.style.left = `${(100 * step.start) / timeline.duration}%`;
            }}
            title={stepTitle(t, step, timeline.levels.length)}
          />
        ))}
        <div ref={thumbRef} className="spv-scrubber-thumb" />
      </div>
    </div>
  );
}
