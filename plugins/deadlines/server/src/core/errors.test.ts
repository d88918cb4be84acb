import { DEADLINES_ERRORS, DeadlinesError, refusal } from './errors';

describe('deadlines error codes', () => {
  it('are UPPER_SNAKE with a Chinese message each', () => {
    for (const [code, message] of Object.entries(DEADLINES_ERRORS)) {
      expect(code).toMatch(/^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/);
      expect(message).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('build refusals with the field and an optional detail', () => {
    expect(refusal('EXTENSION_TOO_LONG', 'days', 25)).toEqual({ code: 'EXTENSION_TOO_LONG', message: DEADLINES_ERRORS.EXTENSION_TOO_LONG, field: 'days', value: 25 });
    expect(refusal('EVENT_BEFORE_PREVIOUS', 'date', undefined, '上一环节日期：2026-01-05')).toEqual({
      code: 'EVENT_BEFORE_PREVIOUS',
      message: `${DEADLINES_ERRORS.EVENT_BEFORE_PREVIOUS}（上一环节日期：2026-01-05）`,
      field: 'date',
    });
    const error = new DeadlinesError('DATE_INVALID', 'today', 'x');
    expect(error).toBeInstanceOf(Error);
    expect(error.toRefusal()).toEqual({ code: 'DATE_INVALID', message: DEADLINES_ERRORS.DATE_INVALID, field: 'today', value: 'x' });
  });
});
