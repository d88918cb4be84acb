/**
 * Statutory deadlines of the annual report (条例 Art. 49–50): departments report to the
 * government's disclosure office by 31 January, governments publish by 31 March, each for the
 * previous year. Reminders run in the `leadDays` before each deadline, on the deadline included.
 */
export interface ReminderDue {
  audience: 'department' | 'government';
  deadline: string;
  reportYear: number;
}

export const reminderDue = (today: string, leadDays: number): ReminderDue | null => {
  const year = Number(today.slice(0, 4));
  for (const [audience, monthDay] of [['department', '01-31'], ['government', '03-31']] as const) {
    const deadline = `${year}-${monthDay}`;
    const days = Math.round((Date.parse(`${deadline}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
    if (days >= 0 && days <= leadDays) return { audience, deadline, reportYear: year - 1 };
  }
  return null;
};
