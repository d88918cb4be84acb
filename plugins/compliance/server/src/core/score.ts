/**
 * The organisation compliance score shown on the dashboard. Each component is a rate in [0, 1];
 * a component without data (nothing due, no applications answered, no columns) is left out and the
 * remaining weights are scaled up, so an organisation is never punished or rewarded for having no data.
 *
 *   score = 100 × Σ(wᵢ × rateᵢ) / Σ wᵢ over the components with data
 *   timeliness   (w = 50): items published on time / items due (on time + late + overdue)
 *   applications (w = 30): applications answered within the deadline / applications answered
 *   freshness    (w = 20): columns of the organisation's sites not stale / columns that should update
 */
export const SCORE_WEIGHTS = { timeliness: 50, applications: 30, freshness: 20 } as const;
export type ScoreComponent = keyof typeof SCORE_WEIGHTS;

export const SCORE_FORMULA =
  '合规得分 = 100 × Σ(权重 × 比率) ÷ Σ 参与计算的权重；主动公开及时率（权重 50）= 按时发布数 ÷（按时 + 逾期发布 + 逾期未发布）；依申请按期答复率（权重 30）= 按期答复数 ÷ 已答复数；栏目更新率（权重 20）= 未超期栏目数 ÷ 应更新栏目数。某项没有数据时不参与计算。';

export const ratio = (part: number, whole: number): number | null => (whole > 0 ? Math.round((part / whole) * 10000) / 10000 : null);

export const complianceScore = (rates: Partial<Record<ScoreComponent, number | null>>): number | null => {
  let weighted = 0;
  let weights = 0;
  for (const [component, weight] of Object.entries(SCORE_WEIGHTS) as Array<[ScoreComponent, number]>) {
    const rate = rates[component];
    if (rate === null || rate === undefined) continue;
    weighted += weight * rate;
    weights += weight;
  }
  return weights ? Math.round((100 * weighted) / weights * 10) / 10 : null;
};
