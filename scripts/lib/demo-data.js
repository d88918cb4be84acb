'use strict';

/**
 * The demo province: real division codes of Zhejiang, organisations of the provincial, city and
 * county levels, two portal sites with the standard columns. Items are generated from these.
 */
const REGIONS = [
  { code: '330000', name: '浙江省', level: 'province' },
  { code: '330100', name: '杭州市', level: 'city', parent: '330000' },
  { code: '330200', name: '宁波市', level: 'city', parent: '330000' },
  { code: '330300', name: '温州市', level: 'city', parent: '330000' },
  { code: '330102', name: '上城区', level: 'county', parent: '330100' },
  { code: '330106', name: '西湖区', level: 'county', parent: '330100' },
  { code: '330203', name: '海曙区', level: 'county', parent: '330200' },
  { code: '330212', name: '鄞州区', level: 'county', parent: '330200' },
  { code: '330302', name: '鹿城区', level: 'county', parent: '330300' },
  { code: '330381', name: '瑞安市', level: 'county', parent: '330300' },
  { code: '330106002', name: '北山街道', level: 'township', parent: '330106' },
  { code: '330106012', name: '转塘街道', level: 'township', parent: '330106' },
];

const PROVINCE_DEPARTMENTS = [
  ['浙江省人民政府办公厅', '省政府办公厅', 'government'],
  ['浙江省发展和改革委员会', '省发展改革委', 'department'],
  ['浙江省财政厅', '省财政厅', 'department'],
  ['浙江省生态环境厅', '省生态环境厅', 'department'],
  ['浙江省市场监督管理局', '省市场监管局', 'department'],
  ['浙江省教育厅', '省教育厅', 'department'],
  ['浙江省卫生健康委员会', '省卫生健康委', 'department'],
];
const CITY_DEPARTMENTS = [
  ['人民政府办公室', '政府办', 'government'],
  ['发展和改革委员会', '发展改革委', 'department'],
  ['财政局', '财政局', 'department'],
  ['市场监督管理局', '市场监管局', 'department'],
];

/** Organisation codes are 9-character 组织机构代码 style: 00 + 4 region digits + 3-digit serial. */
const organizations = () => {
  const list = [];
  const code = (region, n) => `00${region.slice(0, 4)}${String(n).padStart(3, '0')}`;
  PROVINCE_DEPARTMENTS.forEach(([name, shortName, kind], i) => list.push({ name, shortName, kind, code: code('330000', i + 1), region: '330000' }));
  for (const city of REGIONS.filter((r) => r.level === 'city')) {
    CITY_DEPARTMENTS.forEach(([suffix, short, kind], i) =>
      list.push({ name: `${city.name}${suffix}`, shortName: `${city.name.replace('市', '')}${short}`, kind, code: code(city.code, i + 1), region: city.code, parentCode: i === 0 ? null : code(city.code, 1) })
    );
  }
  for (const county of REGIONS.filter((r) => r.level === 'county')) {
    list.push({ name: `${county.name.startsWith('瑞安') ? '瑞安市' : county.name}人民政府`, shortName: `${county.name}政府`, kind: 'government', code: `00${county.code}0`.slice(0, 9), region: county.code });
  }
  return list;
};

const COLUMNS = [
  { code: 'news', name: '政务动态', updateClass: 'news' },
  { code: 'notices', name: '通知公告', updateClass: 'notice' },
  { code: 'policies', name: '政策文件', updateClass: 'notice' },
  { code: 'interpretations', name: '政策解读', updateClass: 'notice' },
  { code: 'plans', name: '规划计划', updateClass: 'yearly' },
  { code: 'personnel', name: '人事信息', updateClass: 'yearly' },
  { code: 'annual-reports', name: '政府信息公开年报', updateClass: 'yearly' },
  { code: 'about', name: '机构概况', updateClass: 'static' },
];

const SITES = [
  { code: 'zj-portal', name: '浙江省人民政府门户网站', domain: 'www.zj.gov.cn', organizationCode: '003300001' },
  { code: 'hz-portal', name: '杭州市人民政府门户网站', domain: 'www.hangzhou.gov.cn', organizationCode: '003301001' },
];

/** Title patterns per category; `{org}` is the organisation, `{region}` its region, `{y}` a year, `{n}` a serial. */
const TITLES = {
  plans: ['{region}国民经济和社会发展第十五个五年规划纲要', '{region}“十五五”生态环境保护规划', '{region}综合交通运输发展规划（2026—2030年）', '{region}国土空间总体规划（2021—2035年）'],
  rules: ['{region}城市市容和环境卫生管理规定', '{region}政府信息公开办法', '{region}行政规范性文件管理办法'],
  'normative-documents': ['{org}关于进一步优化营商环境的若干意见', '{org}关于印发{region}公共数据管理办法的通知', '{org}关于规范涉企行政检查的实施意见（试行）'],
  'government-work-reports': ['{y}年{region}人民政府工作报告'],
  'executive-meetings': ['{region}人民政府第{n}次常务会议', '{region}政府常务会议研究部署安全生产工作'],
  'important-policies': ['{org}关于促进民营经济高质量发展的若干措施', '{org}关于支持科技创新的若干政策'],
  'major-decisions': ['关于{region}城市更新行动的重大决策预公开', '{region}养老服务体系建设重大决策征求意见'],
  'livelihood-projects': ['{y}年{region}十方面民生实事项目', '{region}{y}年民生实事项目进展情况'],
  'major-projects': ['{region}轨道交通三期工程批准情况', '{region}污水处理厂提标改造项目实施情况'],
  'budgets-and-final-accounts': ['{org}{y}年部门预算', '{org}{y}年部门决算'],
  'public-resource-allocation': ['{region}{y}年保障性住房分配结果', '{region}建设用地使用权出让结果公告'],
  'social-welfare': ['{region}{y}年社会公益事业建设情况', '{region}公共文化服务体系建设情况'],
  'market-access-negative-list': ['{region}落实市场准入负面清单情况'],
  'market-system': ['{region}建设高标准市场体系实施方案'],
  'fair-competition-enforcement': ['{org}公平竞争审查典型案例（第{n}批）'],
  'tax-and-fee-cuts': ['{region}{y}年减税降费政策落实情况'],
  'administrative-approval-items': ['{org}行政许可事项清单（{y}年版）'],
  'certificate-reduction': ['{region}证明事项告知承诺制事项目录'],
  'random-inspections': ['{org}{y}年“双随机、一公开”抽查结果（第{n}批）'],
  'licensing-decisions': ['{org}行政许可决定公示（{y}年第{n}期）'],
  'penalty-decisions': ['{org}行政处罚决定书（{y}年第{n}号）'],
  'other-enforcement-decisions': ['{org}行政强制措施决定（{y}年第{n}期）'],
  'budget-execution': ['{region}{y}年上半年预算执行情况', '{region}{y}年预算调整方案'],
  'fiscal-management-systems': ['{org}关于加强预算绩效管理的通知'],
  'government-debt': ['{region}{y}年政府债务限额及余额情况'],
  'benefit-subsidies': ['{region}{y}年惠民惠农财政补贴资金发放情况（第{n}批）'],
  'epidemic-prevention': ['{region}常态化疫情防控工作提示', '{region}秋冬季传染病防控指引'],
  'institutional-information': ['{org}机构职能'],
  statistics: ['{y}年{region}国民经济和社会发展统计公报'],
  'administrative-fees': ['{org}行政事业性收费项目目录清单'],
  'government-procurement': ['{org}{y}年政府集中采购目录及标准'],
  'social-policies': ['{region}就业创业扶持政策汇编', '{region}困难群众救助政策'],
  'emergency-response': ['{region}突发事件总体应急预案', '{region}防汛防台应急响应情况'],
  'supervision-inspections': ['{org}{y}年食品安全监督抽检信息（第{n}期）', '{org}产品质量监督抽查结果'],
  'civil-service-recruitment': ['{org}{y}年考试录用公务员拟录用人员公示'],
  'other-statutory': ['{org}{y}年政府信息公开工作年度报告'],
};

const KEYWORDS = ['营商环境', '数字政府', '共同富裕', '生态环境', '民生', '财政', '规划', '市场监管', '教育', '卫生健康'];

module.exports = { REGIONS, organizations, COLUMNS, SITES, TITLES, KEYWORDS };
