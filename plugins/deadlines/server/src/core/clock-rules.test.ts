import { DEFAULT_CLOCK_RULES, proactiveDisclosureLimit, type ClockRules } from './clock-rules';

describe('statutory clock rules', () => {
  it('carry the limits of the regulation with their articles', () => {
    expect(DEFAULT_CLOCK_RULES.reply).toMatchObject({ workingDays: 20, basis: '《政府信息公开条例》第三十三条' });
    expect(DEFAULT_CLOCK_RULES.extension).toMatchObject({ workingDays: 20, maxTimes: 1, basis: '《政府信息公开条例》第三十三条' });
    expect(DEFAULT_CLOCK_RULES.supplementNotice).toMatchObject({ workingDays: 7, maxTimes: 1, basis: '《政府信息公开条例》第三十条' });
    expect(DEFAULT_CLOCK_RULES.consultation.workingDays).toBe(15);
    expect(DEFAULT_CLOCK_RULES.consultation.basis).toContain('第三十二条');
    expect(DEFAULT_CLOCK_RULES.consultation.basis).toContain('第三十四条');
    expect(DEFAULT_CLOCK_RULES.proactiveDisclosure).toMatchObject({ workingDays: 20, basis: '《政府信息公开条例》第二十六条' });
    expect(DEFAULT_CLOCK_RULES.dueSoon.workingDays).toBe(5);
  });

  it('give licensing and penalty decisions 7 working days and everything else the general 20', () => {
    expect(proactiveDisclosureLimit(DEFAULT_CLOCK_RULES, 'licensing_decision').workingDays).toBe(7);
    expect(proactiveDisclosureLimit(DEFAULT_CLOCK_RULES, 'penalty_decision').workingDays).toBe(7);
    expect(proactiveDisclosureLimit(DEFAULT_CLOCK_RULES).workingDays).toBe(20);
    expect(proactiveDisclosureLimit(DEFAULT_CLOCK_RULES, null).workingDays).toBe(20);
  });

  it('are frozen data: local practice is a new rules value, not a mutation', () => {
    expect(() => {
      (DEFAULT_CLOCK_RULES.reply as { workingDays: number }).workingDays = 15;
    }).toThrow(TypeError);
    const stricter: ClockRules = { ...DEFAULT_CLOCK_RULES, dueSoon: { ...DEFAULT_CLOCK_RULES.dueSoon, workingDays: 3 } };
    expect(stricter.dueSoon.workingDays).toBe(3);
    expect(DEFAULT_CLOCK_RULES.dueSoon.workingDays).toBe(5);
  });
});
