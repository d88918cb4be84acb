import { Badge, Box, Button, Flex, SingleSelect, SingleSelectOption, Table, Tbody, Td, TextInput, Textarea, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { Layouts, Page, useFetchClient } from '@strapi/strapi/admin';
import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { saveBlob as save } from '../csv';
import { NARRATIVE_SECTIONS, REPORT_STAGE_LABELS, REVIEW_KINDS, REVIEW_OUTCOMES, table2Rows } from '../../../server/src/core/annual-report';

const errorText = (e: any) => e?.response?.data?.error?.message ?? e?.message ?? '操作失败';


/** 年度报告: the reports the user may see, and generating one for an organisation (code) or a region (division code). */
export const ReportsPage = () => {
  const { get, post } = useFetchClient();
  const navigate = useNavigate();
  const [rows, setRows] = useState<any[]>([]);
  const [year, setYear] = useState(String(new Date().getFullYear() - 1));
  const [target, setTarget] = useState('');
  const [kind, setKind] = useState<'organization' | 'region'>('organization');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    get<any>('/compliance/reports').then((res) => setRows(res.data.data)).catch((e) => setError(errorText(e)));
  }, []);
  const generate = () => {
    setError(null);
    const body = { year: Number(year), [kind]: target.trim() };
    post<any>('/compliance/reports', body).then((res) => navigate(res.data.data.documentId)).catch((e) => setError(errorText(e)));
  };
  return (
    <Page.Main>
      <Page.Title>年度报告</Page.Title>
      <Layouts.Header title="政府信息公开工作年度报告" subtitle="2021 年格式（国办公开办函〔2021〕30号）" navigationAction={<Link to="/plugins/compliance">返回督查看板</Link>} />
      <Layouts.Content>
        <Flex gap={3} paddingBottom={4} alignItems="flex-end">
          <Box width="120px"><TextInput aria-label="年度" value={year} onChange={(e: any) => setYear(e.target.value)} name="year" /></Box>
          <Box width="160px">
            <SingleSelect aria-label="报告范围" value={kind} onChange={(v: string | number) => setKind(v as 'organization' | 'region')}>
              <SingleSelectOption value="organization">机关部门</SingleSelectOption>
              <SingleSelectOption value="region">行政区划</SingleSelectOption>
            </SingleSelect>
          </Box>
          <Box width="280px"><TextInput aria-label="机关代码或区划代码" placeholder="机关代码或区划代码" value={target} onChange={(e: any) => setTarget(e.target.value)} name="target" /></Box>
          <Button onClick={generate}>生成报告</Button>
        </Flex>
        {error && <Typography textColor="danger600">{error}</Typography>}
        <Table colCount={5} rowCount={rows.length + 1}>
          <Thead><Tr>{['年度', '范围', '状态', '校验问题', '生成时间'].map((h) => <Th key={h}><Typography variant="sigma">{h}</Typography></Th>)}</Tr></Thead>
          <Tbody>
            {rows.map((r) => (
              <Tr key={r.documentId}>
                <Td><Link to={r.documentId}>{r.reportYear}</Link></Td>
                <Td><Typography>{r.scopeName}</Typography></Td>
                <Td><Badge>{REPORT_STAGE_LABELS[r.stage as keyof typeof REPORT_STAGE_LABELS] ?? r.stage}</Badge></Td>
                <Td><Typography textColor={r.violationCount ? 'danger600' : 'success600'}>{r.violationCount}</Typography></Td>
                <Td><Typography>{String(r.generatedAt ?? '').slice(0, 10)}</Typography></Td>
              </Tr>
            ))}
          </Tbody>
        </Table>
      </Layouts.Content>
    </Page.Main>
  );
};

/** One report: its tables, the cross-check violations, the editable narrative and fees, the workflow and exports. */
export const ReportPage = () => {
  const { documentId } = useParams();
  const { get, put, post } = useFetchClient();
  const [report, setReport] = useState<any | null>(null);
  const [narrative, setNarrative] = useState<Record<string, string>>({});
  const [fees, setFees] = useState('0');
  const [error, setError] = useState<string | null>(null);
  const load = (r: any) => { setReport(r); setNarrative(r.narrative ?? {}); setFees(String(r.figures?.table2?.feesWanYuan ?? 0)); };
  useEffect(() => { get<any>(`/compliance/reports/${documentId}`).then((res) => load(res.data.data)).catch((e) => setError(errorText(e))); }, [documentId]);
  const act = (promise: Promise<any>) => { setError(null); promise.then((res) => load(res.data.data)).catch((e) => setError(errorText(e))); };
  const exportAs = (format: 'html' | 'xlsx') =>
    get(`/compliance/reports/${documentId}/export?format=${format}`, { responseType: 'blob' })
      .then((res) => save(res.data, `${report.scopeName}${report.reportYear}年政府信息公开工作年度报告.${format}`))
      .catch((e) => setError(errorText(e)));
  if (!report) return <Page.Main><Layouts.Content>{error ? <Typography textColor="danger600">{error}</Typography> : <Page.Loading />}</Layouts.Content></Page.Main>;
  const draft = report.stage === 'draft';
  const t3 = report.figures.table3;
  return (
    <Page.Main>
      <Page.Title>年度报告</Page.Title>
      <Layouts.Header
        title={`${report.scopeName}${report.reportYear}年政府信息公开工作年度报告`}
        subtitle={`状态：${REPORT_STAGE_LABELS[report.stage as keyof typeof REPORT_STAGE_LABELS]} · 格式 ${report.templateVersion} 版`}
        navigationAction={<Link to="/plugins/compliance/reports">返回列表</Link>}
        primaryAction={
          <Flex gap={2}>
            <Button variant="secondary" onClick={() => exportAs('html')}>导出 HTML</Button>
            <Button variant="secondary" onClick={() => exportAs('xlsx')}>导出 XLSX</Button>
          </Flex>
        }
      />
      <Layouts.Content>
        {error && <Box paddingBottom={3}><Typography textColor="danger600">{error}</Typography></Box>}
        <Flex gap={2} paddingBottom={4} wrap="wrap">
          {draft && <Button onClick={() => act(put(`/compliance/reports/${documentId}`, { narrative, feesWanYuan: Number(fees) }))}>保存</Button>}
          {draft && <Button variant="secondary" onClick={() => act(post(`/compliance/reports/${documentId}/regenerate`))}>按最新数据重新生成</Button>}
          {draft && <Button variant="success" onClick={() => act(post(`/compliance/reports/${documentId}/submit`))}>提交</Button>}
          {report.stage === 'submitted' && <Button variant="success" onClick={() => act(post(`/compliance/reports/${documentId}/approve`))}>审核通过</Button>}
          {['submitted', 'approved'].includes(report.stage) && <Button variant="danger-light" onClick={() => act(post(`/compliance/reports/${documentId}/return`))}>退回修改</Button>}
          {report.stage === 'approved' && <Button variant="success" onClick={() => act(post(`/compliance/reports/${documentId}/publish`))}>发布</Button>}
        </Flex>
        {report.violations.length > 0 && (
          <Box padding={4} background="danger100" hasRadius marginBottom={4}>
            <Typography variant="delta">校验未通过（{report.violations.length} 处），不能提交</Typography>
            {report.violations.map((v: any, i: number) => <Box key={i}><Typography>{v.message}</Typography></Box>)}
          </Box>
        )}
        {NARRATIVE_SECTIONS.map((section) => (
          <Box key={section.key} paddingBottom={4}>
            <Typography variant="delta" tag="h2">{`${section.ordinal}、${section.title}`}</Typography>
            <Textarea aria-label={section.title} name={section.key} disabled={!draft} value={narrative[section.key] ?? ''} onChange={(e: any) => setNarrative({ ...narrative, [section.key]: e.target.value })} />
          </Box>
        ))}
        <Typography variant="delta" tag="h2">二、主动公开政府信息情况</Typography>
        <Table colCount={5} rowCount={7}>
          <Thead><Tr>{['信息内容', '类别', '本年制发', '本年废止', '现行有效 / 数值'].map((h) => <Th key={h}><Typography variant="sigma">{h}</Typography></Th>)}</Tr></Thead>
          <Tbody>
            {table2Rows(report.figures.table2).map((r: any) => (
              <Tr key={r.label}>
                <Td><Typography>{r.section}</Typography></Td>
                <Td><Typography>{r.label}</Typography></Td>
                <Td><Typography>{'value' in r ? '' : r.made ?? '不适用'}</Typography></Td>
                <Td><Typography>{'value' in r ? '' : r.repealed ?? '不适用'}</Typography></Td>
                <Td>
                  {r.label === '行政事业性收费'
                    ? <TextInput aria-label="收费金额（万元）" name="fees" disabled={!draft} value={fees} onChange={(e: any) => setFees(e.target.value)} />
                    : <Typography>{'value' in r ? r.value : r.currentlyValid ?? '不适用'}</Typography>}
                </Td>
              </Tr>
            ))}
          </Tbody>
        </Table>
        <Box paddingTop={4}><Typography variant="delta" tag="h2">三、收到和处理政府信息公开申请情况</Typography></Box>
        {t3 ? (
          <Table colCount={t3.columns.length + 1} rowCount={t3.rows.length + 1}>
            <Thead><Tr><Th><Typography variant="sigma">项目</Typography></Th>{t3.columns.map((c: any) => <Th key={c.key}><Typography variant="sigma">{c.label}</Typography></Th>)}</Tr></Thead>
            <Tbody>
              {t3.rows.map((r: any) => (
                <Tr key={r.key}>
                  <Td><Typography>{`${r.ordinal} ${r.label}`}</Typography></Td>
                  {t3.columns.map((c: any) => <Td key={c.key}><Typography>{t3.cells[r.key]?.[c.key] ?? 0}</Typography></Td>)}
                </Tr>
              ))}
            </Tbody>
          </Table>
        ) : <Typography textColor="neutral600">不可用：时限（deadlines）插件未启用</Typography>}
        <Box paddingTop={4}><Typography variant="delta" tag="h2">四、政府信息公开行政复议、行政诉讼情况</Typography></Box>
        <Table colCount={6} rowCount={4}>
          <Thead><Tr><Th><Typography variant="sigma">类别</Typography></Th>{REVIEW_OUTCOMES.map((o) => <Th key={o.key}><Typography variant="sigma">{o.label}</Typography></Th>)}</Tr></Thead>
          <Tbody>
            {REVIEW_KINDS.map((k) => (
              <Tr key={k.key}>
                <Td><Typography>{k.label}</Typography></Td>
                {REVIEW_OUTCOMES.map((o) => <Td key={o.key}><Typography>{report.figures.table4[k.key][o.key]}</Typography></Td>)}
              </Tr>
            ))}
          </Tbody>
        </Table>
      </Layouts.Content>
    </Page.Main>
  );
};
