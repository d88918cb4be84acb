/**
 * The statutory time limits, as data. Every clock in this plugin reads its numbers from a
 * `ClockRules` value passed in, never from literals, so a province whose practice is stricter (or a
 * future revision of the regulation) changes configuration, not code.
 *
 * All limits are in working days (工作日) and counted from the day after the triggering event.
 */

export interface StatutoryLimit {
  workingDays: number;
  /** Where the limit comes from, e.g. `《政府信息公开条例》第三十三条`. */
  basis: string;
  /** What the limit is, in Chinese, for explanations shown to users. */
  description: string;
}

/** Kinds of proactively disclosed information that carry their own, shorter limit. */
export type ProactiveDisclosureKind = 'licensing_decision' | 'penalty_decision';

export interface ClockRules {
  /** Reply to an application not answered on the spot (Art. 33). */
  reply: StatutoryLimit;
  /** One extension of at most this many working days, approved by the head of the disclosure office (Art. 33). */
  extension: StatutoryLimit & { maxTimes: number };
  /** Supplement notice (补正) within this many working days of receipt, once (Art. 30). */
  supplementNotice: StatutoryLimit & { maxTimes: number };
  /**
   * Consultation of a third party (Art. 32) or of co-authoring agencies (Art. 34): they have this many
   * working days, silence meaning the agency decides (third party) or consent (agency). The time is
   * not counted in the reply period (Art. 33). With `pauseCappedAtLimit` the pause ends when that
   * period runs out even if the end of the consultation has not been recorded.
   */
  consultation: StatutoryLimit & { pauseCappedAtLimit: boolean };
  /** The applicant pays within this many working days of the fee notice; the wait is not counted. */
  feePayment: StatutoryLimit;
  /** Proactive disclosure after information is formed or changed (Art. 26), with shorter limits by kind. */
  proactiveDisclosure: StatutoryLimit & { byKind: Record<ProactiveDisclosureKind, StatutoryLimit> };
  /** A running clock with this many working days or fewer left is shown as due soon (local practice). */
  dueSoon: { workingDays: number; description: string };
}

const REGULATION = '《政府信息公开条例》';

export const DEFAULT_CLOCK_RULES: ClockRules = deepFreeze({
  reply: {
    workingDays: 20,
    basis: `${REGULATION}第三十三条`,
    description: '不能当场答复的，自收到申请之日起20个工作日内予以答复',
  },
  extension: {
    workingDays: 20,
    maxTimes: 1,
    basis: `${REGULATION}第三十三条`,
    description: '需要延长答复期限的，经政府信息公开工作机构负责人同意并告知申请人，延长的期限最长不得超过20个工作日',
  },
  supplementNotice: {
    workingDays: 7,
    maxTimes: 1,
    basis: `${REGULATION}第三十条`,
    description: '申请内容不明确的，自收到申请之日起7个工作日内一次性告知申请人作出补正；答复期限自收到补正的申请之日起计算',
  },
  consultation: {
    workingDays: 15,
    pauseCappedAtLimit: true,
    basis: `${REGULATION}第三十二条、第三十三条、第三十四条`,
    description: '第三方或共同制作机关自收到征求意见书之日起15个工作日内提出意见；征求意见所需时间不计算在答复期限内',
  },
  feePayment: {
    workingDays: 20,
    basis: '国办函〔2020〕109号',
    description: '申请人自收到收费通知之日起20个工作日内缴纳费用；发出收费通知至缴费之日的期间不计算在答复期限内',
  },
  proactiveDisclosure: {
    workingDays: 20,
    basis: `${REGULATION}第二十六条`,
    description: '属于主动公开范围的政府信息，自该政府信息形成或者变更之日起20个工作日内予以公开',
    byKind: {
      licensing_decision: {
        workingDays: 7,
        basis: `${REGULATION}第二十六条（法律、法规对期限另有规定的从其规定；“双公示”要求）`,
        description: '行政许可决定自作出之日起7个工作日内公开',
      },
      penalty_decision: {
        workingDays: 7,
        basis: `${REGULATION}第二十六条（法律、法规对期限另有规定的从其规定；“双公示”要求）`,
        description: '行政处罚决定自作出之日起7个工作日内公开',
      },
    },
  },
  dueSoon: {
    workingDays: 5,
    description: '剩余5个工作日以内的视为即将到期（可按本地要求调整）',
  },
});

/** The limit that applies to proactively disclosing information of `kind` (the general one without a kind). */
export const proactiveDisclosureLimit = (rules: ClockRules, kind?: ProactiveDisclosureKind | null): StatutoryLimit =>
  (kind && rules.proactiveDisclosure.byKind[kind]) || rules.proactiveDisclosure;

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    Object.values(value as Record<string, unknown>).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}
