import Router from '@koa/router';
import type { RouteDeps } from '../http/deps.js';
import { auditConsole } from '../audit/console-audit.js';
import { parseDateRange, type DateRange } from '../text/date-range.js';
import { demandReport, MIN_VISITS, type DemandReport } from './demand-report.js';
import { dayChart } from './chart.js';
import { visitorReport } from './visitor-report.js';
import { csvHeaders, csvText, type CsvValue } from '../csv/csv.js';

/** One CSV with a section column, so a spreadsheet filter shows each report on its own. */
function demandCsv(range: DateRange, report: DemandReport): string {
  const rows: CsvValue[][] = [['section', 'value', 'searches', 'found_nothing']];
  for (const d of report.days) rows.push(['searches per day', d.day, d.searches, d.zeroResults]);
  for (const q of report.topQueries) rows.push(['top queries', q.value, q.searches, '']);
  for (const q of report.topZero) rows.push(['queries that found nothing', q.value, q.searches, q.searches]);
  for (const f of report.topFilters) rows.push(['filters used', f.value, f.searches, '']);
  rows.push(['range', `${range.from} to ${range.to}`, report.totalSearches, report.totalZero]);
  return csvText(rows);
}

const SEARCH_SERIES = [
  { name: 'All searches', noun: ['search', 'searches'] as [string, string], fill: '#1d5c8c' },
  { name: 'Found nothing', noun: ['found nothing', 'found nothing'] as [string, string], fill: '#b35900' },
];
const VISITOR_SERIES = [
  { name: 'Visitors', noun: ['visitor', 'visitors'] as [string, string], fill: '#1d5c8c' },
  { name: 'Returning', noun: ['returning visitor', 'returning visitors'] as [string, string], fill: '#2e7d32' },
];

/** What members searched for in a date range (per day, top queries, what found nothing, filters used), and who visited. */
export function demandRoutes(deps: RouteDeps<'audit' | 'searchLog' | 'visits'>): Router {
  const { store, render, clock } = deps;
  const router = new Router();

  router.get('/librarian/demand', async (ctx) => {
    const range = parseDateRange(new URLSearchParams(ctx.querystring), clock());
    const [report, visitors] = await Promise.all([demandReport(store, range), visitorReport(store, range)]);
    await render(ctx, 'librarian/demand', {
      title: 'Search demand', section: 'demand', range, report, minVisits: MIN_VISITS, visitors,
      searchChart: dayChart('searches-chart', 'Searches per day', SEARCH_SERIES, report.days.map((d) => ({ day: d.day, values: [d.searches, d.zeroResults] }))),
      visitorChart: dayChart('visitors-chart', 'Visitors per day', VISITOR_SERIES, visitors.days.map((d) => ({ day: d.day, values: [d.visitors, d.returning] }))),
      csvHref: `/librarian/demand.csv?${new URLSearchParams({ from: range.from, to: range.to }).toString()}`,
    });
  });

  router.get('/librarian/demand.csv', async (ctx) => {
    const range = parseDateRange(new URLSearchParams(ctx.querystring), clock());
    await auditConsole(deps, ctx, 'librarian-download');
    ctx.set(csvHeaders(`search-demand-${range.from}-to-${range.to}.csv`));
    ctx.body = demandCsv(range, await demandReport(store, range));
  });

  return router;
}
