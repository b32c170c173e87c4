import { makeRecord } from '../../storage/fixtures.js';

/**
 * A record full of what breaks serialisers: markup and LaTeX specials,
 * quotes, a line break, a spreadsheet formula, non-Latin script and a
 * control character.
 */
export const hostile = makeRecord({
  id: '(UkWeS)42<&>',
  title: 'Braces {and} 50% of $money & #tags_ \\ ~ ^ "quoted"',
  subtitle: 'a line\nbreak, and <b>markup</b>',
  authors: ['=HYPERLINK("http://evil.example"), Mallory', 'Royal Society of Chemistry', "O'Brien, Flann"],
  statement: 'by M. =Mallory',
  year: 2024,
  publisher: '+44 Press',
  isbns: ['9780141439587', '9780141441146'],
  languages: ['eng'],
  series: ['@home series'],
  subjects: ['Cookery -- History', 'Война и мир'],
  genres: ['-dash genre'],
  notes: ['<script>alert(1)</script> & \u0007bell'],
  summary: 'Comma, "quote", and\r\nCRLF.',
  holdings: [
    { itemId: 'B1', branch: 'Central, Main Hall', shelfmark: '641.5 "MAL"', status: 'available' },
    { itemId: 'B2', branch: 'Northside', shelfmark: '=SUM(A1)', status: 'on-loan', dueDate: '2026-12-01' },
  ],
});
