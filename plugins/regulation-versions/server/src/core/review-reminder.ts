import { assertDate } from './civil-date';
import type { Regulation, RegulationEvent, RegulationVersion } from './regulation';
import { buildTimeline } from './timeline';
import { DEFAULT_VALIDITY_PERIOD_RULES, reviewReminderDate, type ValidityPeriodRules } from './validity-period';

/**
 * The review (评估) before a normative document expires. Only the last version matters: an earlier one
 * is replaced by an amendment or renewal, and a document repealed before its end date needs no review.
 */

export interface ReviewReminder {
  versionNumber: number;
  /** The last day in force unless renewed. */
  expiresOn: string;
  /** The day the reminder goes out. */
  remindOn: string;
}

export const reviewReminderOn = (
  regulation: Regulation,
  versions: readonly RegulationVersion[],
  events: readonly RegulationEvent[],
  rules: ValidityPeriodRules = DEFAULT_VALIDITY_PERIOD_RULES
): ReviewReminder | null => {
  const timeline = buildTimeline(regulation, versions, events, rules);
  const last = timeline.periods[timeline.periods.length - 1];
  if (!last?.expiresOn) return null;
  if (timeline.repeal && timeline.repeal.effectiveOn <= last.expiresOn) return null;
  return { versionNumber: last.versionNumber, expiresOn: last.expiresOn, remindOn: reviewReminderDate(last.expiresOn, rules) };
};

/** Whether, on `date`, the document is in its review window: reminded and not yet expired. */
export const isReviewDue = (reminder: ReviewReminder | null, date: string): boolean =>
  reminder !== null && assertDate(date) >= reminder.remindOn && date <= reminder.expiresOn;
