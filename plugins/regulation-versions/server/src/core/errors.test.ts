import { REGULATION_ERRORS, RegulationError, refusal } from './errors';

describe('regulation-versions error codes', () => {
  it('are UPPER_SNAKE with a Chinese message each', () => {
    expect(Object.keys(REGULATION_ERRORS).length).toBeGreaterThan(30);
    for (const [code, message] of Object.entries(REGULATION_ERRORS)) {
      expect(code).toMatch(/^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/);
      expect(message).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('build refusals with the field and an optional detail', () => {
    expect(refusal('VERSION_PERIODS_OVERLAP', 'effectiveOn', '2024-01-01')).toEqual({
      code: 'VERSION_PERIODS_OVERLAP',
      message: REGULATION_ERRORS.VERSION_PERIODS_OVERLAP,
      field: 'effectiveOn',
      value: '2024-01-01',
    });
    expect(refusal('REPEAL_ALREADY_REPEALED', undefined, undefined, '已由某府发〔2024〕1号废止')).toEqual({
      code: 'REPEAL_ALREADY_REPEALED',
      message: `${REGULATION_ERRORS.REPEAL_ALREADY_REPEALED}（已由某府发〔2024〕1号废止）`,
    });
    const error = new RegulationError('DATE_INVALID', 'effectiveOn', '2024-02-30');
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('RegulationError');
    expect(error.toRefusal()).toEqual({ code: 'DATE_INVALID', message: REGULATION_ERRORS.DATE_INVALID, field: 'effectiveOn', value: '2024-02-30' });
  });
});
