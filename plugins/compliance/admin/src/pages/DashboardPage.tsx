import { Badge, Box, Button, Flex, Grid, Modal, SingleSelect, SingleSelectOption, Table, Tbody, Td, TextInput, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { Layouts, Page, useFetchClient } from '@strapi/strapi/admin';
import { useEffect, useMemo, useState } from 'react';
import { Bar, BarChart, CartesianGrid, Cell, Legend, Pie, PieChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { Link } from 'react-router-dom';
import { downloadCsv } from '../csv';

type Summary = any;
type Drill = { panel: string; metric: string; label: string; site?: string };
type Region = { code: string; name: string; path: string; level: string };
type Org = { code: string; name: string; regionCode: string | null };

const pct = (r: number | null | undefined) => (r === null || r === undefined ? '—' : `${(r * 100).toFixed(1)}%`);
const COLORS = ['#328048', '#d9822f', '#d02b20', '#4945ff', '#8e8ea9'];
const TIMELINESS_LABELS: Record<string, string> = { on_time: '按时发布', late: '逾期发布', overdue: '逾期未发布', due_soon: '即将到期', pending: '未到期' };
const VALIDITY_LABELS: Record<string, string> = { not_yet_effective: '尚未生效', valid: '有效', amended: '已修改', partially_invalid: '部分失效', invalid: '失效' };

/** A figure that opens the entries behind it. */
const Figure = ({ label, value, drill, onDrill, testId }: { label: string; value: string | number; drill?: Drill; onDrill: (d: Drill) => void; testId: string }) => (
  <Box padding={3} background="neutral100" hasRadius>
    <Typography variant="pi" textColor="neutral600">{label}</Typography>
    <Box>
      {drill ? (
        <button type="button" data-testid={testId} onClick={() => onDrill(drill)} style={{ background: 'none', border: 0, padding: 0, cursor: 'pointer' }}>
          <Typography variant="alpha" textColor="primary600">{value}</Typography>
        </button>
      ) : (
        <Typography variant="alpha" data-testid={testId}>{value}</Typography>
      )}
    </Box>
  </Box>
);

const Panel = ({ title, available, plugin, children, testId }: { title: string; available: boolean; plugin?: string; children: React.ReactNode; testId: string }) => (
  <Box padding={5} background="neutral0" shadow="tableShadow" hasRadius width="100%" height="100%" data-testid={testId}>
    <Typography variant="delta" tag="h2">{title}</Typography>
    <Box paddingTop={3}>
      {available ? children : <Typography textColor="neutral600" data-testid={`${testId}-unavailable`}>不可用：{plugin} 插件未启用</Typography>}
    </Box>
  </Box>
);

export const DashboardPage = () => {
  const { get } = useFetchClient();
  const [regions, setRegions] = useState<Region[]>([]);
  const [orgs, setOrgs] = useState<Org[]>([]);
  const [region, setRegion] = useState('');
  const [organization, setOrganization] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [summary, setSummary] = useState<Summary | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [drill, setDrill] = useState<Drill | null>(null);
  const [entries, setEntries] = useState<any | null>(null);

  const query = useMemo(() => {
    const p = new URLSearchParams();
    if (organization) p.set('organization', organization);
    else if (region) p.set('region', region);
    if (from) p.set('from', from);
    if (to) p.set('to', to);
    return p.toString();
  }, [region, organization, from, to]);

  useEffect(() => {
    const cm = '/content-manager/collection-types';
    get<any>(`${cm}/api::region.region?pageSize=1000&sort=path:asc`).then((res) => setRegions(res.data.results)).catch(() => undefined);
    get<any>(`${cm}/api::organization.organization?pageSize=1000&sort=code:asc&populate[region][fields][0]=code`)
      .then((res) => setOrgs(res.data.results.map((o: any) => ({ code: o.code, name: o.name, regionCode: o.region?.code ?? null }))))
      .catch(() => undefined);
  }, []);

  useEffect(() => {
    setError(null);
    get<any>(`/compliance/summary${query ? `?${query}` : ''}`)
      .then((res) => setSummary(res.data.data))
      .catch((e) => setError(e?.response?.data?.error?.message ?? e?.message ?? '加载失败'));
  }, [query]);

  useEffect(() => {
    if (!drill) return setEntries(null);
    const p = new URLSearchParams(query);
    p.set('panel', drill.panel);
    p.set('metric', drill.metric);
    if (drill.site) p.set('site', drill.site);
    get<any>(`/compliance/entries?${p.toString()}`).then((res) => setEntries(res.data.data)).catch((e) => setEntries({ error: e?.message }));
  }, [drill, query]);

  // The region tree: indent by depth of the stored path; organisations follow the chosen region.
  const regionDepth = (r: Region) => Math.max(0, (r.path ?? '').split('/').filter(Boolean).length - 1);
  const orgsInRegion = useMemo(() => {
    if (!region) return orgs;
    const inTree = new Set(regions.filter((r) => (r.path ?? '').includes(`/${region}/`)).map((r) => r.code));
    return orgs.filter((o) => o.regionCode && inTree.has(o.regionCode));
  }, [region, orgs, regions]);

  const p = summary?.panels;
  const onDrill = (d: Drill) => setDrill(d);

  return (
    <Page.Main>
      <Page.Title>政务公开督查</Page.Title>
      <Layouts.Header title="政务公开督查看板" primaryAction={<Link to="reports">年度报告</Link>} subtitle={summary ? `统计截至 ${summary.scope.today}${summary.scope.organizations !== null ? `，范围内机关 ${summary.scope.organizations} 个` : '，全部机关'}` : '加载中…'} />
      <Layouts.Content>
        <Flex gap={4} paddingBottom={4} alignItems="flex-end" wrap="wrap">
          <Box width="240px">
            <SingleSelect aria-label="行政区划" placeholder="全部区划" value={region} onChange={(v: string | number) => { setRegion(String(v)); setOrganization(''); }} onClear={() => setRegion('')} data-testid="filter-region">
              {regions.map((r) => (
                <SingleSelectOption key={r.code} value={r.code}>{`${'　'.repeat(regionDepth(r))}${r.name}`}</SingleSelectOption>
              ))}
            </SingleSelect>
          </Box>
          <Box width="280px">
            <SingleSelect aria-label="机关部门" placeholder="全部机关" value={organization} onChange={(v: string | number) => setOrganization(String(v))} onClear={() => setOrganization('')}>
              {orgsInRegion.map((o) => (
                <SingleSelectOption key={o.code} value={o.code}>{o.name}</SingleSelectOption>
              ))}
            </SingleSelect>
          </Box>
          <Box width="160px"><TextInput aria-label="起始日期" placeholder="起始 YYYY-MM-DD" value={from} onChange={(e: any) => setFrom(e.target.value)} name="from" /></Box>
          <Box width="160px"><TextInput aria-label="截止日期" placeholder="截止 YYYY-MM-DD" value={to} onChange={(e: any) => setTo(e.target.value)} name="to" /></Box>
        </Flex>
        {error && <Typography textColor="danger600">{error}</Typography>}
        {p && (
          <Grid.Root gap={4}>
            <Grid.Item col={6} s={12} alignItems="stretch">
              <Panel title="主动公开及时性" available={p.timeliness.available} plugin="时限（deadlines）" testId="panel-timeliness">
                <Flex gap={3} wrap="wrap">
                  {(['on_time', 'late', 'overdue'] as const).map((k) => (
                    <Figure key={k} label={TIMELINESS_LABELS[k]} value={p.timeliness[k]} drill={{ panel: 'timeliness', metric: k, label: TIMELINESS_LABELS[k] }} onDrill={onDrill} testId={`figure-timeliness-${k}`} />
                  ))}
                  <Figure label="及时率" value={pct(p.timeliness.onTimeRate)} onDrill={onDrill} testId="figure-timeliness-rate" />
                </Flex>
                {p.timeliness.available && (
                  <Box height="200px" paddingTop={3}>
                    <ResponsiveContainer width="100%" height={200}>
                      <PieChart>
                        <Pie isAnimationActive={false} data={(['on_time', 'late', 'overdue'] as const).map((k) => ({ name: TIMELINESS_LABELS[k], value: p.timeliness[k] }))} dataKey="value" nameKey="name" outerRadius={70} label>
                          {[0, 1, 2].map((i) => <Cell key={i} fill={COLORS[i]} />)}
                        </Pie>
                        <Tooltip />
                        <Legend />
                      </PieChart>
                    </ResponsiveContainer>
                  </Box>
                )}
              </Panel>
            </Grid.Item>
            <Grid.Item col={6} s={12} alignItems="stretch">
              <Panel title="依申请公开" available={p.applications.available} plugin="时限（deadlines）" testId="panel-applications">
                <Flex gap={3} wrap="wrap">
                  <Figure label="办理中" value={p.applications.open} drill={{ panel: 'applications', metric: 'open', label: '办理中' }} onDrill={onDrill} testId="figure-applications-open" />
                  <Figure label="即将到期" value={p.applications.dueSoon} drill={{ panel: 'applications', metric: 'dueSoon', label: '即将到期' }} onDrill={onDrill} testId="figure-applications-dueSoon" />
                  <Figure label="已超期" value={p.applications.overdue} drill={{ panel: 'applications', metric: 'overdue', label: '已超期' }} onDrill={onDrill} testId="figure-applications-overdue" />
                  <Figure label="按期答复率" value={pct(p.applications.onTimeRate)} drill={{ panel: 'applications', metric: 'answeredLate', label: '逾期答复' }} onDrill={onDrill} testId="figure-applications-rate" />
                </Flex>
                {p.applications.available && (
                  <Box paddingTop={3}>
                    <ResponsiveContainer width="100%" height={180}>
                      <BarChart data={Object.entries(p.applications.byResultCode ?? {}).map(([code, n]) => ({ code, n }))}>
                        <CartesianGrid strokeDasharray="3 3" />
                        <XAxis dataKey="code" />
                        <YAxis allowDecimals={false} />
                        <Tooltip />
                        <Bar isAnimationActive={false} dataKey="n" name="件数" fill="#4945ff" onClick={(d: any) => onDrill({ panel: 'applications', metric: `result:${d.code}`, label: `办理结果 ${d.code}` })} />
                      </BarChart>
                    </ResponsiveContainer>
                  </Box>
                )}
              </Panel>
            </Grid.Item>
            <Grid.Item col={6} s={12} alignItems="stretch">
              <Panel title="政策解读" available={p.interpretations.available} plugin="政策解读（policy-linkage）" testId="panel-interpretations">
                <Flex gap={3} wrap="wrap">
                  <Figure label="解读比例" value={pct(p.interpretations.ratio)} onDrill={onDrill} testId="figure-interpretations-ratio" />
                  <Figure label="未解读政策" value={p.interpretations.withoutInterpretation} drill={{ panel: 'interpretations', metric: 'withoutInterpretation', label: '未解读政策' }} onDrill={onDrill} testId="figure-interpretations-orphans" />
                  <Figure label="无公开政策的解读" value={p.interpretations.withoutPublicPolicy} drill={{ panel: 'interpretations', metric: 'withoutPublicPolicy', label: '无公开政策的解读' }} onDrill={onDrill} testId="figure-interpretations-orphan-interpretations" />
                  <Figure label="平均滞后（工作日）" value={p.interpretations.lag?.averageWorkingDays ?? '—'} drill={{ panel: 'interpretations', metric: 'late', label: '滞后发布的解读' }} onDrill={onDrill} testId="figure-interpretations-lag" />
                </Flex>
              </Panel>
            </Grid.Item>
            <Grid.Item col={6} s={12} alignItems="stretch">
              <Panel title="规章和规范性文件" available={p.regulations.available} plugin="规章版本（regulation-versions）" testId="panel-regulations">
                <Flex gap={3} wrap="wrap">
                  <Figure label="6 个月内到期" value={p.regulations.expiring} drill={{ panel: 'regulations', metric: 'expiring', label: '6 个月内到期' }} onDrill={onDrill} testId="figure-regulations-expiring" />
                  <Figure label="已过期仍标有效" value={p.regulations.expiredStillValid} drill={{ panel: 'regulations', metric: 'expiredStillValid', label: '已过期仍标有效' }} onDrill={onDrill} testId="figure-regulations-stale" />
                  <Figure label="目录中已过期仍标有效" value={p.regulations.catalogueExpiredStillValid} drill={{ panel: 'regulations', metric: 'catalogueExpiredStillValid', label: '目录中已过期仍标有效' }} onDrill={onDrill} testId="figure-regulations-catalogue-stale" />
                </Flex>
                {p.regulations.available && (
                  <Flex gap={2} paddingTop={3} wrap="wrap">
                    {Object.entries(p.regulations.byValidity ?? {}).map(([k, n]) => <Badge key={k}>{`${VALIDITY_LABELS[k] ?? k}：${n}`}</Badge>)}
                  </Flex>
                )}
              </Panel>
            </Grid.Item>
            <Grid.Item col={6} s={12} alignItems="stretch">
              <Panel title="内容安全" available={p.contentSecurity.available} plugin="内容安全（content-security）" testId="panel-content-security">
                <Flex gap={3} wrap="wrap">
                  <Figure label="发现问题" value={p.contentSecurity.findings?.total ?? '—'} drill={{ panel: 'contentSecurity', metric: 'withFindings', label: '有问题的内容' }} onDrill={onDrill} testId="figure-security-findings" />
                  <Figure label="未处理" value={p.contentSecurity.findings?.open ?? '—'} drill={{ panel: 'contentSecurity', metric: 'open', label: '未处理的问题' }} onDrill={onDrill} testId="figure-security-open" />
                  <Figure label="人工放行" value={p.contentSecurity.overrides?.total ?? '—'} drill={{ panel: 'contentSecurity', metric: 'overrides', label: '人工放行' }} onDrill={onDrill} testId="figure-security-overrides" />
                </Flex>
              </Panel>
            </Grid.Item>
            <Grid.Item col={6} s={12} alignItems="stretch">
              <Panel title="栏目更新（抽查单项否决）" available={p.freshness.available} testId="panel-freshness">
                <Flex gap={3} wrap="wrap">
                  <Figure label="网站" value={p.freshness.sites} onDrill={onDrill} testId="figure-freshness-sites" />
                  <Figure label="将被判不合格" value={p.freshness.failing} onDrill={onDrill} testId="figure-freshness-failing" />
                  <Figure label="未按期更新栏目" value={p.freshness.staleColumns} drill={{ panel: 'freshness', metric: 'stale', label: '未按期更新栏目' }} onDrill={onDrill} testId="figure-freshness-stale" />
                  <Figure label="空白栏目" value={p.freshness.blankColumns} drill={{ panel: 'freshness', metric: 'blank', label: '空白栏目' }} onDrill={onDrill} testId="figure-freshness-blank" />
                </Flex>
              </Panel>
            </Grid.Item>
            <Grid.Item col={12}>
              <Box padding={5} background="neutral0" shadow="tableShadow" hasRadius width="100%">
                <Flex justifyContent="space-between">
                  <Typography variant="delta" tag="h2">网站抽查结论</Typography>
                  <Button variant="secondary" data-testid="csv-sites" onClick={() => downloadCsv('网站抽查结论.csv', ['网站', '主办机关', '结论', '单项否决栏目', '未更新栏目', '空白栏目', '首页最近更新'], p.freshness.siteVerdicts.map((s: any) => [s.name, s.organizationName, s.verdict, s.staleTogether, s.notUpdating, s.blank, s.homepageLastUpdatedOn]))}>导出 CSV</Button>
                </Flex>
                <Table colCount={5} rowCount={p.freshness.siteVerdicts.length + 1}>
                  <Thead><Tr>{['网站', '结论', '单项否决栏目', '未更新栏目', '空白栏目'].map((h) => <Th key={h}><Typography variant="sigma">{h}</Typography></Th>)}</Tr></Thead>
                  <Tbody>
                    {p.freshness.siteVerdicts.map((s: any) => (
                      <Tr key={s.documentId}>
                        <Td><Typography>{s.name}</Typography></Td>
                        <Td><Typography textColor={s.fails ? 'danger600' : 'success600'} data-testid={`verdict-${s.documentId}`}>{s.verdict}</Typography></Td>
                        <Td><button type="button" onClick={() => onDrill({ panel: 'freshness', metric: 'staleVeto', site: s.documentId, label: `${s.name} 单项否决栏目` })}>{s.staleTogether}</button></Td>
                        <Td><button type="button" onClick={() => onDrill({ panel: 'freshness', metric: 'stale', site: s.documentId, label: `${s.name} 未更新栏目` })}>{s.notUpdating}</button></Td>
                        <Td><button type="button" onClick={() => onDrill({ panel: 'freshness', metric: 'blank', site: s.documentId, label: `${s.name} 空白栏目` })}>{s.blank}</button></Td>
                      </Tr>
                    ))}
                  </Tbody>
                </Table>
              </Box>
            </Grid.Item>
            <Grid.Item col={12}>
              <Box padding={5} background="neutral0" shadow="tableShadow" hasRadius width="100%">
                <Flex justifyContent="space-between">
                  <Typography variant="delta" tag="h2">机关合规排名</Typography>
                  <Button variant="secondary" data-testid="csv-ranking" onClick={() => downloadCsv('机关合规排名.csv', ['名次', '机关', '代码', '合规得分', '主动公开及时率', '按期答复率', '栏目更新率'], summary.ranking.organizations.map((o: any) => [o.rank, o.name, o.code, o.score, o.rates.timeliness, o.rates.applications, o.rates.freshness]))}>导出 CSV</Button>
                </Flex>
                <Box paddingTop={2} paddingBottom={2}><Typography variant="pi" data-testid="score-formula">{summary.ranking.formula}</Typography></Box>
                <Table colCount={6} rowCount={summary.ranking.organizations.length + 1}>
                  <Thead><Tr>{['名次', '机关', '合规得分', '主动公开及时率', '按期答复率', '栏目更新率'].map((h) => <Th key={h}><Typography variant="sigma">{h}</Typography></Th>)}</Tr></Thead>
                  <Tbody>
                    {summary.ranking.organizations.map((o: any) => (
                      <Tr key={o.documentId}>
                        <Td><Typography>{o.rank ?? '—'}</Typography></Td>
                        <Td><a href={`/admin/content-manager/collection-types/api::organization.organization/${o.documentId}`}>{o.name}</a></Td>
                        <Td><Typography fontWeight="bold" data-testid={`score-${o.code}`}>{o.score ?? '—'}</Typography></Td>
                        <Td><Typography>{pct(o.rates.timeliness)}</Typography></Td>
                        <Td><Typography>{pct(o.rates.applications)}</Typography></Td>
                        <Td><Typography>{pct(o.rates.freshness)}</Typography></Td>
                      </Tr>
                    ))}
                  </Tbody>
                </Table>
              </Box>
            </Grid.Item>
          </Grid.Root>
        )}
        <Modal.Root open={!!drill} onOpenChange={(open: boolean) => !open && setDrill(null)}>
          <Modal.Content>
            <Modal.Header><Modal.Title>{drill?.label ?? ''}{entries?.total !== undefined ? `（共 ${entries.total} 条）` : ''}</Modal.Title></Modal.Header>
            <Modal.Body>
              <Table colCount={4} rowCount={(entries?.items?.length ?? 0) + 1}>
                <Thead><Tr>{['名称', '机关', '日期', ''].map((h) => <Th key={h}><Typography variant="sigma">{h}</Typography></Th>)}</Tr></Thead>
                <Tbody>
                  {(entries?.items ?? []).map((e: any) => (
                    <Tr key={e.documentId} data-testid="drill-row">
                      <Td><Typography>{e.title ?? e.documentId}</Typography></Td>
                      <Td><Typography>{e.organization ?? e.site ?? ''}</Typography></Td>
                      <Td><Typography>{e.dueDate ?? e.expiresOn ?? e.lastUpdatedOn ?? e.firstPublishedAt ?? e.releasedAt ?? ''}</Typography></Td>
                      <Td><a href={e.editUrl} data-testid="drill-edit-link">编辑</a></Td>
                    </Tr>
                  ))}
                </Tbody>
              </Table>
            </Modal.Body>
            <Modal.Footer>
              <Button variant="tertiary" onClick={() => setDrill(null)}>关闭</Button>
              <Button data-testid="csv-drill" onClick={() => entries?.items && downloadCsv(`${drill?.label ?? '明细'}.csv`, ['名称', '机关', '日期', '编辑链接'], entries.items.map((e: any) => [e.title ?? e.documentId, e.organization ?? e.site ?? '', e.dueDate ?? e.expiresOn ?? e.lastUpdatedOn ?? e.firstPublishedAt ?? '', e.editUrl]))}>导出 CSV</Button>
            </Modal.Footer>
          </Modal.Content>
        </Modal.Root>
      </Layouts.Content>
    </Page.Main>
  );
};
