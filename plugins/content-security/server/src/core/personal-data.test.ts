import { findPersonalData, idCheckCharacter, isBankCardNumber, isResidentIdNumber, luhnValid, maskIdNumber, maskMobile, maskName, maskPersonalData } from './personal-data';

/** A valid 18-digit number for a division code and birth date (the check digit computed). */
export const validId = (prefix17: string) => prefix17 + idCheckCharacter(prefix17);

const ID = validId('33010619900307123'); // 西湖区, born 1990-03-07
const today = new Date('2026-06-01T00:00:00Z');
const types = (text: string, tabular = false) => findPersonalData(text, { today, tabular }).map((f) => f.type);

describe('resident ID numbers', () => {
  it('accepts a number with the right check digit and a real birth date, legacy 15-digit numbers too', () => {
    expect(isResidentIdNumber(ID, today)).toBe(true);
    expect(isResidentIdNumber('11010519491231002X', today)).toBe(true); // the standard's own example
    expect(isResidentIdNumber('330106900307123', today)).toBe(true);
  });
  it('refuses a wrong check digit, an impossible or future birth date and an unknown province', () => {
    const wrong = ID.slice(0, 17) + (ID[17] === '1' ? '2' : '1');
    expect(isResidentIdNumber(wrong, today)).toBe(false);
    expect(isResidentIdNumber(validId('33010619900230123'), today)).toBe(false); // 30 February
    expect(isResidentIdNumber(validId('33010620300101123'), today)).toBe(false); // born in 2030
    expect(isResidentIdNumber(validId('99010619900307123'), today)).toBe(false);
    expect(isResidentIdNumber('330106901307123', today)).toBe(false); // month 13
  });
  it('is found in text and masked keeping the first two and the last three characters', () => {
    const [finding] = findPersonalData(`申请人张三，身份证号${ID}，已审核。`, { today });
    expect(finding.type).toBe('id_number');
    expect(finding.value).toBe(ID);
    expect(finding.masked).toBe(`33*************${ID.slice(-3)}`);
    expect(maskIdNumber('350102199001011234')).toBe('35*************234');
  });
});

describe('bank cards and mobile numbers', () => {
  it('finds Luhn-valid card numbers of 16-19 digits, grouped or not', () => {
    expect(luhnValid('6222021234567890128')).toBe(true);
    expect(isBankCardNumber('6222021234567890128')).toBe(true);
    expect(types('收款账号 6222021234567890128')).toEqual(['bank_card']);
    expect(types('卡号 6222 0212 3456 7890 128')).toEqual(['bank_card']);
    expect(findPersonalData('6222021234567890128', { today })[0].masked).toBe('6222***********0128');
  });
  it('finds mobile numbers, with +86 or grouped, and masks them as 138****1234', () => {
    expect(types('联系人手机13812341234')).toEqual(['mobile']);
    expect(types('电话：+8613812341234')).toEqual(['mobile']);
    expect(types('电话 138 1234 1234')).toEqual(['mobile']);
    expect(maskMobile('13812341234')).toBe('138****1234');
  });
});

describe('home addresses', () => {
  it('finds a home address with house, building, unit or room detail', () => {
    const [found] = findPersonalData('户籍地址：杭州市西湖区文三路128号3幢2单元501室', { today });
    expect(found.type).toBe('address');
    expect(found.masked).toBe('杭州市西湖区文三路***号*幢*单元***室');
    expect(types('住址 临安区青山湖街道青山村5组12号')).toEqual(['address']);
  });
  it('treats a single house number as a home address only in lists', () => {
    expect(types('本机关地址：杭州市省府路8号')).toEqual([]);
    expect(types('文三路12号', true)).toEqual(['address']);
  });
});

describe('no false positives', () => {
  it.each([
    ['document numbers', '根据国办发〔2021〕12号和浙政办发〔2026〕3号文件精神'],
    ['index numbers', '索引号：000014349/2018-00222，002482162/2026-00031'],
    ['dates', '成文日期 2026-03-02，20260302，2026年3月2日，2026.03.02'],
    ['amounts', '预算总额 1234567890123456.78 元，合计 4512345678901234 元，人民币 6222021234567890128'],
    ['office phone numbers', '咨询电话：0571-87654321，0571-87654321-8001，12345 热线，传真 057187654321'],
    ['long numbers failing the checksum', '项目编号 330106199003071230，合同号 6222021234567890123，流水号 12345678901234567890123'],
    ['credit codes and decrees', '统一社会信用代码 11330000002482162P，省人民政府令第12号，2026年第5号公告'],
  ])('%s', (_label, text) => {
    expect(findPersonalData(text, { today })).toEqual([]);
  });
  it('a budget table row is not personal data', () => {
    expect(findPersonalData('一般公共预算收入\t123456.78\t134567.89\t109.0%', { today, tabular: true })).toEqual([]);
  });
});

describe('masking', () => {
  it('rewrites every finding with its mask and masks the second character of names', () => {
    expect(maskName('张三丰')).toBe('张*丰');
    expect(maskName('李四')).toBe('李*');
    const { text, masked } = maskPersonalData(`张三丰 ${ID} 13812341234`, { today });
    expect(text).toBe(`张三丰 33*************${ID.slice(-3)} 138****1234`);
    expect(masked.map((m) => m.type)).toEqual(['id_number', 'mobile']);
  });
});
