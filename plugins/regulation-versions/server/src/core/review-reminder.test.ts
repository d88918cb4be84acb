import { parseLegalText } from './legal-text';
import type { Regulation, RegulationVersion } from './regulation';
import { isReviewDue, reviewReminderOn } from './review-reminder';
import { DEFAULT_VALIDITY_PERIOD_RULES } from './validity-period';

const version = (versionNumber: number, effectiveOn: string, fields: Partial<RegulationVersion> = {}): RegulationVersion => ({
  versionNumber,
  text: parseLegalText('第一条　目的。\n第二条　施行日期。'),
  actDocumentNumber: `某府发〔${effectiveOn.slice(0, 4)}〕${versionNumber}号`,
  actDate: effectiveOn,
  publishedOn: effectiveOn,
  effectiveOn,
  ...fields,
});
const nd: Regulation = { kind: 'normative_document', title: '某市政务公开工作办法' };

describe('review reminders before a normative document expires', () => {
  it('go out 6 months before the end of the last version', () => {
    expect(reviewReminderOn(nd, [version(1, '2021-01-01')], [])).toEqual({ versionNumber: 1, expiresOn: '2025-12-31', remindOn: '2025-06-30' });
    const trial = { ...nd, title: '某市政务公开工作办法（试行）' };
    expect(reviewReminderOn(trial, [version(1, '2023-07-01')], [])).toEqual({ versionNumber: 1, expiresOn: '2025-06-30', remindOn: '2024-12-30' });
    expect(reviewReminderOn(nd, [version(1, '2021-01-01')], [], { ...DEFAULT_VALIDITY_PERIOD_RULES, reviewReminderMonths: 3 })?.remindOn).toBe('2025-09-30');
  });

  it('follow the renewal, and stop for documents without a period or repealed before their end', () => {
    const renewed = [version(1, '2021-01-01'), version(2, '2025-12-01', { renews: 1 })];
    expect(reviewReminderOn(nd, renewed, [])).toEqual({ versionNumber: 2, expiresOn: '2030-11-30', remindOn: '2030-05-30' });
    expect(reviewReminderOn({ kind: 'rule', title: '某市规定' }, [version(1, '2021-01-01')], [])).toBeNull();
    expect(reviewReminderOn(nd, [version(1, '2021-01-01', { openEnded: true })], [])).toBeNull();
    expect(reviewReminderOn(nd, [version(1, '2021-01-01')], [{ type: 'repeal', documentNumber: '某府发〔2024〕9号', effectiveOn: '2024-06-01' }])).toBeNull();
    expect(reviewReminderOn(nd, [], [])).toBeNull();
  });

  it('say whether a date is in the review window', () => {
    const reminder = reviewReminderOn(nd, [version(1, '2021-01-01')], []);
    expect(isReviewDue(reminder, '2025-06-29')).toBe(false);
    expect(isReviewDue(reminder, '2025-06-30')).toBe(true);
    expect(isReviewDue(reminder, '2025-12-31')).toBe(true);
    expect(isReviewDue(reminder, '2026-01-01')).toBe(false);
    expect(isReviewDue(null, '2025-07-01')).toBe(false);
  });
});
