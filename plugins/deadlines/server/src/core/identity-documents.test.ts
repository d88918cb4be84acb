import { isResidentIdNumber, isUnifiedSocialCreditCode, isValidIdNumber, maskIdNumber } from './identity-documents';

const today = '2026-11-27';

describe('identity documents', () => {
  it('accepts resident ID numbers with a valid check character and birth date', () => {
    expect(isResidentIdNumber('11010519491231002X', today)).toBe(true);
    expect(isResidentIdNumber('11010519491231002x', today)).toBe(true);
    expect(isResidentIdNumber('440524198001010013', today)).toBe(true);
    expect(isResidentIdNumber('440524188001010014', today)).toBe(false); // born before 1900
  });

  it('refuses a wrong check character, an impossible birth date or a future one', () => {
    expect(isResidentIdNumber('110105194912310021', today)).toBe(false);
    expect(isResidentIdNumber('110105194902300020', today)).toBe(false);
    expect(isResidentIdNumber('110105203001010010', today)).toBe(false);
    expect(isResidentIdNumber('12345', today)).toBe(false);
  });

  it('accepts legacy 15-digit numbers with a plausible date', () => {
    expect(isResidentIdNumber('110105491231002', today)).toBe(true);
    expect(isResidentIdNumber('110105491331002', today)).toBe(false);
  });

  it('checks unified social credit codes', () => {
    expect(isUnifiedSocialCreditCode('91350100M000100Y43')).toBe(true);
    expect(isUnifiedSocialCreditCode('91350100M000100Y44')).toBe(false);
    expect(isValidIdNumber('unified_social_credit_code', '91350100M000100Y43', today)).toBe(true);
  });

  it('checks the shape of passports and permits', () => {
    expect(isValidIdNumber('passport', 'E12345678', today)).toBe(true);
    expect(isValidIdNumber('hk_macao_permit', 'H12345678', today)).toBe(true);
    expect(isValidIdNumber('hk_macao_permit', 'X12345678', today)).toBe(false);
  });

  it('masks for display', () => {
    expect(maskIdNumber('350102199001011234')).toBe('35*************234');
  });
});
