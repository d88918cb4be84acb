import { createCalendar } from './calendar';
import { DEFAULT_CLOCK_RULES } from './clock-rules';
import { proactiveDisclosureDeadline } from './proactive-disclosure-clock';

const calendar = createCalendar();

describe('proactive disclosure deadline (Art. 26)', () => {
  it('is 20 working days after the information is formed', () => {
    expect(proactiveDisclosureDeadline('2026-09-24', calendar, DEFAULT_CLOCK_RULES)).toEqual({
      dueDate: '2026-10-29',
      workingDays: 20,
      basis: '《政府信息公开条例》第二十六条',
    });
  });

  it('is 7 working days for a penalty decision, and follows the rules it is given', () => {
    // Mon 2026-09-28 + 7: 29, 30 Sep, 8, 9, 10 (make-up Saturday), 12, 13 Oct.
    expect(proactiveDisclosureDeadline('2026-09-28', calendar, DEFAULT_CLOCK_RULES, 'penalty_decision').dueDate).toBe('2026-10-13');
    const local = { ...DEFAULT_CLOCK_RULES, proactiveDisclosure: { ...DEFAULT_CLOCK_RULES.proactiveDisclosure, workingDays: 10 } };
    expect(proactiveDisclosureDeadline('2026-09-28', calendar, local).dueDate).toBe('2026-10-16');
  });
});
