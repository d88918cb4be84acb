import type { LexiconCategory } from './lexicon';

/**
 * The word lists shipped as seed data (created on first start as 敏感词库 records, then edited by
 * administrators). Words are chosen to occur in injected advertising, not in the government texts
 * that report on fighting it: 赌博 or 色情 alone would flag every 扫黄打非 notice.
 */
export const DEFAULT_WORD_LISTS: Array<{ name: string; category: LexiconCategory; words: string[] }> = [
  {
    name: '赌博',
    category: 'gambling',
    words: [
      '网上赌场', '在线赌场', '真人荷官', '百家乐', '时时彩', '六合彩', '北京赛车pk10', '幸运飞艇', '体育投注', '足球投注', '在线博彩',
      '博彩平台', '老虎机', '娱乐城', '注册送彩金', '彩金', '首存送', '首充送', '返水', '澳门新葡京', '新葡京娱乐', '威尼斯人娱乐',
      '金沙娱乐', '永利娱乐', '太阳城娱乐', '皇冠体育', '棋牌娱乐', '开元棋牌', '电子游艺', '真人视讯', '赌球网', '外围赌球',
    ],
  },
  {
    name: '色情',
    category: 'pornography',
    words: ['裸聊', '约炮', '一夜情', '成人视频', '成人影院', '黄色网站', '福利视频', '午夜福利', '无码视频', '同城约会', '上门服务', '援交'],
  },
  {
    name: '诈骗',
    category: 'fraud',
    words: ['兼职刷单', '刷单返利', '日赚千元', '无抵押秒批', '贷款秒批', '网贷口子', '代办信用卡', '信用卡套现', '代开发票', '发票代开', '办证刻章', '黑客接单', '高仿证件'],
  },
  {
    name: 'APP下载广告',
    category: 'app_ad',
    words: ['app下载送', '下载app送', '注册就送', '备用网址', '最新网址', '永久地址', '永久域名', '官网入口', '官方入口', '娱乐app', '体育app'],
  },
  {
    name: '品牌（与“体育、娱乐、官网、app、下载”连用即为拼接广告）',
    category: 'brand',
    words: [
      '开云', '华体会', '乐鱼', '九游', '米乐', '半岛', '爱游戏', '星空', '必威', '亚博', '博天堂', '天博', '雷竞技', '沙巴', '宝博', '明升',
      '威廉希尔', '立博', '金沙', '威尼斯人', '新葡京', '葡京', '永利', '美高梅', '太阳城', '银河', '九州', 'kaiyun', 'hth', 'bet365', 'bob', 'leyu', 'ob',
    ],
  },
  {
    name: '本地敏感词',
    category: 'sensitive',
    words: [],
  },
  {
    name: '放行短语（包含命中词时不报）',
    category: 'allow',
    words: ['浙里办', '国务院客户端', '学习强国', '个人所得税app', '国家政务服务平台', '银河系', '星空下', '半岛都市报', '山东半岛', '辽东半岛', '雷州半岛', '胶东半岛', '金沙江', '九州通'],
  },
];
