import { receiptDate } from './receipt-date';

describe('receipt date by channel (Art. 31)', () => {
  it('is the day handed in, for an application in person', () => {
    expect(receiptDate('in_person', { submittedOn: '2026-09-24' })).toEqual({ ok: true, date: '2026-09-24' });
  });

  it('is the day signed for, for registered post', () => {
    expect(receiptDate('registered_post', { submittedOn: '2026-09-21', signedForOn: '2026-09-24' })).toEqual({ ok: true, date: '2026-09-24' });
    expect(receiptDate('registered_post', { submittedOn: '2026-09-21', confirmedOn: '2026-09-24' })).toMatchObject({
      ok: false,
      error: { code: 'SIGNED_FOR_ON_REQUIRED', field: 'signedForOn' },
    });
  });

  it('is the day of confirmation for an ordinary letter, online and fax', () => {
    for (const channel of ['ordinary_letter', 'online', 'fax'] as const) {
      expect(receiptDate(channel, { submittedOn: '2026-09-18', confirmedOn: '2026-09-22' })).toEqual({ ok: true, date: '2026-09-22' });
      expect(receiptDate(channel, { submittedOn: '2026-09-18', signedForOn: '2026-09-19' })).toMatchObject({
        ok: false,
        error: { code: 'CONFIRMED_ON_REQUIRED', field: 'confirmedOn' },
      });
    }
  });

  it('refuses impossible facts with the field they concern', () => {
    expect(receiptDate('online', { submittedOn: '2026-09-18', confirmedOn: '2026-09-17' })).toMatchObject({
      ok: false,
      error: { code: 'RECEIPT_BEFORE_SUBMISSION', field: 'confirmedOn' },
    });
    expect(receiptDate('fax', { submittedOn: '2026-09-18', confirmedOn: '2026-09-31' })).toMatchObject({ ok: false, error: { code: 'DATE_INVALID', field: 'confirmedOn' } });
    expect(receiptDate('in_person', { submittedOn: '' })).toMatchObject({ ok: false, error: { code: 'SUBMITTED_ON_REQUIRED', field: 'submittedOn' } });
    expect(receiptDate('carrier_pigeon' as never, { submittedOn: '2026-09-18' })).toMatchObject({ ok: false, error: { code: 'RECEIPT_CHANNEL_UNKNOWN', field: 'channel' } });
  });
});
