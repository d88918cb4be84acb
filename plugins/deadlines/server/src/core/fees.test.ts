import { calculateFee, DEFAULT_FEE_SCHEDULE } from './fees';
import { DeadlinesError } from './errors';

const perApplication = (n: number) => calculateFee({ method: 'per_application', applicationsThisMonth: n }).amountYuan;
const perPage = (pages: number) => calculateFee({ method: 'per_page', pages }).amountYuan;

describe('information-processing fee (国办函〔2020〕109号)', () => {
  it('per application: 1-10 free, 11-30 100 元, then +100 元 for every further band of 10', () => {
    expect([1, 10, 11, 30, 31, 40, 41, 50, 51, 60, 61].map(perApplication)).toEqual([0, 0, 100, 100, 200, 200, 300, 300, 400, 400, 500]);
    expect(calculateFee({ method: 'per_application', applicationsThisMonth: 41 })).toEqual({
      method: 'per_application',
      amountYuan: 300,
      breakdown: [{ band: '41-50', unit: 'application', quantity: 1, unitYuan: 300, amountYuan: 300 }],
      basis: DEFAULT_FEE_SCHEDULE.basis,
    });
    expect(calculateFee({ method: 'per_application', applicationsThisMonth: 10 }).breakdown).toEqual([
      { band: '1-10', unit: 'application', quantity: 1, unitYuan: 0, amountYuan: 0 },
    ]);
  });

  it('per page, marginally: 1-30 free, 31-100 10 元, 101-200 20 元, 201+ 40 元', () => {
    expect([0, 1, 30, 31, 100, 101, 200, 201, 250].map(perPage)).toEqual([0, 0, 0, 10, 700, 720, 2700, 2740, 4700]);
    expect(calculateFee({ method: 'per_page', pages: 201 }).breakdown).toEqual([
      { band: '1-30', unit: 'page', quantity: 30, unitYuan: 0, amountYuan: 0 },
      { band: '31-100', unit: 'page', quantity: 70, unitYuan: 10, amountYuan: 700 },
      { band: '101-200', unit: 'page', quantity: 100, unitYuan: 20, amountYuan: 2000 },
      { band: '201+', unit: 'page', quantity: 1, unitYuan: 40, amountYuan: 40 },
    ]);
    expect(calculateFee({ method: 'per_page', pages: 0 }).breakdown).toEqual([]);
  });

  it('refuses impossible inputs with stable codes', () => {
    const codeOf = (fn: () => unknown) => {
      try {
        fn();
        return 'no error';
      } catch (error) {
        return (error as DeadlinesError).code;
      }
    };
    expect(codeOf(() => calculateFee({ method: 'per_application', applicationsThisMonth: 0 }))).toBe('APPLICATION_COUNT_INVALID');
    expect(codeOf(() => calculateFee({ method: 'per_application', applicationsThisMonth: 2.5 }))).toBe('APPLICATION_COUNT_INVALID');
    expect(codeOf(() => calculateFee({ method: 'per_page', pages: -1 }))).toBe('PAGE_COUNT_INVALID');
    expect(codeOf(() => calculateFee({ method: 'per_word' } as never))).toBe('FEE_METHOD_UNKNOWN');
  });
});
