import { DeadlinesError } from './errors';

/**
 * Information-processing fees (信息处理费) under 国办函〔2020〕109号. Disclosure is free by default; a
 * fee only applies once an applicant's volume passes the free band, and an agency charges each
 * application by one method only: per application (按件) or per page (按量). The bands are data, so
 * a change of the measures changes `DEFAULT_FEE_SCHEDULE`, not the arithmetic.
 */

export interface PageBand {
  fromPage: number;
  /** Inclusive; null for the open-ended top band. */
  toPage: number | null;
  yuanPerPage: number;
}

export interface FeeSchedule {
  perApplication: {
    /** Applications in a calendar month that are free, counted per applicant. */
    freeUpTo: number;
    /** The first charged band ends here (inclusive) and costs `firstBandYuan` per application. */
    firstBandUpTo: number;
    firstBandYuan: number;
    /** Beyond the first band, every further band of this many applications … */
    bandSize: number;
    /** … raises the per-application fee by this much. */
    stepYuan: number;
  };
  /** Marginal bands: each page is charged at the rate of the band it falls in. */
  perPage: PageBand[];
  basis: string;
}

export const DEFAULT_FEE_SCHEDULE: FeeSchedule = Object.freeze({
  perApplication: Object.freeze({ freeUpTo: 10, firstBandUpTo: 30, firstBandYuan: 100, bandSize: 10, stepYuan: 100 }),
  perPage: Object.freeze([
    Object.freeze({ fromPage: 1, toPage: 30, yuanPerPage: 0 }),
    Object.freeze({ fromPage: 31, toPage: 100, yuanPerPage: 10 }),
    Object.freeze({ fromPage: 101, toPage: 200, yuanPerPage: 20 }),
    Object.freeze({ fromPage: 201, toPage: null, yuanPerPage: 40 }),
  ]) as PageBand[],
  basis: '国办函〔2020〕109号《政府信息公开信息处理费管理办法》',
}) as FeeSchedule;

export type FeeInput =
  | { method: 'per_application'; /** This applicant's applications this calendar month, including this one. */ applicationsThisMonth: number }
  | { method: 'per_page'; pages: number };

export interface FeeLine {
  /** The band, e.g. `11-30` applications or `31-100` pages; `201+` for an open band. */
  band: string;
  unit: 'application' | 'page';
  quantity: number;
  unitYuan: number;
  amountYuan: number;
}

export interface FeeQuote {
  method: FeeInput['method'];
  amountYuan: number;
  breakdown: FeeLine[];
  basis: string;
}

const bandLabel = (from: number, to: number | null): string => (to === null ? `${from}+` : `${from}-${to}`);

/** The band the n-th application of the month falls in, with its per-application fee. */
const applicationBand = (n: number, rules: FeeSchedule['perApplication']): { from: number; to: number | null; unitYuan: number } => {
  if (n <= rules.freeUpTo) return { from: 1, to: rules.freeUpTo, unitYuan: 0 };
  if (n <= rules.firstBandUpTo) return { from: rules.freeUpTo + 1, to: rules.firstBandUpTo, unitYuan: rules.firstBandYuan };
  const step = Math.ceil((n - rules.firstBandUpTo) / rules.bandSize); // 31-40 → 1, 41-50 → 2, …
  const from = rules.firstBandUpTo + (step - 1) * rules.bandSize + 1;
  return { from, to: from + rules.bandSize - 1, unitYuan: rules.firstBandYuan + step * rules.stepYuan };
};

/** The fee for one application; throws a DeadlinesError (with its code) on an impossible input. */
export const calculateFee = (input: FeeInput, schedule: FeeSchedule = DEFAULT_FEE_SCHEDULE): FeeQuote => {
  if (input?.method === 'per_application') {
    const n = input.applicationsThisMonth;
    if (!(Number.isInteger(n) && n >= 1)) throw new DeadlinesError('APPLICATION_COUNT_INVALID', 'applicationsThisMonth', n);
    const band = applicationBand(n, schedule.perApplication);
    return {
      method: 'per_application',
      amountYuan: band.unitYuan,
      breakdown: [{ band: bandLabel(band.from, band.to), unit: 'application', quantity: 1, unitYuan: band.unitYuan, amountYuan: band.unitYuan }],
      basis: schedule.basis,
    };
  }
  if (input?.method === 'per_page') {
    const pages = input.pages;
    if (!(Number.isInteger(pages) && pages >= 0)) throw new DeadlinesError('PAGE_COUNT_INVALID', 'pages', pages);
    const breakdown: FeeLine[] = [];
    for (const band of schedule.perPage) {
      const last = band.toPage === null ? pages : Math.min(band.toPage, pages);
      const quantity = last - band.fromPage + 1;
      if (quantity <= 0) break;
      breakdown.push({ band: bandLabel(band.fromPage, band.toPage), unit: 'page', quantity, unitYuan: band.yuanPerPage, amountYuan: quantity * band.yuanPerPage });
    }
    return { method: 'per_page', amountYuan: breakdown.reduce((sum, line) => sum + line.amountYuan, 0), breakdown, basis: schedule.basis };
  }
  throw new DeadlinesError('FEE_METHOD_UNKNOWN', 'method', (input as { method?: unknown })?.method);
};
