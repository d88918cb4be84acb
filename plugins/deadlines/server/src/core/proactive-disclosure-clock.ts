import type { WorkingDayCalendar } from './calendar';
import { proactiveDisclosureLimit, type ClockRules, type ProactiveDisclosureKind } from './clock-rules';

export interface ProactiveDisclosureDeadline {
  /** The last day the information may be published on (Art. 26). */
  dueDate: string;
  workingDays: number;
  basis: string;
}

/**
 * When information formed or changed on `formedOn` must be published at the latest: the limit for its
 * kind, counted in working days from the day after it was formed.
 */
export const proactiveDisclosureDeadline = (
  formedOn: string,
  calendar: WorkingDayCalendar,
  rules: ClockRules,
  kind?: ProactiveDisclosureKind | null
): ProactiveDisclosureDeadline => {
  const limit = proactiveDisclosureLimit(rules, kind);
  return { dueDate: calendar.addWorkingDays(formedOn, limit.workingDays), workingDays: limit.workingDays, basis: limit.basis };
};
