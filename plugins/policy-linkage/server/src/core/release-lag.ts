/**
 * 同步部署: an interpretation released after its policy trails it by the working days in between;
 * up to the configured allowance (default 0) that is on time, beyond it the release is late.
 */
export interface ReleaseLag {
  lagWorkingDays: number;
  late: boolean;
}

export const releaseLag = (
  policyReleasedOn: string,
  interpretationReleasedOn: string,
  allowanceWorkingDays: number,
  workingDaysBetween: (from: string, to: string) => number
): ReleaseLag => {
  const lagWorkingDays = interpretationReleasedOn <= policyReleasedOn ? 0 : workingDaysBetween(policyReleasedOn, interpretationReleasedOn);
  return { lagWorkingDays, late: lagWorkingDays > allowanceWorkingDays };
};

/** Monday to Friday, for a deployment without the deadlines plugin's holiday calendar. */
export const weekdaysBetween = (from: string, to: string): number => {
  const start = Date.parse(`${from}T00:00:00Z`);
  const end = Date.parse(`${to}T00:00:00Z`);
  let count = 0;
  for (let t = start + 86_400_000; t <= end; t += 86_400_000) {
    const day = new Date(t).getUTCDay();
    if (day !== 0 && day !== 6) count++;
  }
  return count;
};

/** 解读比例: interpreted share of the policies that need one, null when there are none. */
export const interpretationRatio = (interpreted: number, required: number): number | null =>
  required === 0 ? null : Math.round((interpreted / required) * 10_000) / 10_000;
