import { APPLICANT_TYPE_LIST, APPLICANT_TYPES, isResultCode, RESULT_CODE_LIST, RESULT_CODES, RESULT_ROWS, resultGroupOf } from './result-codes';

describe('result codes of table 3 (国办公开办函〔2021〕30号)', () => {
  it('has 21 leaves: 2 + 8 withheld + 3 unavailable + 5 not processed + 3 other', () => {
    expect(RESULT_CODE_LIST).toHaveLength(21);
    const perGroup = RESULT_CODE_LIST.reduce<Record<string, number>>((acc, code) => ({ ...acc, [resultGroupOf(code)]: (acc[resultGroupOf(code)] ?? 0) + 1 }), {});
    expect(perGroup).toEqual({ disclosed: 1, partially_disclosed: 1, withheld: 8, unavailable: 3, not_processed: 5, other: 3 });
    expect(RESULT_CODES.withheld_endangers_security_stability.label).toBe('危及“三安全一稳定”');
    expect(RESULT_CODES.other_fee_unpaid.label).toBe('申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请');
    expect(isResultCode('disclosed')).toBe(true);
    expect(isResultCode('toString')).toBe(false);
  });

  it('lays out the 26 result rows in printed order with subtotals and the total', () => {
    expect(RESULT_ROWS).toHaveLength(26);
    expect(RESULT_ROWS.map((row) => `${row.ordinal}${row.kind === 'leaf' ? '' : `[${row.kind}]`}`)).toEqual([
      '（一）', '（二）',
      '（三）[subtotal]', '1.', '2.', '3.', '4.', '5.', '6.', '7.', '8.',
      '（四）[subtotal]', '1.', '2.', '3.',
      '（五）[subtotal]', '1.', '2.', '3.', '4.', '5.',
      '（六）[subtotal]', '1.', '2.', '3.',
      '（七）[total]',
    ]);
    expect(RESULT_ROWS[2]).toMatchObject({ key: 'withheld_subtotal', label: '不予公开' });
    expect(RESULT_ROWS[3]).toMatchObject({ key: 'withheld_state_secret', label: '属于国家秘密' });
    expect(RESULT_ROWS[25].codes).toHaveLength(21);
  });

  it('names the applicant types of the columns', () => {
    expect(APPLICANT_TYPE_LIST).toEqual([
      'natural_person',
      'commercial_enterprise',
      'research_institution',
      'public_interest_organization',
      'legal_service_institution',
      'other_organization',
    ]);
    expect(APPLICANT_TYPES.natural_person).toEqual({ label: '自然人', legalPersonOrOrganization: false });
    expect(APPLICANT_TYPES.legal_service_institution.label).toBe('法律服务机构');
  });
});
