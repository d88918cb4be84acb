import { APPLICATION_EVENT_LABELS, APPLICATION_STATE_LABELS, isApplicationEventType } from './application-events';

describe('application events and states', () => {
  it('label every event and state in Chinese', () => {
    expect(Object.keys(APPLICATION_EVENT_LABELS)).toHaveLength(14);
    expect(Object.keys(APPLICATION_STATE_LABELS)).toEqual(['open', 'awaiting_supplement', 'in_consultation', 'awaiting_fee', 'answered', 'delivered', 'closed', 'abandoned']);
    for (const label of [...Object.values(APPLICATION_EVENT_LABELS), ...Object.values(APPLICATION_STATE_LABELS)]) expect(label).toMatch(/^[\u4e00-\u9fff]+$/);
  });

  it('recognise event types, and nothing inherited', () => {
    expect(isApplicationEventType('extension_granted')).toBe(true);
    expect(isApplicationEventType('constructor')).toBe(false);
    expect(isApplicationEventType(undefined)).toBe(false);
  });
});
