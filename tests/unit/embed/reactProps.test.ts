import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  attributeName,
  eventProp,
  type EventPropName,
  type SpineProcedureViewerEventProps,
} from '../../../src/embed/react/viewerProps';
import { OPTION_KEYS, OPTION_SCHEMA } from '../../../src/options/optionSchema';
import type { ViewerEvents } from '../../../src/playback/viewerEvents';

describe('the React component’s props', () => {
  it('name each event’s callback as React names media events, at run time and in the types alike', () => {
    const names = {
      stepchange: 'onStepChange',
      timeupdate: 'onTimeUpdate',
      loadedmetadata: 'onLoadedMetadata',
      loadeddata: 'onLoadedData',
      durationchange: 'onDurationChange',
      play: 'onPlay',
      seeked: 'onSeeked',
    } as const;
    for (const [type, prop] of Object.entries(names)) expect(eventProp(type)).toBe(prop);
    expectTypeOf<EventPropName<'stepchange'>>().toEqualTypeOf<'onStepChange'>();
    expectTypeOf<EventPropName<'timeupdate'>>().toEqualTypeOf<'onTimeUpdate'>();
    expectTypeOf<EventPropName<'loadedmetadata'>>().toEqualTypeOf<'onLoadedMetadata'>();
    expectTypeOf<EventPropName<'loadeddata'>>().toEqualTypeOf<'onLoadedData'>();
    expectTypeOf<EventPropName<'durationchange'>>().toEqualTypeOf<'onDurationChange'>();
    expectTypeOf<EventPropName<'play'>>().toEqualTypeOf<'onPlay'>();
  });

  it('call back with the typed detail of the event', () => {
    expectTypeOf<NonNullable<SpineProcedureViewerEventProps['onStepChange']>>()
      .parameter(0)
      .toEqualTypeOf<ViewerEvents['stepchange']>();
    expectTypeOf<NonNullable<SpineProcedureViewerEventProps['onSeeked']>>()
      .parameter(0)
      .toEqualTypeOf<ViewerEvents['seeked']>();
  });

  it('become the attributes the options schema reads', () => {
    for (const key of OPTION_KEYS) expect(attributeName(key), key).toBe(OPTION_SCHEMA[key].attribute);
    expect(attributeName('shareUrl')).toBe('share-url');
  });
});
